package dev.rollcall.jobs.config;

/**
 * One configured source.
 *
 * @param name a name for logs and reports
 * @param type {@code snapshot} (a folder of vendor-shaped exports) or a live system: {@code aws},
 *     {@code google}, {@code atlas}
 * @param path the snapshot folder, relative to the configuration file (snapshot only)
 * @param aws how to pull AWS (aws only)
 * @param google how to pull Google Workspace (google only; required)
 * @param atlas how to pull MongoDB Atlas (atlas only)
 */
public record SourceConfig(
    String name,
    SourceType type,
    String path,
    AwsSourceConfig aws,
    GoogleSourceConfig google,
    AtlasSourceConfig atlas) {
  /** The kinds of source. */
  public enum SourceType {
    SNAPSHOT,
    AWS,
    GOOGLE,
    ATLAS;

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
      throw new IllegalArgumentException("type is required (snapshot, aws, google or atlas)");
    }
    if (type == SourceType.SNAPSHOT && (path == null || path.isBlank())) {
      throw new IllegalArgumentException("path is required for a snapshot source");
    }
    if (type != SourceType.SNAPSHOT && path != null) {
      throw new IllegalArgumentException("path belongs to snapshot sources only");
    }
    only(type, SourceType.AWS, aws, "aws");
    only(type, SourceType.GOOGLE, google, "google");
    only(type, SourceType.ATLAS, atlas, "atlas");
    if (type == SourceType.AWS && aws == null) {
      aws = AwsSourceConfig.defaults();
    }
    if (type == SourceType.ATLAS && atlas == null) {
      atlas = AtlasSourceConfig.defaults();
    }
    if (type == SourceType.GOOGLE && google == null) {
      throw new IllegalArgumentException(
          "a google source needs a google block with domain and adminSubject");
    }
  }

  private static void only(SourceType type, SourceType owner, Object block, String key) {
    if (block != null && type != owner) {
      throw new IllegalArgumentException(
          "the " + key + " block belongs to sources of type " + key + " only");
    }
  }
}
