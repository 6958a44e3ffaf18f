package dev.rollcall.jobs.cli;

import dev.rollcall.connectors.pull.SnapshotFiles;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.config.S3Location;
import dev.rollcall.jobs.deliver.S3Reports;
import dev.rollcall.jobs.notify.Webhook;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.run.RunOptions;
import dev.rollcall.jobs.run.RunOutcome;
import dev.rollcall.jobs.run.RunTimings;
import dev.rollcall.jobs.spark.LocalSessionStarter;
import dev.rollcall.model.FailOn;
import dev.rollcall.reports.AtomicFiles;
import dev.rollcall.reports.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** {@code rollcall run}: the nightly job. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the nightly audit: reads every source, ties accounts to people, applies the policy"
          + " profile's rules, records the findings in the state store and writes the reports"
          + " (findings.json, findings.csv, summary.md, report.html, findings.ocsf.jsonl,"
          + " summary-short.md, inventory.csv) into the output folder; with ROLLCALL_WEBHOOK_URL"
          + " set (or notify: {webhook: ...} in the configuration) it posts summary-short.md"
          + " there."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "high",
      converter = FailOnConverter.class,
      description =
          "Exit with code 3 when a finding at or above this severity exists: info, low, medium,"
              + " high or critical (default: ${DEFAULT-VALUE}); none never exits 3 on findings,"
              + " for schedulers that count any other exit than 0 as a failed job (a failed"
              + " source still exits 4).")
  FailOn failOn;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "The output folder; overrides 'output' of the configuration file.")
  Path out;

  @Option(
      names = "--save-snapshot",
      paramLabel = "DIR",
      description =
          "Keep what the live sources returned as a snapshot in DIR (owner-only), to replay it"
              + " later with a snapshot source; by default a live pull is removed after the run.")
  Path saveSnapshot;

  @Option(
      names = "--timings",
      paramLabel = "FILE",
      description =
          "Write how long each stage took (load, correlate, detect, store, report), with its"
              + " counts and the JVM's peak heap, as JSON to FILE (owner-only); for benchmarks.")
  Path timings;

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded = config.load();
    // An s3:// output: the reports are written into a private temporary folder, uploaded, and
    // the folder removed. --out keeps them local instead.
    Optional<S3Location> bucket = out != null ? Optional.empty() : loaded.config().outputBucket();
    Path outputDir =
        out != null
            ? out.toAbsolutePath()
            : bucket.isPresent() ? staging() : loaded.resolve(loaded.config().output());
    Optional<URI> webhook = Webhook.configuredUrl(loaded.config().notifications(), System.getenv());
    LocalSessionStarter spark = new LocalSessionStarter();
    try {
      RunOutcome outcome =
          new NightlyRun(spark, RollcallCommand.version())
              .run(
                  new RunOptions(
                      loaded, failOn, outputDir, Clock.systemUTC(), System.getenv(), saveSnapshot));
      if (timings != null) {
        writeTimings(outcome.timings(), timings);
      }
      if (bucket.isPresent()) {
        new S3Reports(
                bucket.get(),
                loaded.config().outputS3(),
                DefaultCredentialsProvider.builder().build())
            .upload(outcome.reports(), outcome.runId());
      }
      PrintWriter console = spec.commandLine().getOut();
      console.print(ConsoleSummary.render(outcome, failOn));
      console.flush();
      // A failed post is logged as an error and leaves the exit code alone: the code says what
      // the audit found, and the scheduler alerts on it whether or not the chat heard.
      if (webhook.isPresent()) {
        String message = shortSummary(outcome);
        Optional<String> link = loaded.config().notifications().reportLink(outcome.runId());
        Webhook.of(webhook.get()).post(link.map(l -> message + "\nReport: " + l).orElse(message));
      }
      return outcome.exitCode().code();
    } finally {
      spark.stop();
      if (bucket.isPresent()) {
        deleteTree(outputDir);
      }
    }
  }

  /** A private folder for reports on their way to S3. */
  private static Path staging() {
    try {
      return Files.createTempDirectory(
          "rollcall-reports-",
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for the reports", e);
    }
  }

  private static void deleteTree(Path folder) {
    try {
      SnapshotFiles.delete(folder);
    } catch (UncheckedIOException e) {
      // A leftover temporary folder (owner-only) is removed with the machine's temp files.
    }
  }

  private static String shortSummary(RunOutcome outcome) {
    Path file =
        outcome.reports().stream()
            .filter(p -> p.getFileName().toString().equals(ReportWriter.SHORT_SUMMARY))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("the run wrote no " + ReportWriter.SHORT_SUMMARY));
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void writeTimings(RunTimings runTimings, Path file) {
    try {
      AtomicFiles.write(
          file.toAbsolutePath(), runTimings.toJson().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the timings to " + file, e);
    }
  }

  /** Parses --fail-on without regard to case; a bad value is a usage error in plain words. */
  static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      try {
        return FailOn.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
