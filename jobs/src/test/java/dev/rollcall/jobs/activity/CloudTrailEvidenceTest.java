package dev.rollcall.jobs.activity;

import static dev.rollcall.jobs.activity.TrailFixture.assumeRoleWithSaml;
import static dev.rollcall.jobs.activity.TrailFixture.consoleLogin;
import static dev.rollcall.jobs.activity.TrailFixture.invokedBy;
import static dev.rollcall.jobs.activity.TrailFixture.roleCall;
import static dev.rollcall.jobs.activity.TrailFixture.userCall;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.PrincipalActivity.DayActivity;
import dev.rollcall.model.PrincipalActivity.SessionOverlap;
import dev.rollcall.model.PrincipalActivity.SessionUser;
import dev.rollcall.model.PrincipalActivity.TrailSession;
import dev.rollcall.model.PrincipalKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small trail (an account trail, an organisation trail, broken files, days outside the window)
 * read on Spark: the files listed, the counts, and every principal's activity, exactly.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudTrailEvidenceTest {
  static final String A = "111122223333";
  static final String B = "444455556666";
  static final String ORG = "o-abcdefghij";

  private TrailFixture trail;
  private List<TrailFiles.LogFile> files;
  private TrailReader.Read read;
  private List<PrincipalActivity> activity;

  /** Writes the trail used by these tests (and the run test) under {@code root}. */
  static TrailFixture writeTrail(Path root) throws IOException {
    TrailFixture t = new TrailFixture(root);
    t.write(
        null,
        A,
        A + "_CloudTrail_us-east-1_20261118T2300Z_a",
        List.of(
            userCall(
                A, "alice", "2026-11-18T23:00:00Z", "192.0.2.44", "AKIAALICEKEY00000001", "List")));
    t.write(
        null,
        A,
        A + "_CloudTrail_us-east-1_20261119T0900Z_b",
        List.of(
            consoleLogin(A, "alice", "2026-11-19T08:50:00Z", "198.51.100.9", "No", false),
            consoleLogin(A, "alice", "2026-11-19T08:55:00Z", "203.0.113.10", "No", true),
            userCall(
                A,
                "alice",
                "2026-11-19T09:00:00Z",
                "203.0.113.10",
                "ASIAALICECONSOLE0001",
                "ListBuckets"),
            userCall(
                A,
                "alice",
                "2026-11-19T09:20:00Z",
                "203.0.113.10",
                "ASIAALICECONSOLE0001",
                "GetObject"),
            userCall(
                A, "alice", "2026-11-19T09:10:00Z", "192.0.2.44", "AKIAALICEKEY00000001", "Put"),
            // Made through the console's own back end: no address, no other place.
            userCall(
                A,
                "alice",
                "2026-11-19T09:15:00Z",
                "AWS Internal",
                "ASIAALICECONSOLE0001",
                "GetBucketPolicy"),
            invokedBy(
                userCall(A, "alice", "2026-11-19T09:30:00Z", "x", "ASIAALICECONSOLE0001", "Other"),
                "cloudformation.amazonaws.com"),
            consoleLogin(A, "root", "2026-11-19T10:00:00Z", "203.0.113.99", "Yes", true)));
    t.write(
        ORG,
        B,
        B + "_CloudTrail_us-east-1_20261120T0000Z_c",
        List.of(
            userCall(
                B,
                "carol",
                "2026-11-20T01:00:00Z",
                "198.51.100.20",
                "AKIACAROL00000000001",
                "ListBuckets"),
            userCall(
                B,
                "carol",
                "2026-11-20T03:00:00Z",
                "198.51.100.21",
                "AKIACAROL00000000001",
                "ListBuckets"),
            consoleLogin(B, "carol", "2026-11-20T00:30:00Z", "198.51.100.20", "No", true),
            consoleLogin(B, "carol", "2026-11-20T02:00:00Z", "198.51.100.20", "Yes", true),
            assumeRoleWithSaml(
                B, "DataAnalyst", "dave@example.test", "2026-11-20T04:00:00Z", "203.0.113.50"),
            roleCall(
                B,
                "DataAnalyst",
                "dave@example.test",
                "2026-11-20T04:05:00Z",
                "203.0.113.50",
                "ASIADAVE000000000001"),
            roleCall(
                B,
                "DataAnalyst",
                "Erin@Example.test",
                "2026-11-20T04:10:00Z",
                "203.0.113.60",
                "ASIAERIN000000000001"),
            roleCall(
                B,
                "AWSReservedSSO_ReadOnly_0123456789abcdef",
                "frank@example.test",
                "2026-11-20T05:00:00Z",
                "203.0.113.70",
                "ASIAFRANK00000000001"),
            roleCall(
                B,
                "AWSReservedSSO_ReadOnly_0123456789abcdef",
                "frank@example.test",
                "2026-11-20T05:05:00Z",
                "203.0.113.70",
                "ASIAFRANK00000000001"),
            roleCall(
                B,
                "AWSReservedSSO_Admin_fedcba9876543210",
                "frank@example.test",
                "2026-11-20T05:02:00Z",
                "203.0.113.71",
                "ASIAFRANK00000000002"),
            roleCall(
                B,
                "lambda-exec",
                "my-function",
                "2026-11-20T06:00:00Z",
                "54.0.0.1",
                "ASIALAMBDA0000000001")));
    // Outside the window: never listed.
    t.write(
        null,
        A,
        "before",
        List.of(userCall(A, "alice", "2026-11-17T12:00:00Z", "192.0.2.1", "AKIAX", "List")));
    t.write(
        null,
        A,
        "after",
        List.of(userCall(A, "alice", "2026-11-21T12:00:00Z", "192.0.2.1", "AKIAX", "List")));
    // Broken files inside the window.
    Instant day = Instant.parse("2026-11-19T00:00:00Z");
    t.writeRaw(A, day, "malformed.json.gz", gzip("{\"Records\": [{\"eventTime\": }"));
    byte[] whole = gzip("{\"Records\": [" + "{\"eventTime\": \"x\"}, ".repeat(200) + "{}]}");
    t.writeRaw(A, day, "truncated.json.gz", java.util.Arrays.copyOf(whole, whole.length / 2));
    t.writeRaw(A, day, "not-gzip.json.gz", "just text".getBytes(StandardCharsets.UTF_8));
    t.writeRaw(A, day, "no-records.json.gz", gzip("{\"logFiles\": []}"));
    t.writeRaw(A, day, "digest.json", "{}".getBytes(StandardCharsets.UTF_8));
    return t;
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @BeforeAll
  void read(SparkSession spark, @TempDir Path dir) throws IOException {
    trail = writeTrail(dir);
    Configuration conf = CloudTrailActivity.hadoopConf(spark);
    files =
        TrailFiles.list(
            dir.toUri().toString(),
            LocalDate.parse("2026-11-18"),
            LocalDate.parse("2026-11-20"),
            conf);
    read = new TrailReader(spark, conf).read(files);
    activity = TrailEvidence.derive(read.events());
  }

  @Test
  void listsOnlyTheLogFilesOfTheDaysInTheWindow() {
    assertEquals(
        List.of(
            "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/18/111122223333_CloudTrail_us-east-1_20261118T2300Z_a.json.gz",
            "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/19/111122223333_CloudTrail_us-east-1_20261119T0900Z_b.json.gz",
            "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/19/malformed.json.gz",
            "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/19/no-records.json.gz",
            "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/19/not-gzip.json.gz",
            "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/19/truncated.json.gz",
            "AWSLogs/o-abcdefghij/444455556666/CloudTrail/us-east-1/2026/11/20/444455556666_CloudTrail_us-east-1_20261120T0000Z_c.json.gz"),
        files.stream().map(f -> relative(f.path())).toList());
  }

  @Test
  void skipsBrokenFilesWithACountAndTheirNames() throws IOException {
    TrailStats stats = read.stats();
    assertEquals(7, stats.files());
    assertEquals(4, stats.skippedFiles());
    assertEquals(
        List.of(
            "malformed.json.gz (not valid JSON at line",
            "no-records.json.gz (no Records array: not a CloudTrail log file)",
            "not-gzip.json.gz (ZipException: Not in GZIP format)",
            "truncated.json.gz (EOFException: Unexpected end of ZLIB input stream)"),
        stats.skipped().stream()
            .map(s -> s.substring(s.lastIndexOf('/') + 1))
            .map(s -> s.startsWith("malformed") ? s.substring(0, s.indexOf(" at line") + 8) : s)
            .toList());
    // 1 + 8 + 11 records; the failed sign-in and the service's call are no principal's use.
    assertEquals(20, stats.records());
    assertEquals(18, stats.events());
    long bytes = 0;
    for (TrailFiles.LogFile f : files) {
      bytes += Files.size(Path.of(java.net.URI.create(f.path())));
    }
    assertEquals(bytes, stats.compressedBytes());
  }

  @Test
  void aWindowWithoutLogFilesGivesNoActivity(SparkSession spark) {
    TrailReader.Read none =
        new TrailReader(spark, CloudTrailActivity.hadoopConf(spark)).read(List.of());
    assertEquals(new TrailStats(0, 0, 0, 0, 0, 0, List.of()), none.stats());
    assertEquals(List.of(), TrailEvidence.derive(none.events()));
  }

  @Test
  void derivesEachPrincipalsActivityExactly() {
    assertEquals(
        List.of(
            "IAM_USER/alice",
            "IAM_USER/carol",
            "IDENTITY_CENTER/frank@example.test",
            "ROLE/DataAnalyst",
            "ROLE/lambda-exec",
            "ROOT/root"),
        activity.stream().map(p -> p.kind() + "/" + p.name()).toList());
    assertEquals(
        new PrincipalActivity(
            PrincipalKind.IAM_USER,
            A,
            "alice",
            null,
            t("2026-11-19T08:55:00Z"),
            "No",
            "203.0.113.10",
            t("2026-11-19T09:20:00Z"),
            "s3.amazonaws.com GetObject",
            0,
            1,
            false,
            List.of(),
            List.of(new DayActivity("2026-11-18", 1, 1, 1), new DayActivity("2026-11-19", 2, 2, 5)),
            List.of(
                new SessionOverlap(
                    new TrailSession(
                        null,
                        "ASIA…0001",
                        "203.0.113.10",
                        t("2026-11-19T09:00:00Z"),
                        t("2026-11-19T09:20:00Z"),
                        2),
                    new TrailSession(
                        null,
                        "AKIA…0001",
                        "192.0.2.44",
                        t("2026-11-19T09:10:00Z"),
                        t("2026-11-19T09:10:00Z"),
                        1))),
            1),
        activity.get(0));
    assertEquals(
        "2026-11-19: 2 source IP(s), 2 user agent(s), 5 event(s)",
        activity.get(0).busiestDay().orElseThrow().describe());
  }

  @Test
  void twoAddressesAtDifferentTimesDoNotOverlapAndTheLastSignInHadMfa() {
    assertEquals(
        new PrincipalActivity(
            PrincipalKind.IAM_USER,
            B,
            "carol",
            null,
            t("2026-11-20T02:00:00Z"),
            "Yes",
            "198.51.100.20",
            t("2026-11-20T03:00:00Z"),
            "s3.amazonaws.com ListBuckets",
            1,
            1,
            false,
            List.of(),
            List.of(new DayActivity("2026-11-20", 2, 2, 4)),
            List.of(),
            0),
        activity.get(1));
  }

  @Test
  void identityCenterSessionsAreThePersonAcrossPermissionSets() {
    TrailSession readOnly =
        new TrailSession(
            "frank@example.test",
            "ASIA…0001",
            "203.0.113.70",
            t("2026-11-20T05:00:00Z"),
            t("2026-11-20T05:05:00Z"),
            2);
    TrailSession admin =
        new TrailSession(
            "frank@example.test",
            "ASIA…0002",
            "203.0.113.71",
            t("2026-11-20T05:02:00Z"),
            t("2026-11-20T05:02:00Z"),
            1);
    assertEquals(
        new PrincipalActivity(
            PrincipalKind.IDENTITY_CENTER,
            null,
            "frank@example.test",
            null,
            null,
            null,
            null,
            t("2026-11-20T05:05:00Z"),
            "ec2.amazonaws.com DescribeInstances",
            0,
            0,
            false,
            List.of(new SessionUser("frank@example.test", t("2026-11-20T05:05:00Z"), 3)),
            List.of(new DayActivity("2026-11-20", 2, 1, 3)),
            List.of(new SessionOverlap(readOnly, admin)),
            1),
        activity.get(2));
  }

  @Test
  void aSamlRoleKnowsThePeopleWhoseSessionsUsedIt() {
    assertEquals(
        new PrincipalActivity(
            PrincipalKind.ROLE,
            B,
            "DataAnalyst",
            "arn:aws:iam::444455556666:role/DataAnalyst",
            null,
            null,
            null,
            t("2026-11-20T04:10:00Z"),
            "ec2.amazonaws.com DescribeInstances",
            0,
            0,
            true,
            List.of(
                new SessionUser("dave@example.test", t("2026-11-20T04:05:00Z"), 2),
                new SessionUser("erin@example.test", t("2026-11-20T04:10:00Z"), 1)),
            List.of(new DayActivity("2026-11-20", 2, 1, 3)),
            List.of(),
            0),
        activity.get(3));
    assertEquals(
        new PrincipalActivity(
            PrincipalKind.ROOT,
            A,
            "root",
            null,
            t("2026-11-19T10:00:00Z"),
            "Yes",
            "203.0.113.99",
            null,
            null,
            1,
            0,
            false,
            List.of(),
            List.of(new DayActivity("2026-11-19", 1, 1, 1)),
            List.of(),
            0),
        activity.get(5));
  }

  private String relative(String path) {
    String root = trail.root().toUri().toString();
    String p = path.startsWith("file:///") ? "file:/" + path.substring(8) : path;
    String r = root.startsWith("file:///") ? "file:/" + root.substring(8) : root;
    return p.substring(r.length());
  }

  private static Instant t(String text) {
    return Instant.parse(text);
  }
}
