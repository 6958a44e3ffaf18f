package dev.rollcall.jobs.store;

import dev.rollcall.reports.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The embedded store's file on disk, the copies kept after the last finished runs ({@code
 * rollcall-state.mv.1} the newest) and the seal that says which run each of them holds, with its
 * SHA-256. The store is the audit's history: a damaged file must be noticed (H2 silently falls back
 * to an older state when the end of its file is lost) and replaced by a good copy.
 */
public final class StoreFile {
  /** How many copies are kept: the last finished runs' stores, newest first. */
  static final int GENERATIONS = 3;

  private static final String SEAL = "rollcall-state.seal";
  private static final DateTimeFormatter ASIDE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path outputDir;
  private final Path stateDir;

  private StoreFile(Path outputDir) {
    this.outputDir = outputDir;
    this.stateDir = outputDir.resolve("state");
  }

  /** The embedded store of the output folder {@code outputDir}. */
  public static StoreFile in(Path outputDir) {
    return new StoreFile(outputDir.toAbsolutePath());
  }

  /** The store file itself. */
  public Path live() {
    return stateDir.resolve(EmbeddedMongo.FILE);
  }

  /** Copy {@code generation} (1 is the newest). */
  Path copy(int generation) {
    return stateDir.resolve(EmbeddedMongo.FILE + "." + generation);
  }

  /** The command that puts the newest good copy back, for messages. */
  public String restoreCommand() {
    return "rollcall store restore --out " + outputDir;
  }

  /** A stored file and the finished run whose state it holds. */
  public record Sealed(Path file, String runId, String sha256) {}

  /**
   * The seal: the store file and each copy as the last finished run left them, newest first; empty
   * when no run has finished since stores were sealed.
   */
  public List<Sealed> seal() {
    Path seal = stateDir.resolve(SEAL);
    if (!Files.exists(seal)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(seal, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreDamagedException("cannot read " + seal + ": " + e.getMessage());
    }
    List<Sealed> sealed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 3
          || !fields[0].startsWith(EmbeddedMongo.FILE)
          || fields[0].contains("/")
          || !fields[2].matches("[0-9a-f]{64}")) {
        throw new StoreDamagedException(
            seal
                + " line "
                + (i + 1)
                + ": expected 'file<TAB>run<TAB>sha256' of a store file, was '"
                + line
                + "'");
      }
      sealed.add(new Sealed(stateDir.resolve(fields[0]), fields[1], fields[2]));
    }
    return sealed;
  }

  /** What the seal says of the store file itself, if a run has sealed it. */
  public Optional<Sealed> sealedLive() {
    return seal().stream().filter(s -> s.file().equals(live())).findFirst();
  }

  /** Whether the store file is byte for byte what the last finished run left. */
  public boolean unchangedSinceSeal() {
    Optional<Sealed> sealed = sealedLive();
    return sealed.isPresent()
        && Files.exists(live())
        && sealed.get().sha256().equals(sha256(live()));
  }

  /**
   * Creates the state folder (0700) and, for a new store, an empty store file (0600) for H2 to
   * fill; an older store file is made owner-only too.
   */
  void prepare() {
    try {
      AtomicFiles.createOwnerOnlyDirectories(stateDir);
      ownerOnly(stateDir, "rwx------");
      if (!Files.exists(live())) {
        try {
          Files.createFile(
              live(),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(live());
        }
      }
      ownerOnly(live(), "rw-------");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state store " + live(), e);
    }
  }

  /**
   * After a run has finished and closed the store: keeps a copy of the store file as copy 1 (the
   * older copies move one generation down, the oldest is dropped) and seals both with the run.
   */
  public void keepCopyAfter(String runId) {
    try {
      List<Sealed> before = seal();
      Files.deleteIfExists(copy(GENERATIONS));
      List<Sealed> after = new ArrayList<>();
      String hash = sha256(live());
      after.add(new Sealed(live(), runId, hash));
      for (int g = GENERATIONS - 1; g >= 1; g--) {
        if (Files.exists(copy(g))) {
          Files.move(copy(g), copy(g + 1), StandardCopyOption.ATOMIC_MOVE);
        }
      }
      AtomicFiles.write(copy(1), out -> Files.copy(live(), out));
      after.add(new Sealed(copy(1), runId, hash));
      for (int g = 2; g <= GENERATIONS; g++) {
        Path moved = copy(g);
        Path was = copy(g - 1);
        before.stream()
            .filter(s -> s.file().equals(was) && Files.exists(moved))
            .findFirst()
            .ifPresent(s -> after.add(new Sealed(moved, s.runId(), s.sha256())));
      }
      writeSeal(after);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep a copy of the state store " + live(), e);
    }
  }

  /** The copies that are still what the seal says, newest first. */
  public List<Sealed> goodCopies() {
    return seal().stream()
        .filter(s -> !s.file().equals(live()))
        .filter(s -> Files.exists(s.file()) && s.sha256().equals(sha256(s.file())))
        .toList();
  }

  /**
   * What a restore did.
   *
   * @param from the copy put back
   * @param runId the finished run whose state it holds
   * @param aside where the replaced store file was kept, if there was one
   */
  public record Restored(Path from, String runId, Optional<Path> aside) {}

  /**
   * Replaces the store file with the newest copy that is still what the seal says, keeping the
   * replaced file aside; refuses while another process has the store open, and when there is no
   * good copy.
   *
   * @throws IllegalStateException when there is nothing to restore from
   * @throws RunLockedException when another rollcall process has the store open
   */
  public Restored restore(Instant now) {
    List<Sealed> good = goodCopies();
    if (good.isEmpty()) {
      throw new IllegalStateException(
          "no good copy of "
              + live()
              + " to restore from: copies are kept from the first run that finishes with this"
              + " version of rollcall"
              + (seal().size() > 1 ? " (the kept copies no longer match their seal)" : ""));
    }
    Sealed from = good.get(0);
    try {
      Optional<Path> aside = Optional.empty();
      if (Files.exists(live())) {
        refuseWhileOpen();
        Path kept = stateDir.resolve(EmbeddedMongo.FILE + ".replaced-" + ASIDE.format(now));
        Files.move(live(), kept, StandardCopyOption.ATOMIC_MOVE);
        aside = Optional.of(kept);
      }
      AtomicFiles.write(live(), out -> Files.copy(from.file(), out));
      List<Sealed> sealed = new ArrayList<>();
      sealed.add(new Sealed(live(), from.runId(), from.sha256()));
      seal().stream().filter(s -> !s.file().equals(live())).forEach(sealed::add);
      writeSeal(sealed);
      return new Restored(from.file(), from.runId(), aside);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore " + live() + " from " + from.file(), e);
    }
  }

  /** H2 holds a lock on the file while a store is open; a restore must not pull it away. */
  private void refuseWhileOpen() throws IOException {
    try (FileChannel channel =
        FileChannel.open(live(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException inThisJvm) {
        lock = null;
      }
      if (lock == null) {
        throw new RunLockedException(
            "the state store "
                + live()
                + " is open in another rollcall process; restore it once that has ended");
      }
      lock.release();
    }
  }

  private void writeSeal(List<Sealed> sealed) throws IOException {
    StringBuilder text =
        new StringBuilder(
            "# written by rollcall after each finished run: store file, run, SHA-256\n");
    for (Sealed s : sealed) {
      text.append(s.file().getFileName())
          .append('\t')
          .append(s.runId())
          .append('\t')
          .append(s.sha256())
          .append('\n');
    }
    AtomicFiles.write(stateDir.resolve(SEAL), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  private static void ownerOnly(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException notPosix) {
      // Windows file systems have no POSIX modes; the file keeps its inherited ACL.
    }
  }
}
