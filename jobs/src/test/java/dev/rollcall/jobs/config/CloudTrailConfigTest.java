package dev.rollcall.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code activity: {cloudtrail: [...]}} block: read with defaults, refused with its place. */
class CloudTrailConfigTest {
  private static final String HEAD =
      """
      organisation: X
      sources:
        - name: snap
          type: snapshot
          path: snapshot
      """;

  @TempDir Path dir;

  @Test
  void readsTrailsWithTheirDefaults() throws IOException {
    RollcallConfig config =
        ConfigLoader.load(
                write(
                    HEAD
                        + """
                        activity:
                          cloudtrail:
                            - path: s3a://audit-logs/trails
                              days: 30
                            - path: ./trail
                        """))
            .config();
    assertEquals(
        List.of(
            new CloudTrailConfig("s3a://audit-logs/trails", 30),
            new CloudTrailConfig("./trail", 90)),
        config.activity().cloudtrail());
    assertEquals(true, config.activity().cloudtrail().get(0).remote());
    assertEquals(false, config.activity().cloudtrail().get(1).remote());
    assertEquals(List.of(), ConfigLoader.load(write(HEAD)).config().activity().cloudtrail());
  }

  @Test
  void refusesBadTrailsWithFileLineAndKey() throws IOException {
    assertRefused(
        """
        activity:
          cloudtrail:
            - path: ./trail
              days: 0
        """,
        "line 8: key activity.cloudtrail[0]: days must be 1 to 400");
    assertRefused(
        """
        activity:
          cloudtrail:
            - path: gs://bucket/trail
        """,
        "line 8: key activity.cloudtrail[0]: path must be a local folder or s3a://bucket/prefix,"
            + " with no other scheme");
    assertRefused(
        """
        activity:
          cloudtrail:
            - path: s3a://AKIAEXAMPLE:secret@bucket/trail
        """,
        "line 8: key activity.cloudtrail[0]: path must not carry credentials; s3a reads them from"
            + " the AWS default chain");
    assertRefused(
        """
        activity:
          cloudtrail:
            - days: 30
        """,
        "line 8: key activity.cloudtrail[0]: path is required");
    assertRefused(
        """
        activity:
          cloudtrails: []
        """,
        "line 7: key activity.cloudtrails: unknown key; known: cloudtrail");
  }

  private void assertRefused(String block, String message) throws IOException {
    Path file = write(HEAD + block);
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    String expected = file + " " + message;
    assertEquals(
        true,
        e.getMessage().startsWith(expected),
        "expected " + expected + "\nbut was " + e.getMessage());
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("rollcall.yaml"), text);
  }
}
