package dev.rollcall.connectors.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A tenant's folder in a snapshot, and the one way the snapshot readers look into it: every file
 * they read and every folder they list goes through here, so that a symbolic link anywhere below
 * the tenant folder (or the tenant folder itself) is refused, naming it, unless the source follows
 * links ({@link SymbolicLinks}), and every file is read as UTF-8 text ({@link Utf8Input}). Each
 * tenant may hold a {@value #MANIFEST} file saying when the data was captured, so that ages (days
 * idle, key age) are measured from the capture, not from the day the snapshot is replayed.
 */
public final class TenantFolder {
  /** The optional file in a tenant folder that records the capture time. */
  public static final String MANIFEST = "rollcall-snapshot.json";

  private static final OpenOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final OpenOption[] FOLLOW = {};

  private final Path dir;
  private final SymbolicLinks links;

  /**
   * @param dir the tenant's folder, named for the tenant
   * @param links what to do with a symbolic link in it
   */
  public TenantFolder(Path dir, SymbolicLinks links) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.links = Objects.requireNonNull(links, "links");
  }

  /** A tenant folder whose symbolic links are refused. */
  public static TenantFolder of(Path dir) {
    return new TenantFolder(dir, SymbolicLinks.REFUSE);
  }

  /**
   * The tenant folders of a system folder ({@code aws/}, {@code google/} …), in name order, none
   * when it does not exist. A symbolic link among them is listed too, so that reading that tenant
   * is refused with its name, unless links are followed; a system folder that is a link is refused
   * whole.
   */
  public static List<TenantFolder> in(Path systemDir, SymbolicLinks links) {
    if (links == SymbolicLinks.REFUSE) {
      refuseLink(systemDir);
    }
    if (!Files.isDirectory(systemDir)) {
      return List.of();
    }
    List<TenantFolder> tenants = new ArrayList<>();
    for (Path entry : list(systemDir)) {
      if (Files.isDirectory(entry)
          || (links == SymbolicLinks.REFUSE && Files.isSymbolicLink(entry))) {
        tenants.add(new TenantFolder(entry, links));
      }
    }
    return tenants;
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** The folder's name: the tenant's id. */
  public String name() {
    return dir.getFileName().toString();
  }

  /** A path in the folder (not checked until it is read). */
  public Path resolve(String relative) {
    return dir.resolve(relative);
  }

  /**
   * When the tenant's data was captured: {@code capturedAt} of the manifest, or the fallback when
   * there is no manifest.
   */
  public Instant observedAt(Instant fallback) {
    Path manifest = dir.resolve(MANIFEST);
    if (!isFile(manifest)) {
      return fallback;
    }
    JsonNode root = json(manifest);
    String text = SnapshotJson.requiredText(root, "capturedAt", manifest, null);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new SnapshotException(
          manifest,
          null,
          "field 'capturedAt' is not an ISO-8601 instant such as 2026-11-20T06:00:00Z",
          e);
    }
  }

  /** Whether {@code file} is a regular file; a symbolic link on the way to it is refused. */
  public boolean isFile(Path file) {
    inside(file);
    return Files.isRegularFile(file);
  }

  /** Whether {@code folder} is a folder; a symbolic link on the way to it is refused. */
  public boolean isFolder(Path folder) {
    inside(folder);
    return Files.isDirectory(folder);
  }

  /**
   * The JSON pages of one listing, in name order: either the single file {@code name.json} or every
   * {@code *.json} file in the folder {@code name/}. Returns an empty list when neither exists.
   *
   * @param name the listing, relative to the tenant folder ({@code users}, {@code groups/ID/users})
   */
  public List<Path> pages(String name) {
    Path single = dir.resolve(name + ".json");
    Path folder = dir.resolve(name);
    List<Path> pages = new ArrayList<>();
    if (isFile(single)) {
      pages.add(single);
    }
    if (isFolder(folder)) {
      listed(folder).stream()
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .forEach(pages::add);
    }
    return pages;
  }

  /**
   * The sub-folders of a folder, in name order; empty when it does not exist.
   *
   * @param relative the folder, relative to the tenant folder
   */
  public List<Path> subfolders(String relative) {
    return list(relative, Files::isDirectory);
  }

  /**
   * The files and sub-folders of a folder, in name order; empty when it does not exist.
   *
   * @param relative the folder, relative to the tenant folder
   */
  public List<Path> entries(String relative) {
    return list(relative, p -> Files.isDirectory(p) || Files.isRegularFile(p));
  }

  private List<Path> list(String relative, Predicate<Path> kind) {
    Path folder = dir.resolve(relative);
    if (!isFolder(folder)) {
      return List.of();
    }
    return listed(folder).stream().filter(kind).toList();
  }

  /** Reads a JSON file of the folder, failing with the file and where it stops being JSON. */
  public JsonNode json(Path file) {
    inside(file);
    try (InputStream in = new Utf8Input(Files.newInputStream(file, openOptions()))) {
      return SnapshotJson.read(in, file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Reads a text file of the folder (a CSV report) whole, as UTF-8. */
  public String text(Path file) {
    inside(file);
    try (InputStream in = new Utf8Input(Files.newInputStream(file, openOptions()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private OpenOption[] openOptions() {
    // The check above looked at the path; O_NOFOLLOW keeps a link put in its place since from
    // being opened.
    return links == SymbolicLinks.REFUSE ? NO_FOLLOW : FOLLOW;
  }

  private SnapshotException unreadable(Path file, IOException e) {
    if (e instanceof Utf8Input.NotUtf8) {
      return new SnapshotException(file, null, e.getMessage(), e);
    }
    if (links == SymbolicLinks.REFUSE && Files.isSymbolicLink(file)) {
      return refused(file);
    }
    return new SnapshotException(file, null, "cannot read: " + reason(e), e);
  }

  /**
   * Refuses {@code path} when it leads out of the tenant folder by a {@code ..} (a name read from a
   * file may hold one), or, unless links are followed, when the tenant folder or any folder or file
   * from it down to {@code path} is a symbolic link.
   */
  private void inside(Path path) {
    if (!path.startsWith(dir)) {
      throw new IllegalArgumentException(path + " is not in the tenant folder " + dir);
    }
    for (Path name : dir.relativize(path)) {
      if (name.toString().equals("..")) {
        // The path is built from the file's content: it is not repeated.
        throw new SnapshotException(
            dir, null, "a name in the snapshot leads out of the tenant folder (..)");
      }
    }
    if (links == SymbolicLinks.FOLLOW) {
      return;
    }
    Path at = dir;
    refuseLink(at);
    for (Path name : dir.relativize(path)) {
      at = at.resolve(name);
      refuseLink(at);
    }
  }

  private static void refuseLink(Path path) {
    if (Files.isSymbolicLink(path)) {
      throw refused(path);
    }
  }

  private static SnapshotException refused(Path path) {
    return new SnapshotException(
        path, null, SymbolicLinks.refusal("the snapshot", "the snapshot source"));
  }

  /** The entries of a folder of the tenant; a symbolic link among them is refused. */
  private List<Path> listed(Path folder) {
    List<Path> entries = list(folder);
    if (links == SymbolicLinks.REFUSE) {
      entries.forEach(TenantFolder::refuseLink);
    }
    return entries;
  }

  /** The entries of a folder, in name order. */
  private static List<Path> list(Path folder) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      stream.forEach(entries::add);
    } catch (IOException e) {
      throw new SnapshotException(folder, null, "cannot list the folder: " + reason(e), e);
    } catch (UncheckedIOException e) {
      throw new SnapshotException(
          folder, null, "cannot list the folder: " + reason(e.getCause()), e);
    }
    entries.sort(null);
    return entries;
  }

  /** Why a file could not be read, in the operating system's words: never its content. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getClass().getSimpleName();
  }
}
