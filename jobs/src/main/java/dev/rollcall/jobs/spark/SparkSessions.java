package dev.rollcall.jobs.spark;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * Starts the Spark session: local mode inside this JVM unless a master was given (by spark-submit
 * or {@code spark.master}), in which case the job runs on that cluster unchanged.
 */
public final class SparkSessions {
  private static final String KRYO_REGISTRATOR = "spark.kryo.registrator";
  private static final String SERIALIZER = "spark.serializer";

  private static final String PLUGINS = "spark.plugins";

  private SparkSessions() {}

  /**
   * Starts Spark for a run: its context only (see {@link SparkEngine}), or the one already running
   * in this JVM (spark-submit's, a test's).
   *
   * @param scratch a folder for Spark's local files (warehouse, spill)
   */
  public static SparkEngine start(Path scratch) {
    SparkConf conf = new SparkConf(true);
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setIfMissing("spark.app.name", "rollcall")
        .setIfMissing("spark.ui.enabled", "false")
        .setIfMissing("spark.ui.showConsoleProgress", "false")
        .setIfMissing("spark.default.parallelism", "4")
        .setIfMissing("spark.sql.warehouse.dir", scratch.resolve("warehouse").toUri().toString());
    // Rollcall's records travel as Kryo (see CompactKryo), beside the cluster's own registrators:
    // in datasets (their encoders), and, unless the configuration names another serializer, in
    // what Spark itself serializes (the accounts' slices shipped with each task, broadcasts).
    conf.setIfMissing(SERIALIZER, "org.apache.spark.serializer.KryoSerializer");
    // The records are trees (no object refers back to another): Kryo need not remember every
    // object it wrote to find repeats, which costs a hash table entry per string.
    conf.setIfMissing("spark.kryo.referenceTracking", "false");
    String registrators = conf.get(KRYO_REGISTRATOR, "");
    if (!registrators.contains(CompactKryo.class.getName())) {
      conf.set(
          KRYO_REGISTRATOR,
          registrators.isBlank()
              ? CompactKryo.class.getName()
              : registrators + "," + CompactKryo.class.getName());
    }
    if (!conf.contains(SparkEngine.SHUFFLE_PARTITIONS)) {
      // The inputs are thousands of rows, not terabytes: a few partitions keep local runs quick;
      // SparkEngine.scaledTo raises them for a large input. The marker says they are rollcall's.
      conf.set(SparkEngine.SHUFFLE_PARTITIONS, String.valueOf(SparkEngine.LOCAL_SHUFFLE_PARTITIONS))
          .set(SparkEngine.OWN_SHUFFLE_PARTITIONS, "true");
    }
    if (conf.get("spark.master").startsWith("local")) {
      String plugins = conf.get(PLUGINS, "");
      if (!plugins.contains(OutOfMemoryPlugin.class.getName())) {
        conf.set(
            PLUGINS,
            plugins.isBlank()
                ? OutOfMemoryPlugin.class.getName()
                : plugins + "," + OutOfMemoryPlugin.class.getName());
      }
      // Alone in this JVM, Spark needs no address others can reach; on a cluster the executors
      // connect back to the driver, so the address is left to spark-submit's configuration.
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1")
          .setIfMissing("spark.driver.host", "127.0.0.1")
          // One session, no artifacts added: Spark 4's per-session class isolation only makes every
          // class lookup of generated code on an executor ask the driver over RPC first (seen in
          // jstack of explain). Off, as in Spark 3. https://github.com/apache/spark/pull/48120
          .setIfMissing("spark.sql.artifact.isolation.enabled", "false");
    }
    return SparkEngine.of(SparkContext.getOrCreate(conf));
  }
}
