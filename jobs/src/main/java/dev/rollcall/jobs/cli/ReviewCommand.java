package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.review.DecisionsFile;
import dev.rollcall.jobs.review.ReviewDates;
import dev.rollcall.jobs.run.ExitCode;
import dev.rollcall.jobs.store.ReviewPacks;
import dev.rollcall.jobs.store.StateStore;
import dev.rollcall.jobs.store.StoredPack;
import dev.rollcall.model.ReviewDecision;
import dev.rollcall.reports.review.InventoryRow;
import dev.rollcall.reports.review.PackSummary;
import dev.rollcall.reports.review.ReviewPack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollcall review --period 2026Q4}: the access review pack of the last complete run. */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the access review pack from the last complete run: people.csv (one row per person"
          + " per account, grouped by manager, with empty decision, reviewer, date and note"
          + " columns) and unowned.csv (accounts nobody owns, for the system owners), into"
          + " OUTPUT/review-PERIOD/."
    })
final class ReviewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(
      names = "--period",
      required = true,
      paramLabel = "PERIOD",
      description = "The review period, a year and a quarter, e.g. 2026Q4.")
  String period;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "The output folder (holding the state store); overrides 'output'.")
  Path out;

  @Option(
      names = "--group-by",
      paramLabel = "ORDER",
      defaultValue = "manager",
      description =
          "How people.csv is grouped: manager (then person) or system (then tenant and person);"
              + " default: ${DEFAULT-VALUE}.")
  String groupBy;

  @Option(
      names = "--import",
      paramLabel = "DECISIONS",
      description =
          "Read a filled-in people.csv, unowned.csv or review.xlsx back, checked against the"
              + " pack it is a copy of (its pack_id): every row checked (unknown rows,"
              + " missing reviewer, bad decision or date are named with their line; nothing is"
              + " stored unless all are right), and the decisions kept as evidence.")
  Path decisions;

  @Option(
      names = "--force",
      description = "Replace a pack that already exists in OUTPUT/review-PERIOD/.")
  boolean force;

  @Option(
      names = "--date-order",
      paramLabel = "ORDER",
      description =
          "How --import reads slash dates: mdy (12/15/2026) or dmy (15/12/2026); without it a"
              + " slash date that could be read both ways is refused.")
  String dateOrder;

  @Override
  public Integer call() {
    if (!ReviewPack.PERIOD.matcher(period).matches()) {
      throw new ConfigException(
          "--period must be a year and a quarter such as 2026Q4, was '" + period + "'");
    }
    if (!groupBy.equals("manager") && !groupBy.equals("system")) {
      throw new ConfigException("--group-by must be manager or system, was '" + groupBy + "'");
    }
    if (dateOrder != null && !dateOrder.equals("mdy") && !dateOrder.equals("dmy")) {
      throw new ConfigException("--date-order must be mdy or dmy, was '" + dateOrder + "'");
    }
    ConfigLoader.Loaded loaded = config.load();
    Path outputDir = loaded.localOutput(out, "rollcall review");
    try (StateStore store = StateStore.open(loaded.config().store(), outputDir, System.getenv())) {
      ReviewPacks packs = new ReviewPacks(store);
      PrintWriter console = spec.commandLine().getOut();
      if (decisions != null) {
        DecisionsFile.Imported read =
            DecisionsFile.read(
                decisions,
                period,
                packs,
                Optional.ofNullable(dateOrder)
                    .map(o -> ReviewDates.Order.valueOf(o.toUpperCase(Locale.ROOT))));
        Instant now = Instant.now();
        store.recordDecisions(read.decisions(), now);
        packs.recordImport(read.packId(), decisions.toString(), read.decisions().size(), now);
        console.printf(
            "review %s: %d decision(s) of pack %s stored from %s (%d revoke)%n",
            period,
            read.decisions().size(),
            read.packId(),
            decisions,
            read.decisions().stream()
                .filter(d -> d.decision() == ReviewDecision.Decision.REVOKE)
                .count());
        console.flush();
        return ExitCode.OK.code();
      }
      String runId =
          store
              .lastCompleteRunId()
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "no complete run in " + store.describe() + ": run rollcall run first"));
      Path dir = outputDir.resolve("review-" + period);
      for (String name : ReviewPack.FILES) {
        if (Files.exists(dir.resolve(name)) && !force) {
          throw new ConfigException(
              dir.resolve(name)
                  + " already exists: a pack handed out may be being filled in; import it first,"
                  + " or replace it with --force");
        }
      }
      List<InventoryRow> rows = ReviewPack.ordered(store.inventory(runId), groupBy);
      List<PackSummary.Source> sources = packs.sourcesOf(runId);
      Instant now = Instant.now();
      PackSummary summary =
          new PackSummary(
              period + "-" + UUID.randomUUID().toString().substring(0, 8),
              period,
              runId,
              now,
              sources.stream()
                  .map(PackSummary.Source::observedAt)
                  .min(Instant::compareTo)
                  .orElse(now),
              sources);
      // Stored before the files are written: a pack handed out can always be imported.
      packs.save(new StoredPack(summary, rows));
      List<Path> written = ReviewPack.write(rows, dir, store.decisionsBefore(period), summary);
      console.printf(
          "review %s (pack %s) from run %s: %d rows (%d unowned)%n",
          period,
          summary.packId(),
          runId,
          rows.size(),
          rows.stream().filter(r -> r.personId().isEmpty()).count());
      written.forEach(p -> console.println("  " + p));
      List<PackSummary.Source> incomplete = summary.incomplete();
      for (PackSummary.Source s : incomplete) {
        console.printf(
            "warning: source %s was %s in run %s: its accounts are missing or incomplete in"
                + " this pack%n",
            s.name(), s.status().name().toLowerCase(Locale.ROOT), runId);
      }
      console.flush();
      return incomplete.isEmpty() ? ExitCode.OK.code() : ExitCode.SOURCE_FAILED.code();
    }
  }
}
