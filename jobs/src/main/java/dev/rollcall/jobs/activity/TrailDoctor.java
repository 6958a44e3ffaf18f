package dev.rollcall.jobs.activity;

import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.jobs.config.CloudTrailConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code rollcall doctor}'s check of a trail: its {@code AWSLogs} folder can be listed, and the log
 * files of the last two days are counted (a cheap read: the whole window is read by runs only).
 */
public final class TrailDoctor {
  private TrailDoctor() {}

  /**
   * @param resolve turns a configured local path into a URI (relative to the configuration file)
   * @param today the last day listed
   */
  public static DoctorCheck check(
      CloudTrailConfig trail, UnaryOperator<String> resolve, LocalDate today) {
    String root = trail.remote() ? trail.path() : resolve.apply(trail.path());
    Configuration conf = new Configuration();
    conf.set(
        CloudTrailActivity.CREDENTIALS_PROVIDER,
        "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider");
    String what = "cloudtrail " + trail.path();
    try {
      List<TrailFiles.LogFile> files =
          TrailFiles.list(root, today.minusDays(1), today, conf, trail.links());
      String detail = files.size() + " log file(s) on " + today.minusDays(1) + " and " + today;
      // A trail that delivered nothing for two days is suspicious, but not a broken check.
      return new DoctorCheck(
          what, true, true, files.isEmpty() ? detail + " (none: is the trail logging?)" : detail);
    } catch (TrailException e) {
      return new DoctorCheck(what, true, false, e.getMessage());
    } catch (RuntimeException e) {
      return new DoctorCheck(
          what, true, false, root + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
