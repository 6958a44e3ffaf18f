package dev.rollcall.jobs.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.jobs.config.CloudTrailConfig;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.model.PullStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The same trail read from S3 (a moto server on loopback, through hadoop-aws's s3a) as from a local
 * folder: the same files, the same skipped files, the same activity.
 */
@ExtendWith(SharedSpark.class)
class CloudTrailS3aTest {
  @TempDir Path dir;

  @Test
  void readsATrailFromS3LikeFromAFolder(SparkSession spark) throws Exception {
    try (Moto moto = Moto.start()) {
      TrailFixture trail = CloudTrailEvidenceTest.writeTrail(dir);
      String bucket = "rollcall-trail-" + UUID.randomUUID().toString().substring(0, 8);
      upload(moto, bucket, "org-trail", trail.root());
      pointAt(spark.sparkContext().hadoopConfiguration(), bucket, moto.endpoint());

      Instant now = Instant.parse("2026-11-20T07:00:00Z");
      CloudTrailActivity.Result fromS3 =
          CloudTrailActivity.read(
              spark,
              List.of(new CloudTrailConfig("s3a://" + bucket + "/org-trail", 3)),
              p -> p,
              now);
      CloudTrailActivity.Result fromDisk =
          CloudTrailActivity.read(
              spark,
              List.of(new CloudTrailConfig(dir.toString(), 3)),
              p -> Path.of(p).toUri().toString(),
              now);

      assertEquals(fromDisk.principals(), fromS3.principals());
      assertEquals(6, fromS3.principals().size());
      assertEquals(7, fromS3.stats().files());
      assertEquals(fromDisk.stats().compressedBytes(), fromS3.stats().compressedBytes());
      assertEquals(fromDisk.stats().uncompressedBytes(), fromS3.stats().uncompressedBytes());
      assertEquals(4, fromS3.stats().skippedFiles());
      assertEquals(PullStatus.PARTIAL, fromS3.pulls().get(0).status());
      assertEquals(
          fromDisk.stats().skipped().stream().map(CloudTrailS3aTest::fileName).toList(),
          fromS3.stats().skipped().stream().map(CloudTrailS3aTest::fileName).toList());
    }
  }

  /**
   * Points s3a at {@code endpoint} for {@code bucket} only (per-bucket settings: nothing leaks into
   * other tests' buckets). moto takes any key.
   */
  static void pointAt(Configuration hadoop, String bucket, URI endpoint) {
    String prefix = "fs.s3a.bucket." + bucket + ".";
    hadoop.set(prefix + "endpoint", endpoint.toString());
    hadoop.set(prefix + "endpoint.region", "us-east-1");
    hadoop.set(prefix + "path.style.access", "true");
    hadoop.set(prefix + "connection.ssl.enabled", "false");
    hadoop.set(
        prefix + "aws.credentials.provider",
        "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    hadoop.set(prefix + "access.key", "testing");
    hadoop.set(prefix + "secret.key", "testing");
  }

  private static String fileName(String skipped) {
    String name = skipped.substring(0, skipped.indexOf(" ("));
    return name.substring(name.lastIndexOf('/') + 1);
  }

  static void upload(Moto moto, String bucket, String prefix, Path root) throws IOException {
    try (S3Client s3 =
            S3Client.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("testing", "testing")))
                .build();
        Stream<Path> files = Files.walk(root)) {
      s3.createBucket(b -> b.bucket(bucket));
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key = prefix + "/" + root.relativize(file).toString().replace('\\', '/');
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
      }
    }
  }
}
