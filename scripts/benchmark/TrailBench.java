package dev.rollcall.benchmark;

import dev.rollcall.jobs.activity.CloudTrailActivity;
import dev.rollcall.jobs.activity.TrailEvidence;
import dev.rollcall.jobs.activity.TrailFiles;
import dev.rollcall.jobs.activity.TrailReader;
import dev.rollcall.jobs.activity.TrailStats;
import dev.rollcall.model.PrincipalActivity;

import dev.rollcall.jobs.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Times the CloudTrail reader on a trail folder, for {@code scripts/bench-cloudtrail}: lists the
 * days {@code END - DAYS + 1} to {@code END}, reads every file on Spark (local mode unless a master
 * is given) and derives the activity, and prints one line of counts and seconds.
 *
 * <p>Usage: {@code TrailBench ROOT DAYS END} (END as yyyy-MM-dd).
 */
public final class TrailBench {
  private TrailBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: TrailBench ROOT DAYS END(yyyy-MM-dd)");
      System.exit(2);
    }
    String root = args[0].contains("://") ? args[0] : Path.of(args[0]).toUri().toString();
    int days = Integer.parseInt(args[1]);
    LocalDate end = LocalDate.parse(args[2]);
    Path scratch = Files.createTempDirectory("rollcall-bench-");
    SparkSession spark = SparkSessions.start(scratch).sql();
    try {
      Configuration conf = CloudTrailActivity.hadoopConf(spark);
      long t0 = System.nanoTime();
      List<TrailFiles.LogFile> files = TrailFiles.list(root, end.minusDays(days - 1L), end, conf);
      long t1 = System.nanoTime();
      TrailReader.Read read = new TrailReader(spark, conf).read(files);
      long t2 = System.nanoTime();
      List<PrincipalActivity> principals = TrailEvidence.derive(read.events());
      long t3 = System.nanoTime();
      TrailStats s = read.stats();
      System.out.println(
          String.format(
              Locale.ROOT,
              "files=%d skipped=%d compressed_bytes=%d uncompressed_bytes=%d records=%d events=%d"
                  + " principals=%d list_seconds=%.3f read_seconds=%.3f derive_seconds=%.3f",
              s.files(),
              s.skippedFiles(),
              s.compressedBytes(),
              s.uncompressedBytes(),
              s.records(),
              s.events(),
              principals.size(),
              (t1 - t0) / 1e9,
              (t2 - t1) / 1e9,
              (t3 - t2) / 1e9));
    } finally {
      spark.stop();
    }
  }
}
