package dev.rollcall.connectors.atlas;

import dev.rollcall.connectors.snapshot.TenantFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The saved organisation under src/test/resources/atlas, and copies of it tests can edit. */
final class TestOrg {
  static final String ORG_ID = "6500aa11bb22cc33dd44ee55";
  static final String PAYMENTS = "6500aa11bb22cc33dd44ee01";
  static final String ANALYTICS = "6500aa11bb22cc33dd44ee02";
  static final Instant OBSERVED_AT = Instant.parse("2026-11-20T06:00:00Z");

  private TestOrg() {}

  /** The saved organisation folder. */
  static Path dir() {
    try {
      return Path.of(TestOrg.class.getResource("/atlas/" + ORG_ID).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of the saved folder under {@code parent}, named {@code name}. */
  static Path copy(Path parent, String name) {
    Path source = dir();
    Path target = parent.resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** A copy of the saved folder under {@code parent}, named for the organisation. */
  static Path copy(Path parent) {
    return copy(parent, ORG_ID);
  }

  /** Replaces text in a file of a copied folder, failing when the text is not there. */
  static void edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      if (!text.contains(from)) {
        throw new IllegalArgumentException(file + " does not contain " + from);
      }
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The saved responses as the mapper takes them, read file by file. */
  static AtlasPages pages() {
    Path dir = dir();
    return new AtlasPages(
        ORG_ID,
        page(dir.resolve("organization.json")),
        page(dir.resolve("settings.json")),
        List.of(page(dir.resolve("users/page-1.json")), page(dir.resolve("users/page-2.json"))),
        List.of(page(dir.resolve("groups.json"))),
        Map.of(
            PAYMENTS,
            List.of(
                page(dir.resolve("groups/" + PAYMENTS + "/databaseUsers/page-1.json")),
                page(dir.resolve("groups/" + PAYMENTS + "/databaseUsers/page-2.json"))),
            ANALYTICS,
            List.of(page(dir.resolve("groups/" + ANALYTICS + "/databaseUsers.json")))));
  }

  static AtlasPages.Page page(Path file) {
    return new AtlasPages.Page(file, TenantFolder.of(file.getParent()).json(file));
  }
}
