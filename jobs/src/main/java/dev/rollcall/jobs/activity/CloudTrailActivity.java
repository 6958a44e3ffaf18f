package dev.rollcall.jobs.activity;

import dev.rollcall.jobs.config.CloudTrailConfig;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the configured CloudTrail trails over their windows and derives each principal's activity.
 * Every trail is reported as a pull of its own: complete, partial when files had to be skipped
 * (each named), or failed when the trail cannot be listed; the run goes on in every case.
 */
public final class CloudTrailActivity {
  private static final Logger LOG = LogManager.getLogger(CloudTrailActivity.class);

  /** The s3a setting rollcall fills in, unless Spark's configuration sets it. */
  static final String CREDENTIALS_PROVIDER = "fs.s3a.aws.credentials.provider";

  private CloudTrailActivity() {}

  /**
   * What the trails gave.
   *
   * @param principals the activity of each principal seen
   * @param pulls one per trail
   * @param stats the counts over every trail read
   */
  public record Result(
      List<PrincipalActivity> principals, List<SourcePull> pulls, TrailStats stats) {
    /** The name under which a trail is reported. */
    public static String sourceName(CloudTrailConfig trail) {
      return "cloudtrail/" + trail.path();
    }
  }

  /**
   * @param resolve turns a configured local path into an absolute one (relative to the
   *     configuration file); s3a paths are used as they are
   * @param now the run's time: the window ends on its day (UTC)
   */
  public static Result read(
      SparkSession spark,
      List<CloudTrailConfig> trails,
      UnaryOperator<String> resolve,
      Instant now) {
    Configuration conf = hadoopConf(spark);
    LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<TrailFiles.LogFile> files = new ArrayList<>();
    List<List<TrailFiles.LogFile>> perTrail = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (CloudTrailConfig trail : trails) {
      String root = trail.remote() ? trail.path() : resolve.apply(trail.path());
      LocalDate from = to.minusDays(trail.days() - 1L);
      try {
        List<TrailFiles.LogFile> listed = TrailFiles.list(root, from, to, conf, trail.links());
        LOG.info(
            "cloudtrail {}: {} log files from {} to {}", trail.path(), listed.size(), from, to);
        perTrail.add(listed);
        failures.add(null);
        files.addAll(listed);
      } catch (TrailException e) {
        LOG.error("cloudtrail {}: {}", trail.path(), e.getMessage());
        perTrail.add(List.of());
        failures.add(e.getMessage());
      }
    }
    TrailReader.Read read = new TrailReader(spark, conf).read(files);
    TrailStats stats = read.stats();
    LOG.info(
        "cloudtrail: {} files ({} bytes gzip, {} bytes JSON), {} records, {} events of audited"
            + " principals, {} files skipped",
        stats.files(),
        stats.compressedBytes(),
        stats.uncompressedBytes(),
        stats.records(),
        stats.events(),
        stats.skippedFiles());
    Dataset<Row> events = read.events();
    List<PrincipalActivity> principals = TrailEvidence.derive(events);
    events.unpersist();
    List<SourcePull> pulls = new ArrayList<>();
    for (int i = 0; i < trails.size(); i++) {
      pulls.add(pull(trails.get(i), perTrail.get(i), failures.get(i), stats, now));
    }
    return new Result(principals, pulls, stats);
  }

  private static SourcePull pull(
      CloudTrailConfig trail,
      List<TrailFiles.LogFile> listed,
      String failure,
      TrailStats stats,
      Instant now) {
    String name = Result.sourceName(trail);
    if (failure != null) {
      return new SourcePull(
          name, SourceSystem.AWS_IAM, trail.path(), PullStatus.FAILED, 0, List.of(failure), now);
    }
    List<String> skipped = new ArrayList<>();
    for (String s : stats.skipped()) {
      for (TrailFiles.LogFile f : listed) {
        if (s.startsWith(f.path() + " (")) {
          skipped.add("skipped " + s);
        }
      }
    }
    return new SourcePull(
        name,
        SourceSystem.AWS_IAM,
        trail.path(),
        skipped.isEmpty() ? PullStatus.COMPLETE : PullStatus.PARTIAL,
        0,
        skipped,
        now);
  }

  /**
   * Spark's Hadoop configuration, with s3a reading credentials through the AWS SDK's default chain
   * (environment, profiles, SSO, container and instance roles) unless Spark's configuration names a
   * provider. No credential is ever put here or logged.
   */
  public static Configuration hadoopConf(SparkSession spark) {
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    if (!spark.sparkContext().getConf().contains("spark.hadoop." + CREDENTIALS_PROVIDER)) {
      conf.set(
          CREDENTIALS_PROVIDER,
          "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider");
    }
    return conf;
  }
}
