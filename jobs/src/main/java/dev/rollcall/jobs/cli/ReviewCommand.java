package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.review.DecisionsFile;
import dev.rollcall.jobs.store.StateStore;
import dev.rollcall.model.ReviewDecision;
import dev.rollcall.reports.review.InventoryRow;
import dev.rollcall.reports.review.ReviewPack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
          "Read a filled-in people.csv or unowned.csv back: every row checked (unknown rows,"
              + " missing reviewer, bad decision or date are named with their line; nothing is"
              + " stored unless all are right), and the decisions kept as evidence.")
  Path decisions;

  @Override
  public Integer call() {
    if (!ReviewPack.PERIOD.matcher(period).matches()) {
      throw new ConfigException(
          "--period must be a year and a quarter such as 2026Q4, was '" + period + "'");
    }
    if (!groupBy.equals("manager") && !groupBy.equals("system")) {
      throw new ConfigException("--group-by must be manager or system, was '" + groupBy + "'");
    }
    ConfigLoader.Loaded loaded = config.load();
    Path outputDir = out != null ? out.toAbsolutePath() : loaded.resolve(loaded.config().output());
    try (StateStore store = StateStore.open(loaded.config().store(), outputDir, System.getenv())) {
      String runId =
          store
              .lastCompleteRunId()
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "no complete run in " + store.describe() + ": run rollcall run first"));
      List<InventoryRow> rows = store.inventory(runId);
      PrintWriter console = spec.commandLine().getOut();
      if (decisions != null) {
        List<ReviewDecision> read = DecisionsFile.read(decisions, period, rows);
        store.recordDecisions(read, java.time.Instant.now());
        console.printf(
            "review %s: %d decision(s) stored from %s (%d revoke)%n",
            period,
            read.size(),
            decisions,
            read.stream().filter(d -> d.decision() == ReviewDecision.Decision.REVOKE).count());
        console.flush();
        return 0;
      }
      List<Path> written =
          ReviewPack.write(
              ReviewPack.ordered(rows, groupBy),
              outputDir.resolve("review-" + period),
              store.decisionsBefore(period));
      console.printf(
          "review %s from run %s: %d rows (%d unowned)%n",
          period, runId, rows.size(), rows.stream().filter(r -> r.personId().isEmpty()).count());
      written.forEach(p -> console.println("  " + p));
      console.flush();
      return 0;
    }
  }
}
