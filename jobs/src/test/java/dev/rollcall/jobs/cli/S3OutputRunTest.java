package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.rollcall.jobs.activity.Moto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * {@code rollcall run} with {@code output: s3://…}, in a JVM of its own (as a scheduler starts it):
 * the demo's reports reach the bucket (moto on loopback) as the latest and in the run's folder,
 * encrypted, the same reports a local run writes; nothing is left in a local folder; the state
 * store is MongoDB (an in-process wire-protocol server).
 */
class S3OutputRunTest {
  private static final Path DEMO = Path.of("..", "examples", "demo").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void theReportsGoToTheBucketAndTheStoreToMongoDb() throws Exception {
    MongoServer mongo = new MongoServer(new MemoryBackend());
    mongo.bind("127.0.0.1", 0);
    try (Moto moto = Moto.start();
        S3Client s3 =
            S3Client.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("testing", "testing")))
                .build()) {
      String bucket = "rollcall-out-" + UUID.randomUUID().toString().substring(0, 8);
      s3.createBucket(b -> b.bucket(bucket));
      Path config =
          Files.writeString(
              dir.resolve("rollcall.yaml"),
              """
              organisation: Meridian Health
              domains: [meridianhealth.example, meridian-care.example]
              output: s3://%s/rollcall/prod
              outputS3: {endpoint: '%s'}
              store:
                uri: {env: ROLLCALL_MONGODB_URI}
              sources:
                - name: demo-snapshot
                  type: snapshot
                  path: %s
              correlation:
                mapping: %s
              """
                  .formatted(
                      bucket,
                      moto.endpoint(),
                      DEMO.resolve("snapshot"),
                      DEMO.resolve("mapping.csv")));
      Path tmp = Files.createDirectory(dir.resolve("tmp"));
      Process process =
          child(config, tmp, "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/");
      assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the run did not end in 5 minutes");
      String err = Files.readString(dir.resolve("stderr.txt"));
      assertEquals(3, process.exitValue(), "the demo has high findings\n" + err);

      TreeSet<String> keys = new TreeSet<>();
      for (S3Object o :
          s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().toList()) {
        keys.add(o.key());
      }
      JsonNode findings =
          new ObjectMapper()
              .readTree(
                  s3.getObjectAsBytes(r -> r.bucket(bucket).key("rollcall/prod/findings.json"))
                      .asByteArray());
      String runId = findings.at("/run/id").asText();
      assertEquals(88, findings.get("findings").size(), "the demo's findings");
      List<String> names =
          List.of(
              "findings.json",
              "findings.csv",
              "summary.md",
              "report.html",
              "findings.ocsf.jsonl",
              "summary-short.md",
              "compliance.csv",
              "inventory.csv");
      TreeSet<String> expected = new TreeSet<>();
      for (String name : names) {
        expected.add("rollcall/prod/" + name);
        expected.add("rollcall/prod/runs/" + runId + "/" + name);
      }
      assertEquals(expected, keys);
      for (String name : names) {
        String latest = "rollcall/prod/" + name;
        assertEquals(
            ServerSideEncryption.AES256,
            s3.headObject(r -> r.bucket(bucket).key(latest)).serverSideEncryption(),
            name);
        assertArrayEquals(
            s3.getObjectAsBytes(r -> r.bucket(bucket).key(latest)).asByteArray(),
            s3.getObjectAsBytes(
                    r -> r.bucket(bucket).key("rollcall/prod/runs/" + runId + "/" + name))
                .asByteArray(),
            name);
      }
      try (Stream<Path> left = Files.list(tmp)) {
        assertEquals(List.of(), left.toList(), "the staging folder is removed");
      }
      assertFalse(Files.exists(dir.resolve("rollcall-out")), "no local output folder");
      assertTrue(err.contains("uploaded to s3://" + bucket + "/rollcall/prod/"), err);
    } finally {
      mongo.shutdownNow();
    }
  }

  private Process child(Path config, Path tmp, String mongoUri) throws Exception {
    List<String> command =
        ChildRollcall.command(
            List.of("-Djava.io.tmpdir=" + tmp), List.of("run", "--config", config.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .putAll(
            Map.of(
                "ROLLCALL_MONGODB_URI",
                mongoUri,
                "AWS_ACCESS_KEY_ID",
                "testing",
                "AWS_SECRET_ACCESS_KEY",
                "testing",
                "AWS_REGION",
                "us-east-1"));
    builder.environment().remove("ROLLCALL_WEBHOOK_URL");
    builder
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile());
    return builder.start();
  }
}
