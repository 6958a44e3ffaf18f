package dev.rollcall.jobs.activity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.jobs.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's generator (scripts/cloudtrail/make-trail.py) writes the same bytes for the same
 * seed, and trails the reader reads whole: every record counted, no file skipped.
 */
@ExtendWith(SharedSpark.class)
class CloudTrailGeneratorTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "cloudtrail", "make-trail.py");

  @TempDir Path dir;

  @Test
  void theSameSeedGivesTheSameTrailAndTheReaderReadsItWhole(SparkSession spark)
      throws IOException, InterruptedException {
    generate(dir.resolve("one"));
    generate(dir.resolve("two"));
    List<Path> one = files(dir.resolve("one"));
    List<Path> two = files(dir.resolve("two"));
    assertEquals(
        one.stream().map(p -> dir.resolve("one").relativize(p)).toList(),
        two.stream().map(p -> dir.resolve("two").relativize(p)).toList());
    for (int i = 0; i < one.size(); i++) {
      assertArrayEquals(Files.readAllBytes(one.get(i)), Files.readAllBytes(two.get(i)));
    }

    List<TrailFiles.LogFile> listed =
        TrailFiles.list(
            dir.resolve("one").toUri().toString(),
            LocalDate.parse("2026-11-19"),
            LocalDate.parse("2026-11-20"),
            CloudTrailActivity.hadoopConf(spark));
    // 2 days x 2 accounts x 2 regions, 150 records each: 2 files of at most 100 records.
    assertEquals(16, listed.size());
    TrailStats stats =
        new TrailReader(spark, CloudTrailActivity.hadoopConf(spark)).read(listed).stats();
    assertEquals(0, stats.skippedFiles());
    assertEquals(1200, stats.records());
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void generate(Path out) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "python3",
                SCRIPT.toString(),
                "--out",
                out.toString(),
                "--days",
                "2",
                "--events",
                "600",
                "--accounts",
                "2",
                "--per-file",
                "100",
                "--seed",
                "9")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), output);
  }
}
