package dev.rollcall.connectors.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One page of a Directory API listing, checked for shape, with the file it came from so that errors
 * can name the file and the record.
 *
 * @param file the snapshot file
 * @param listing which listing it is a page of
 * @param items the page's records (JSON objects), in file order
 */
public record DirectoryPage(Path file, DirectoryListing listing, List<JsonNode> items) {

  public DirectoryPage {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(listing, "listing");
    items = List.copyOf(items);
  }

  /**
   * Checks a parsed file against the page shape of a listing: a JSON object whose {@code kind},
   * when present, is the listing's, and whose record array holds only objects.
   */
  public static DirectoryPage of(Path file, JsonNode root, DirectoryListing listing) {
    String expected = listing.method() + " page";
    if (!root.isObject()) {
      throw new SnapshotException(file, null, "not a " + expected + ": expected a JSON object");
    }
    String kind = SnapshotJson.optionalText(root, "kind");
    if (kind != null && !kind.equals(listing.kind())) {
      throw new SnapshotException(
          file, null, "field 'kind' is not '" + listing.kind() + "' (" + expected + ")");
    }
    String field = listing.arrayField();
    JsonNode array = root.get(field);
    if ((array == null || array.isNull()) && kind == null) {
      throw new SnapshotException(
          file, null, "not a " + expected + ": it has neither 'kind' nor '" + field + "'");
    }
    // The API leaves the array out of an empty page, so a page with the right kind may lack it.
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode item : SnapshotJson.array(root, field, file, null)) {
      if (!item.isObject()) {
        throw new SnapshotException(file, record(field, items.size()), "not a JSON object");
      }
      items.add(item);
    }
    return new DirectoryPage(file, listing, items);
  }

  /** The name of the record at an index, e.g. {@code users[3]}. */
  public String record(int index) {
    return record(listing.arrayField(), index);
  }

  private static String record(String field, int index) {
    return field + "[" + index + "]";
  }
}
