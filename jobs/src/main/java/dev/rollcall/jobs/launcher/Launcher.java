package dev.rollcall.jobs.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar's entry point. Under spark-submit, Spark is already on the class path and rollcall runs
 * on it; under {@code java -jar}, Spark is missing, so rollcall runs on the Spark jars nested in
 * its own jar (see {@link NestedSpark}), in a class loader of their own. This class touches only
 * the JDK: it is loaded before any Spark class can be.
 */
public final class Launcher {
  static final String COMMAND = "dev.rollcall.jobs.cli.RollcallCommand";
  private static final String SPARK_PROBE = "org.apache.spark.SparkContext";

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    ClassLoader own = Launcher.class.getClassLoader();
    ClassLoader loader = own;
    if (!sparkOnClassPath(own)) {
      try {
        loader = nestedSparkLoader();
      } catch (IllegalStateException | IOException e) {
        // Exit code 1: rollcall's "unexpected error, the run did not finish".
        System.err.println(e instanceof IllegalStateException ? e.getMessage() : "rollcall: " + e);
        System.exit(1);
      }
    }
    Thread.currentThread().setContextClassLoader(loader);
    Method main = Class.forName(COMMAND, true, loader).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static boolean sparkOnClassPath(ClassLoader loader) {
    try {
      Class.forName(SPARK_PROBE, false, loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static ClassLoader nestedSparkLoader() throws IOException {
    Path jar = ownJar();
    List<Path> sparkJars =
        NestedSpark.unpack(jar, CacheRoot.resolve(System.getenv(), System.getProperties()));
    // Netty (inside Spark) reads this once, when it is first loaded; the jar's manifest opens
    // java.nio for it (Add-Opens), which java -jar honours.
    if (System.getProperty("io.netty.tryReflectionSetAccessible") == null) {
      System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    }
    List<URL> urls = new ArrayList<>();
    urls.add(url(jar));
    for (Path sparkJar : sparkJars) {
      urls.add(url(sparkJar));
    }
    // The platform loader as parent: rollcall's classes must come from this loader, beside Spark,
    // not from the application class loader that holds the same jar without Spark.
    return new URLClassLoader(
        "rollcall", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  private static Path ownJar() {
    Path location;
    try {
      location =
          Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("rollcall: cannot tell where its jar is: " + e, e);
    }
    if (!Files.isRegularFile(location)) {
      throw new IllegalStateException(
          "rollcall: Spark is not on the class path and "
              + location
              + " is not rollcall's packaged jar; run jobs/target/rollcall.jar (java -jar or"
              + " spark-submit), or put Spark on the class path");
    }
    return location;
  }

  private static URL url(Path path) throws MalformedURLException {
    return path.toUri().toURL();
  }
}
