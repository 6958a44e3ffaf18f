package dev.rollcall.jobs.ingest;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.run.RunOptions;
import dev.rollcall.jobs.run.RunOutcome;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a configuration of live sources with {@code --save-snapshot}, then a configuration that
 * reads the saved snapshot, so a test can compare the two.
 *
 * @param live the live run
 * @param replayed the run on its saved snapshot
 */
record LiveAndReplay(RunOutcome live, RunOutcome replayed) {

  static LiveAndReplay run(SparkSession spark, Path dir, String sourcesYaml) throws IOException {
    Path live =
        Files.writeString(
            dir.resolve("live.yaml"),
            "organisation: Test Co\ndomains: [example.test]\nsources:\n" + sourcesYaml);
    Path replay =
        Files.writeString(
            dir.resolve("replay.yaml"),
            "organisation: Test Co\ndomains: [example.test]\nsources:\n"
                + "  - {name: saved, type: snapshot, path: saved}\n");
    NightlyRun job = new NightlyRun(SparkStart.of(spark), "test", TestCredentials.livePulls());
    RunOutcome direct =
        job.run(
            new RunOptions(
                ConfigLoader.load(live),
                Severity.HIGH,
                dir.resolve("out-live"),
                Clock.systemUTC(),
                Map.of(),
                dir.resolve("saved")));
    RunOutcome replayed =
        job.run(
            new RunOptions(
                ConfigLoader.load(replay),
                Severity.HIGH,
                dir.resolve("out-replay"),
                Clock.systemUTC(),
                Map.of()));
    return new LiveAndReplay(direct, replayed);
  }

  /** Each finding as "rule account-id". */
  static Set<String> keys(RunOutcome outcome) {
    return outcome.findings().stream()
        .map((Finding f) -> f.ruleId() + " " + f.account().id())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
