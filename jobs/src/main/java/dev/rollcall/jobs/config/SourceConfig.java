package dev.rollcall.jobs.config;

/**
 * One configured source.
 *
 * @param name a name for logs and reports
 * @param type {@code snapshot}: a folder of vendor-shaped exports; {@code aws}: AWS accounts pulled
 *     live
 * @param path the snapshot folder, relative to the configuration file (snapshot only)
 * @param aws how to pull AWS (aws only)
 */
public record SourceConfig(String name, SourceType type, String path, AwsSourceConfig aws) {
  /** The kinds of source. */
  public enum SourceType {
    SNAPSHOT,
    AWS;

    /** Whether the source is pulled from a live API (rather than read from a folder). */
    public boolean live() {
      return this != SNAPSHOT;
    }
  }

  public SourceConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    if (type == null) {
      throw new IllegalArgumentException("type is required (snapshot or aws)");
    }
    if (type == SourceType.SNAPSHOT && (path == null || path.isBlank())) {
      throw new IllegalArgumentException("path is required for a snapshot source");
    }
    if (type != SourceType.SNAPSHOT && path != null) {
      throw new IllegalArgumentException("path belongs to snapshot sources only");
    }
    if (type != SourceType.AWS && aws != null) {
      throw new IllegalArgumentException("the aws block belongs to sources of type aws only");
    }
    if (type == SourceType.AWS && aws == null) {
      aws = AwsSourceConfig.defaults();
    }
  }
}
