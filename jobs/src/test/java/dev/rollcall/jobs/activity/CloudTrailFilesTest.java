package dev.rollcall.jobs.activity;

import static dev.rollcall.jobs.activity.TrailFixture.userCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.snapshot.SymbolicLinks;
import dev.rollcall.connectors.snapshot.Utf8Input;
import dev.rollcall.jobs.config.CloudTrailConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing a trail: the window's day folders across a month's end, a folder that is no trail, and a
 * symbolic link in a local trail; why a log file is skipped, without what it holds.
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

  @Test
  void aLinkInALocalTrailIsRefusedWithItsPathUnlessTheTrailFollowsLinks() throws IOException {
    TrailFixture trail = new TrailFixture(dir.resolve("trail"));
    Path file =
        trail.write(
            null,
            A,
            "f",
            List.of(userCall(A, "alice", "2026-11-19T12:00:00Z", "192.0.2.1", "AKIAX", "List")));
    // The day folder moves out of the trail and a link takes its place.
    Path day = file.getParent();
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.move(day, elsewhere.resolve("19"));
    Files.createSymbolicLink(day, elsewhere.resolve("19"));
    String root = dir.resolve("trail").toUri().toString();
    LocalDate from = LocalDate.parse("2026-11-19");
    LocalDate to = LocalDate.parse("2026-11-20");
    TrailException refused =
        assertThrows(
            TrailException.class,
            () -> TrailFiles.list(root, from, to, new Configuration(), SymbolicLinks.REFUSE));
    assertTrue(refused.getMessage().contains(day + ": is a symbolic link"), refused.getMessage());
    assertTrue(refused.getMessage().contains("followSymlinks: true on the trail"));
    assertEquals(
        1, TrailFiles.list(root, from, to, new Configuration(), SymbolicLinks.FOLLOW).size());

    // A log file that is a link, in a real day folder.
    Files.delete(day);
    Files.createDirectories(day);
    Files.createSymbolicLink(
        day.resolve("f.json.gz"), elsewhere.resolve("19").resolve(file.getFileName()));
    assertTrue(
        assertThrows(
                TrailException.class,
                () -> TrailFiles.list(root, from, to, new Configuration(), SymbolicLinks.REFUSE))
            .getMessage()
            .contains("f.json.gz: is a symbolic link"));

    // The trail's folder itself may be a link: the operator named it.
    Files.delete(day.resolve("f.json.gz"));
    Files.move(elsewhere.resolve("19").resolve(file.getFileName()), file);
    Path linkedRoot = Files.createSymbolicLink(dir.resolve("trail-link"), dir.resolve("trail"));
    assertEquals(
        1,
        TrailFiles.list(
                linkedRoot.toUri().toString(), from, to, new Configuration(), SymbolicLinks.REFUSE)
            .size());
  }

  @Test
  void aLogFileThatIsNotUtf8OrNotJsonIsSkippedWithWhereButNotWhatItHolds() {
    String token = "xoxb-1234-secret-token";
    byte[] latin1 =
        "{\"Records\": [{\"userAgent\": \"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);
    Exception notUtf8 =
        assertThrows(
            Exception.class,
            () ->
                TrailReader.parse(
                    new Utf8Input(new ByteArrayInputStream(latin1)), new ArrayList<>()));
    assertEquals(
        "not valid UTF-8 at byte offset 31 (line 1) of the uncompressed log",
        TrailReader.reason(notUtf8));

    for (String json :
        List.of(
            token,
            "{\"Records\": [" + token + "]}",
            "{\"Records\": [{\"eventTime\": \""
                + token
                + "\", \"eventName\": \"x\","
                + " \"eventSource\": \"y\", \"userIdentity\": {}}]}")) {
      Exception e =
          assertThrows(
              Exception.class,
              () ->
                  TrailReader.parse(
                      new Utf8Input(
                          new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))),
                      new ArrayList<>()));
      String reason = TrailReader.reason(e);
      assertFalse(reason.contains("xoxb"), reason);
      assertFalse(reason.contains("1234"), reason);
    }
  }
}
