package dev.rollcall.jobs.config;

/**
 * One configured source.
 *
 * @param name a name for logs and reports
 * @param type {@code snapshot}: a folder of vendor-shaped exports (live connectors come later)
 * @param path the snapshot folder, relative to the configuration file
 */
public record SourceConfig(String name, SourceType type, String path) {
  /** The kinds of source. */
  public enum SourceType {
    SNAPSHOT
  }

  public SourceConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    if (type == null) {
      throw new IllegalArgumentException("type is required (snapshot)");
    }
    if (type == SourceType.SNAPSHOT && (path == null || path.isBlank())) {
      throw new IllegalArgumentException("path is required for a snapshot source");
    }
  }
}
