package dev.rollcall.connectors.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A tenant's folder in a snapshot. Each may hold a {@value #MANIFEST} file saying when the data was
 * captured, so that ages (days idle, key age) are measured from the capture, not from the day the
 * snapshot is replayed.
 */
public final class TenantFolder {
  /** The optional file in a tenant folder that records the capture time. */
  public static final String MANIFEST = "rollcall-snapshot.json";

  private TenantFolder() {}

  /**
   * When the tenant's data was captured: {@code capturedAt} of the manifest, or the fallback when
   * there is no manifest.
   */
  public static Instant observedAt(Path tenantDir, Instant fallback) {
    Path manifest = tenantDir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return fallback;
    }
    JsonNode root = SnapshotJson.read(manifest);
    String text = SnapshotJson.requiredText(root, "capturedAt", manifest, null);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new SnapshotException(
          manifest, null, "capturedAt '" + text + "' is not an ISO-8601 instant", e);
    }
  }

  /**
   * The JSON pages of one listing, in name order: either the single file {@code name.json} or every
   * {@code *.json} file in the folder {@code name/}. Returns an empty list when neither exists.
   */
  public static List<Path> pages(Path tenantDir, String name) {
    Path single = tenantDir.resolve(name + ".json");
    Path folder = tenantDir.resolve(name);
    List<Path> pages = new ArrayList<>();
    if (Files.isRegularFile(single)) {
      pages.add(single);
    }
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files
            .filter(p -> p.getFileName().toString().endsWith(".json"))
            .filter(Files::isRegularFile)
            .sorted()
            .forEach(pages::add);
      } catch (IOException e) {
        throw new SnapshotException(folder, null, "cannot list the folder: " + e.getMessage(), e);
      }
    }
    return pages;
  }

  /** The sub-folders of a folder, in name order; empty when it does not exist. */
  public static List<Path> subfolders(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new SnapshotException(dir, null, "cannot list the folder: " + e.getMessage(), e);
    }
  }
}
