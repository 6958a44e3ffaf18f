package dev.rollcall.connectors.aws.pull;

import dev.rollcall.connectors.pull.SnapshotFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/** Writes each page of a listing as {@code <listing>/page-0001.json}, …, as the CLI prints it. */
final class PageWriter {
  private PageWriter() {}

  /** Writes the pages and returns them, for the caller to read what it needs next. */
  static <P extends SdkPojo> List<P> write(Path dir, String listing, Iterable<P> pages) {
    List<P> written = new ArrayList<>();
    for (P page : pages) {
      written.add(page);
      SnapshotFiles.writeJson(
          SnapshotFiles.page(dir.resolve(listing), written.size()), SdkJson.of(page));
    }
    return written;
  }

  /** Writes one response as {@code <name>.json}. */
  static void one(Path dir, String name, SdkPojo response) {
    SnapshotFiles.writeJson(dir.resolve(name + ".json"), SdkJson.of(response));
  }
}
