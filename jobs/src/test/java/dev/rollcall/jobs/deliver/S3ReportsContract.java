package dev.rollcall.jobs.deliver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.OutputS3Config;
import dev.rollcall.jobs.config.S3Location;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * An s3:// output through the real AWS SDK against an emulator on loopback (moto, and
 * Testcontainers' LocalStack): every report lands twice (latest and the run's folder), byte for
 * byte, encrypted at rest, with its content type.
 */
abstract class S3ReportsContract {
  private static final StaticCredentialsProvider TESTING =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
  private static final String RUN = "20261120T070000Z-ab12cd34";

  @TempDir Path dir;

  @Test
  void everyReportIsUploadedAsTheLatestAndIntoItsRunsFolderEncrypted() throws Exception {
    try (S3Client s3 = client()) {
      String bucket = bucket(s3);
      List<Path> files = reports();
      S3Location target = new S3Location(bucket, "rollcall/prod");
      List<String> written =
          new S3Reports(target, new OutputS3Config(null, null, endpoint().toString()), TESTING)
              .upload(files, RUN);

      assertEquals(6, written.size());
      TreeSet<String> keys = new TreeSet<>();
      for (S3Object o : s3.listObjectsV2(r -> r.bucket(bucket)).contents()) {
        keys.add(o.key());
      }
      assertEquals(
          new TreeSet<>(
              List.of(
                  "rollcall/prod/report.html",
                  "rollcall/prod/findings.json",
                  "rollcall/prod/compliance.csv",
                  "rollcall/prod/runs/" + RUN + "/report.html",
                  "rollcall/prod/runs/" + RUN + "/findings.json",
                  "rollcall/prod/runs/" + RUN + "/compliance.csv")),
          keys);
      for (Path file : files) {
        for (String key :
            List.of(
                "rollcall/prod/" + file.getFileName(),
                "rollcall/prod/runs/" + RUN + "/" + file.getFileName())) {
          assertTrue(written.contains("s3://" + bucket + "/" + key), written.toString());
          HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
          assertEquals(ServerSideEncryption.AES256, head.serverSideEncryption(), key);
          assertArrayEquals(
              Files.readAllBytes(file),
              s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray(),
              key);
        }
      }
      assertEquals(
          "text/html; charset=utf-8",
          s3.headObject(r -> r.bucket(bucket).key("rollcall/prod/report.html")).contentType());
      assertEquals(
          "text/csv; charset=utf-8",
          s3.headObject(r -> r.bucket(bucket).key("rollcall/prod/compliance.csv")).contentType());
    }
  }

  @Test
  void aKmsKeyMakesItSseKmsWithThatKey() throws Exception {
    try (S3Client s3 = client()) {
      String bucket = bucket(s3);
      String key = "arn:aws:kms:us-east-1:111122223333:key/" + UUID.randomUUID();
      new S3Reports(
              new S3Location(bucket, ""),
              new OutputS3Config("us-east-1", key, endpoint().toString()),
              TESTING)
          .upload(reports().subList(0, 1), RUN);
      HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("report.html"));
      assertEquals(ServerSideEncryption.AWS_KMS, head.serverSideEncryption());
      assertEquals(key, head.ssekmsKeyId());
    }
  }

  @Test
  void aBucketThatIsNotThereNamesTheFileAndTheObject() throws Exception {
    {
      String missing = "rollcall-missing-" + UUID.randomUUID().toString().substring(0, 8);
      ReportUploadException e =
          assertThrows(
              ReportUploadException.class,
              () ->
                  new S3Reports(
                          new S3Location(missing, "x"),
                          new OutputS3Config(null, null, endpoint().toString()),
                          TESTING)
                      .upload(reports(), RUN));
      assertTrue(e.getMessage().contains("cannot upload report.html"), e.getMessage());
      assertTrue(e.getMessage().contains("s3://" + missing + "/x/report.html"), e.getMessage());
    }
  }

  private List<Path> reports() throws Exception {
    Path html = dir.resolve("report.html");
    Files.writeString(html, "<!doctype html><title>rollcall</title>", StandardCharsets.UTF_8);
    Path json = dir.resolve("findings.json");
    Files.writeString(json, "{\"findings\":[]}", StandardCharsets.UTF_8);
    Path csv = dir.resolve("compliance.csv");
    Files.writeString(csv, "profile,reference\r\ndefault,\"Access policy, é\"\r\n");
    return List.of(html, json, csv);
  }

  private static String bucket(S3Client s3) {
    String bucket = "rollcall-reports-" + UUID.randomUUID().toString().substring(0, 8);
    s3.createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  /** The emulator's endpoint. */
  abstract URI endpoint();

  private S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(TESTING)
        .build();
  }
}
