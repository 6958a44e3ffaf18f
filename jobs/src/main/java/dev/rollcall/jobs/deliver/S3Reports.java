package dev.rollcall.jobs.deliver;

import dev.rollcall.jobs.config.OutputS3Config;
import dev.rollcall.jobs.config.S3Location;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Uploads a run's reports to an {@code s3://bucket/prefix} output: each file twice, as the latest
 * ({@code prefix/NAME}, replaced every night, like the local folder) and in the run's own folder
 * ({@code prefix/runs/RUN_ID/NAME}, kept), always encrypted at rest (SSE-S3, or SSE-KMS with the
 * configured key). Objects get no ACL: who may read them is the bucket's policy (keep S3 Block
 * Public Access on), as the local files are their owner's only.
 */
public final class S3Reports {
  private static final Logger LOG = LogManager.getLogger(S3Reports.class);

  /** The folder under the prefix that keeps every run's reports. */
  public static final String RUNS = "runs";

  private final S3Location target;
  private final OutputS3Config settings;
  private final AwsCredentialsProvider credentials;

  /**
   * @param credentials the AWS SDK's default chain in a run; tests give their own
   */
  public S3Reports(S3Location target, OutputS3Config settings, AwsCredentialsProvider credentials) {
    this.target = target;
    this.settings = settings;
    this.credentials = credentials;
  }

  /** Uploads {@code files} for run {@code runId}; returns the objects written, latest first. */
  public List<String> upload(List<Path> files, String runId) {
    List<String> written = new ArrayList<>();
    try (S3Client s3 = client()) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        for (String key : List.of(target.key(name), target.key(RUNS + "/" + runId + "/" + name))) {
          PutObjectRequest.Builder put =
              PutObjectRequest.builder().bucket(target.bucket()).key(key).contentType(type(name));
          if (settings.kmsKeyId() == null) {
            put.serverSideEncryption(ServerSideEncryption.AES256);
          } else {
            put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(settings.kmsKeyId());
          }
          try {
            s3.putObject(put.build(), RequestBody.fromFile(file));
          } catch (SdkException e) {
            throw new ReportUploadException(
                "cannot upload "
                    + name
                    + " to s3://"
                    + target.bucket()
                    + "/"
                    + key
                    + ": "
                    + e.getMessage(),
                e);
          }
          written.add("s3://" + target.bucket() + "/" + key);
        }
      }
    }
    LOG.info(
        "reports: {} files uploaded to {}/ and {}/{}/{}/",
        files.size(),
        target,
        target,
        RUNS,
        runId);
    return List.copyOf(written);
  }

  private S3Client client() {
    S3ClientBuilder builder = S3Client.builder().credentialsProvider(credentials);
    if (settings.region() != null) {
      builder.region(Region.of(settings.region()));
    }
    if (settings.endpoint() != null) {
      builder.endpointOverride(URI.create(settings.endpoint())).forcePathStyle(true);
      if (settings.region() == null) {
        builder.region(Region.US_EAST_1);
      }
    }
    return builder.build();
  }

  private static String type(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (lower.endsWith(".md")) {
      return "text/markdown; charset=utf-8";
    }
    if (lower.endsWith(".csv")) {
      return "text/csv; charset=utf-8";
    }
    if (lower.endsWith(".jsonl")) {
      return "application/x-ndjson";
    }
    if (lower.endsWith(".json")) {
      return "application/json";
    }
    return "application/octet-stream";
  }
}
