package dev.rollcall.jobs.activity;

import static dev.rollcall.jobs.activity.TrailFixture.userCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.jobs.config.CloudTrailConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing a trail: the window's day folders across a month's end, and a folder that is no trail.
 */
class CloudTrailFilesTest {
  private static final String A = "111122223333";

  @TempDir Path dir;

  @Test
  void listsTheDaysOfTheWindowAcrossAMonthsEnd() {
    TrailFixture trail = new TrailFixture(dir);
    for (String day :
        List.of(
            "2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03")) {
      trail.write(
          null,
          A,
          "f" + day,
          List.of(userCall(A, "alice", day + "T12:00:00Z", "192.0.2.1", "AKIAX", "List")));
    }
    List<String> names =
        TrailFiles.list(
                dir.toUri().toString(),
                LocalDate.parse("2026-10-30"),
                LocalDate.parse("2026-11-02"),
                new Configuration())
            .stream()
            .map(f -> f.path().substring(f.path().lastIndexOf('/') + 1))
            .toList();
    assertEquals(
        List.of(
            "f2026-10-30.json.gz",
            "f2026-10-31.json.gz",
            "f2026-11-01.json.gz",
            "f2026-11-02.json.gz"),
        names);
    // The AWSLogs folder itself may be given too.
    assertEquals(
        4,
        TrailFiles.list(
                dir.resolve("AWSLogs").toUri().toString(),
                LocalDate.parse("2026-10-30"),
                LocalDate.parse("2026-11-02"),
                new Configuration())
            .size());
  }

  @Test
  void aFolderWithoutAwsLogsIsNoTrail() {
    TrailException e =
        assertThrows(
            TrailException.class,
            () ->
                TrailFiles.list(
                    dir.toUri().toString(),
                    LocalDate.parse("2026-11-01"),
                    LocalDate.parse("2026-11-02"),
                    new Configuration()));
    assertEquals(
        dir.toUri() + ": no AWSLogs folder (CloudTrail's layout) under it", e.getMessage());
  }

  @Test
  void theDoctorCountsTheLastTwoDaysAndNamesAMissingTrail() {
    TrailFixture trail = new TrailFixture(dir.resolve("trail"));
    for (String day : List.of("2026-11-18", "2026-11-19", "2026-11-20")) {
      trail.write(
          null,
          A,
          "f" + day,
          List.of(userCall(A, "alice", day + "T12:00:00Z", "192.0.2.1", "AKIAX", "List")));
    }
    UnaryOperator<String> resolve = p -> dir.resolve(p).toUri().toString();
    assertEquals(
        new DoctorCheck(
            "cloudtrail trail", true, true, "2 log file(s) on 2026-11-19 and 2026-11-20"),
        TrailDoctor.check(
            new CloudTrailConfig("trail", 90), resolve, LocalDate.parse("2026-11-20")));
    DoctorCheck missing =
        TrailDoctor.check(
            new CloudTrailConfig("elsewhere", 90), resolve, LocalDate.parse("2026-11-20"));
    assertEquals(false, missing.ok());
    assertEquals(
        dir.resolve("elsewhere").toUri() + ": no AWSLogs folder (CloudTrail's layout) under it",
        missing.detail());
  }
}
