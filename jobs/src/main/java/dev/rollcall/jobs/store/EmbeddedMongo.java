package dev.rollcall.jobs.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * An in-process server that speaks the MongoDB wire protocol on loopback, persisted to one H2
 * MVStore file, so that the embedded default needs no database server and still uses the real
 * driver. H2 locks the file, so two processes cannot open the same store at once.
 */
final class EmbeddedMongo implements AutoCloseable {
  /** The store file's name inside the state folder. */
  static final String FILE = "rollcall-state.mv";

  /**
   * H2's page cache, in megabytes (H2's default is 16): a night reads every finding and writes most
   * of them back, and a page that left the cache is read and deserialized again.
   */
  private static final int CACHE_MB = 64;

  /**
   * How much H2 lets pile up unsaved before it commits in the middle of a command, in kilobytes
   * (its default is 19 MB): a bulk write would be committed in pieces, each rewriting the same
   * pages of the B-tree. It also bounds what one command holds in memory.
   */
  private static final int UNSAVED_KB = 64 * 1024;

  private final H2Backend backend;
  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongo(H2Backend backend, MongoServer server, String connectionString) {
    this.backend = backend;
    this.server = server;
    this.connectionString = connectionString;
  }

  /**
   * Starts the server on a free loopback port, on the store file of {@code file}. A file that H2
   * cannot read whole is refused before any client sees it.
   *
   * @throws StoreDamagedException when the file is damaged
   * @throws RunLockedException when another process has it open
   */
  static EmbeddedMongo start(StoreFile file) {
    file.prepare();
    MVStore mvStore = openMvStore(file);
    H2Backend backend = new CommittingH2Backend(mvStore);
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    return new EmbeddedMongo(
        backend, server, "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true");
  }

  private static MVStore openMvStore(StoreFile file) {
    MVStore mvStore;
    try {
      // The file format H2Backend(String) opens, without the background auto-commit: the backend
      // commits after every command that wrote (CommittingH2Backend). Pages are compressed (LZF,
      // a third of the size); every H2 reads them, compressed or not, whatever it was opened with.
      mvStore =
          new MVStore.Builder()
              .fileName(file.live().toString())
              .autoCommitDisabled()
              .autoCommitBufferSize(UNSAVED_KB)
              .cacheSize(CACHE_MB)
              .compress()
              .open();
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw new RunLockedException(
            "the state store "
                + file.live()
                + " is open in another rollcall process (a run, review, history or store command"
                + " on this output folder); two cannot use it at once");
      }
      throw damaged(file, e);
    }
    // H2 reads a page only when asked for it; reading every one now finds a damaged page before
    // the run relies on it. A file that is exactly what the last finished run sealed is whole.
    if (!file.unchangedSinceSeal()) {
      try {
        for (String name : mvStore.getMapNames()) {
          MVMap<Object, Object> map = CommittingH2Backend.openMap(mvStore, name);
          for (var entry : map.entrySet()) {
            entry.getValue();
          }
        }
      } catch (RuntimeException e) {
        mvStore.closeImmediately();
        throw damaged(file, e);
      }
    }
    return mvStore;
  }

  /** The one line that says the file is damaged and how to put the good copy back. */
  static StoreDamagedException damaged(StoreFile file, Exception cause) {
    String reason = cause.getMessage() == null ? "unreadable" : cause.getMessage();
    // H2 ends its messages with its version and error code, "[2.3.232/6]": not for people.
    reason = reason.replaceAll("\\s*\\[[0-9.]+/-?[0-9]+\\]$", "");
    return damaged(file, "H2 cannot read it (" + reason + ")");
  }

  /** The one line that says the file is damaged, why, and how to put the good copy back. */
  static StoreDamagedException damaged(StoreFile file, String why) {
    return new StoreDamagedException(
        "the state store "
            + file.live()
            + " is damaged: "
            + why
            + "; nothing was read or written. Run '"
            + file.restoreCommand()
            + "' to put back the copy kept after the last finished run");
  }

  String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    server.shutdown();
    backend.close();
  }
}
