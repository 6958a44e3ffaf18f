package dev.rollcall.jobs.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one local SparkSession per test JVM: started on first use, kept in JUnit's root
 * store, stopped when the JVM's tests end. Starting Spark takes seconds; the machines have two
 * cores.
 */
public final class SharedSpark implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedSpark.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("spark", key -> Session.start(), Session.class)
        .spark();
  }

  /** The session and its scratch folder, closed together. */
  record Session(SparkSession spark, Path scratch) implements AutoCloseable {
    static Session start() {
      try {
        Path scratch = Files.createTempDirectory("rollcall-test-spark-");
        return new Session(SparkSessions.start(scratch).sql(), scratch);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      spark.stop();
    }
  }
}
