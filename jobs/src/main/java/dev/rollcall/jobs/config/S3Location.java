package dev.rollcall.jobs.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/prefix} location for the reports.
 *
 * @param bucket the bucket's name (S3's general-purpose bucket naming rules)
 * @param prefix the key prefix, without leading or trailing slash; "" for the bucket's root
 */
public record S3Location(String bucket, String prefix) {
  static final String SCHEME = "s3://";

  /**
   * S3's naming rules for general-purpose buckets: 3-63 of a-z, 0-9, '.', '-', ends alphanumeric.
   */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  public S3Location {
    if (bucket == null
        || !BUCKET.matcher(bucket).matches()
        || bucket.contains("..")
        || IP.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          "the bucket is not an S3 bucket name (3 to 63 lower-case letters, digits, dots and"
              + " hyphens,"
              + " starting and ending with a letter or digit)");
    }
    prefix = prefix == null ? "" : prefix;
    if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")) {
      throw new IllegalArgumentException(
          "the key prefix may not start or end with '/' or hold '//'");
    }
  }

  /** Whether {@code output} names an S3 location rather than a folder. */
  public static boolean isS3(String output) {
    return output.toLowerCase(Locale.ROOT).startsWith(SCHEME);
  }

  /** Parses {@code s3://bucket} or {@code s3://bucket/prefix} (a trailing slash is dropped). */
  public static S3Location parse(String uri) {
    if (!isS3(uri)) {
      throw new IllegalArgumentException("not an s3:// location");
    }
    String rest = uri.substring(SCHEME.length());
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int slash = rest.indexOf('/');
    return slash < 0
        ? new S3Location(rest, "")
        : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** The object key of {@code name} under the prefix. */
  public String key(String name) {
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  @Override
  public String toString() {
    return SCHEME + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }
}
