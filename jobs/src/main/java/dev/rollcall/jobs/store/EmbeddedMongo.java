package dev.rollcall.jobs.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An in-process server that speaks the MongoDB wire protocol on loopback, persisted to one H2
 * MVStore file, so that the embedded default needs no database server and still uses the real
 * driver. H2 locks the file, so two runs cannot open the same store at once.
 */
final class EmbeddedMongo implements AutoCloseable {
  /** The store file's name inside the state folder. */
  static final String FILE = "rollcall-state.mv";

  private final H2Backend backend;
  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongo(H2Backend backend, MongoServer server, String connectionString) {
    this.backend = backend;
    this.server = server;
    this.connectionString = connectionString;
  }

  /** Starts the server on a free loopback port, on the store file in {@code stateDir}. */
  static EmbeddedMongo start(Path stateDir) {
    try {
      Files.createDirectories(stateDir);
      try {
        Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows file systems have no POSIX modes; the folder keeps its inherited ACL.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state folder " + stateDir, e);
    }
    H2Backend backend;
    try {
      backend = new H2Backend(stateDir.resolve(FILE).toString());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open the embedded state store "
              + stateDir.resolve(FILE)
              + " (is another rollcall run using this output folder?): "
              + e.getMessage(),
          e);
    }
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    return new EmbeddedMongo(
        backend, server, "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true");
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
