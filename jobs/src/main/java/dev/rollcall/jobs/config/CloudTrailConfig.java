package dev.rollcall.jobs.config;

import java.net.URI;
import java.util.Locale;

/**
 * One CloudTrail trail's log files.
 *
 * @param path the folder holding {@code AWSLogs/}: a local folder relative to the configuration
 *     file, or {@code s3a://bucket/prefix} (credentials from the AWS default chain or s3a settings,
 *     never from this file)
 * @param days how many days back from the run to read, 1 to 400 (default 90)
 */
public record CloudTrailConfig(String path, Integer days) {
  public CloudTrailConfig {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(
          "path is required (a folder holding AWSLogs/, or s3a://bucket/prefix)");
    }
    path = path.strip();
    String scheme = scheme(path);
    if (scheme != null && !scheme.equals("s3a") && !scheme.equals("file")) {
      throw new IllegalArgumentException(
          "path must be a local folder or s3a://bucket/prefix, not " + scheme + "://");
    }
    if ("s3a".equals(scheme) && URI.create(path).getHost() == null) {
      throw new IllegalArgumentException("path " + path + " names no bucket");
    }
    if (path.contains("@")) {
      throw new IllegalArgumentException(
          "path must not carry credentials; s3a reads them from the AWS default chain");
    }
    days = days == null ? 90 : days;
    if (days < 1 || days > 400) {
      throw new IllegalArgumentException("days must be 1 to 400, was " + days);
    }
  }

  /** The URI scheme of the path, lower case, or null for a plain local path. */
  public static String scheme(String path) {
    int colon = path.indexOf("://");
    return colon <= 0 ? null : path.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** Whether the path is read through Hadoop's s3a file system rather than from local disk. */
  public boolean remote() {
    return "s3a".equals(scheme(path));
  }
}
