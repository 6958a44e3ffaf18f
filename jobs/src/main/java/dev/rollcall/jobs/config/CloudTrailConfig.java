package dev.rollcall.jobs.config;

import dev.rollcall.connectors.snapshot.SymbolicLinks;
import java.net.URI;
import java.util.Locale;

/**
 * One CloudTrail trail's log files.
 *
 * @param path the folder holding {@code AWSLogs/}: a local folder relative to the configuration
 *     file, or {@code s3a://bucket/prefix} (credentials from the AWS default chain or s3a settings,
 *     never from this file)
 * @param days how many days back from the run to read, 1 to 400 (default 90)
 * @param followSymlinks whether symbolic links in a local trail folder are followed ({@code
 *     followSymlinks: true}); refused by default, as in a snapshot (see {@link SymbolicLinks})
 */
public record CloudTrailConfig(String path, Integer days, Boolean followSymlinks) {
  public CloudTrailConfig {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(
          "path is required (a folder holding AWSLogs/, or s3a://bucket/prefix)");
    }
    path = path.strip();
    String scheme = scheme(path);
    if (scheme != null && !scheme.equals("s3a") && !scheme.equals("file")) {
      throw new IllegalArgumentException(
          "path must be a local folder or s3a://bucket/prefix, with no other scheme");
    }
    if ("s3a".equals(scheme) && URI.create(path).getHost() == null) {
      throw new IllegalArgumentException("path names no bucket (s3a://bucket/prefix)");
    }
    if (path.contains("@")) {
      throw new IllegalArgumentException(
          "path must not carry credentials; s3a reads them from the AWS default chain");
    }
    days = days == null ? 90 : days;
    if (days < 1 || days > 400) {
      throw new IllegalArgumentException("days must be 1 to 400");
    }
    followSymlinks = followSymlinks != null && followSymlinks;
    if (followSymlinks && "s3a".equals(scheme)) {
      throw new IllegalArgumentException("followSymlinks is for local trail folders; S3 has none");
    }
  }

  /** A trail whose symbolic links, in a local folder, are refused. */
  public CloudTrailConfig(String path, Integer days) {
    this(path, days, false);
  }

  /** What listing a local trail folder does with a symbolic link in it. */
  public SymbolicLinks links() {
    return SymbolicLinks.followed(followSymlinks);
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
