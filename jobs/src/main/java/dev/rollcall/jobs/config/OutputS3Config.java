package dev.rollcall.jobs.config;

/**
 * How reports go to an {@code s3://} output ({@code outputS3:} in the file).
 *
 * @param region the bucket's region; null for the AWS SDK's default (AWS_REGION, the profile, the
 *     instance's)
 * @param kmsKeyId the KMS key (id, alias or ARN) for SSE-KMS; null for SSE-S3 (AES-256)
 * @param endpoint an S3-compatible endpoint (path-style requests); null for AWS's own
 */
public record OutputS3Config(String region, String kmsKeyId, String endpoint) {
  public OutputS3Config {
    region = blankToNull(region);
    kmsKeyId = blankToNull(kmsKeyId);
    endpoint = blankToNull(endpoint);
    if (endpoint != null) {
      HttpUrls.require("endpoint", endpoint);
    }
  }

  /** The defaults: the SDK's region, SSE-S3, AWS's endpoint. */
  public static OutputS3Config defaults() {
    return new OutputS3Config(null, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
