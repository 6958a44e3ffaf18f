package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.profile.ProfileLoader;
import dev.rollcall.jobs.profile.RuleSettings;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's organisation generator (scripts/benchmark/make-org.py): the same seed writes the
 * same bytes, and a small organisation trips every rule the default profile enables, with each
 * stage of the run timed.
 */
@ExtendWith(SharedSpark.class)
class GeneratedOrganisationTest {
  private static final Path GENERATOR = Path.of("..", "scripts", "benchmark", "make-org.py");
  private static final int ACCOUNTS = 1500;

  @TempDir Path dir;

  @Test
  void theSameSeedWritesTheSameBytes() throws Exception {
    Path a = generate(7, dir.resolve("a"));
    Path b = generate(7, dir.resolve("b"));
    Path c = generate(8, dir.resolve("c"));

    List<Path> files = files(a);
    assertEquals(files, files(b));
    assertTrue(files.size() > 20, "files: " + files);
    boolean anyDiffers = false;
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(a.resolve(file));
      assertArrayEquals(bytes, Files.readAllBytes(b.resolve(file)), file.toString());
      Path other = c.resolve(file);
      anyDiffers |=
          !Files.exists(other) || !java.util.Arrays.equals(bytes, Files.readAllBytes(other));
    }
    assertTrue(anyDiffers, "another seed writes another organisation");
  }

  @Test
  void aSmallOrganisationTripsEveryEnabledRule(SparkSession spark) throws Exception {
    Path org = generate(5, dir.resolve("org"));
    ConfigLoader.Loaded config = ConfigLoader.load(org.resolve("rollcall.yaml"));
    Clock night = Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC);

    RunOutcome outcome =
        new NightlyRun(SparkStart.of(spark), "test")
            .run(new RunOptions(config, Severity.HIGH, dir.resolve("out"), night, Map.of()));

    assertTrue(
        outcome.sources().stream().allMatch(s -> s.status() == PullStatus.COMPLETE),
        "sources: " + outcome.sources());
    int accounts = outcome.sources().stream().mapToInt(SourcePull::accounts).sum();
    assertTrue(Math.abs(accounts - ACCOUNTS) < ACCOUNTS / 50, "accounts: " + accounts);
    TreeSet<String> enabled =
        ProfileLoader.load("default", org).enabledRules().stream()
            .map(RuleSettings::id)
            .collect(Collectors.toCollection(TreeSet::new));
    TreeSet<String> found =
        outcome.findings().stream()
            .map(Finding::ruleId)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(enabled, found);
    // Problems are planted in small proportions: most accounts are clean.
    assertTrue(outcome.findings().size() < accounts / 2, "findings: " + outcome.findings().size());

    assertEquals(
        List.of("load", "spark", "correlate", "detect", "store", "report"),
        outcome.timings().stages().stream().map(RunTimings.Stage::name).toList());
    assertEquals(accounts, outcome.timings().stages().get(0).count());
    assertEquals(outcome.findings().size(), outcome.timings().stages().get(3).count());
    assertTrue(outcome.timings().heapPeakBytes() > 0);
    assertTrue(outcome.timings().toJson().contains("\"name\" : \"correlate\""));
  }

  private static Path generate(int seed, Path out) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "python3",
                GENERATOR.toString(),
                "--accounts",
                String.valueOf(ACCOUNTS),
                "--seed",
                String.valueOf(seed),
                "--out",
                out.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "make-org.py did not finish");
    assertEquals(0, process.exitValue(), GENERATOR + " failed: " + output);
    return out;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
