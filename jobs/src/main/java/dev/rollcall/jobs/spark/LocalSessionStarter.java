package dev.rollcall.jobs.spark;

import dev.rollcall.connectors.pull.SnapshotFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Starts Spark for one command ({@link SparkSessions#start}) at most once: on {@link #begin()} in a
 * thread of its own, while the command reads its sources (a local session takes seconds to start,
 * mostly class loading and a single thread's work), or on the first {@link #get()}. {@link #stop()}
 * stops it, if it was started, and removes its scratch folder.
 */
public final class LocalSessionStarter implements SparkStart {
  private final Function<Path, SparkEngine> starter;
  private CompletableFuture<SparkEngine> session;
  private Path scratch;

  public LocalSessionStarter() {
    this(SparkSessions::start);
  }

  /** A starter that starts Spark with {@code starter}, given a scratch folder. */
  LocalSessionStarter(Function<Path, SparkEngine> starter) {
    this.starter = starter;
  }

  @Override
  public synchronized void begin() {
    if (session != null) {
      return;
    }
    session = new CompletableFuture<>();
    CompletableFuture<SparkEngine> started = session;
    Thread thread = new Thread(() -> start(started), "rollcall-spark-start");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public SparkEngine get() {
    CompletableFuture<SparkEngine> started;
    synchronized (this) {
      if (session == null) {
        session = new CompletableFuture<>();
        start(session);
      }
      started = session;
    }
    try {
      return started.join();
    } catch (CompletionException e) {
      // The start's own failure, as if it had happened in this thread.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private void start(CompletableFuture<SparkEngine> into) {
    try {
      Path folder = Files.createTempDirectory("rollcall-spark-");
      synchronized (this) {
        scratch = folder;
      }
      into.complete(starter.apply(folder));
    } catch (IOException e) {
      into.completeExceptionally(
          new UncheckedIOException("cannot create a scratch folder for Spark", e));
    } catch (RuntimeException | Error e) {
      into.completeExceptionally(e);
    }
  }

  /** Stops the session (waiting for a start in progress) and removes its scratch folder. */
  public void stop() {
    CompletableFuture<SparkEngine> started;
    synchronized (this) {
      started = session;
    }
    if (started == null) {
      return;
    }
    try {
      started.join().context().stop();
    } catch (CompletionException e) {
      // It never started: nothing to stop. The failure was reported by get(), or nobody asked.
    }
    Path folder;
    synchronized (this) {
      folder = scratch;
    }
    if (folder != null) {
      try {
        SnapshotFiles.delete(folder);
      } catch (UncheckedIOException e) {
        // A leftover scratch folder in the temp directory is harmless.
      }
    }
  }
}
