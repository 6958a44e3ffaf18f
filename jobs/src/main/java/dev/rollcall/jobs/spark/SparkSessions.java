package dev.rollcall.jobs.spark;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session: local mode inside this JVM unless a master was given (by spark-submit
 * or {@code spark.master}), in which case the job runs on that cluster unchanged.
 */
public final class SparkSessions {
  /** Shuffle partitions of a local session, for thousands of accounts. */
  private static final String LOCAL_SHUFFLE_PARTITIONS = "4";

  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  private static final String KRYO_REGISTRATOR = "spark.kryo.registrator";
  private static final String SERIALIZER = "spark.serializer";
  private static final String OWN_SHUFFLE_PARTITIONS = "spark.rollcall.ownShufflePartitions";

  /** Accounts per shuffle partition when a local session scales to a large input. */
  private static final int ACCOUNTS_PER_PARTITION = 25_000;

  /**
   * Below this many accounts a local session shuffles into one partition: a handful of accounts
   * (what {@code rollcall explain} judges) split four ways costs four tasks per stage for nothing.
   */
  private static final int SMALL_INPUT = 1_000;

  private SparkSessions() {}

  /**
   * Gives a local session one shuffle partition per {@value #ACCOUNTS_PER_PARTITION} accounts (at
   * least the local default), so that no task holds a quarter of a million accounts' views at once,
   * and one partition below {@value #SMALL_INPUT} accounts. A session whose shuffle partitions were
   * set by its user (spark-submit, a cluster) is left as it is.
   */
  public static void scaleTo(SparkSession spark, long accounts) {
    if (!spark.conf().contains(OWN_SHUFFLE_PARTITIONS)) {
      return;
    }
    long wanted =
        accounts < SMALL_INPUT
            ? 1
            : Math.max(Long.parseLong(LOCAL_SHUFFLE_PARTITIONS), accounts / ACCOUNTS_PER_PARTITION);
    spark.conf().set(SHUFFLE_PARTITIONS, String.valueOf(wanted));
  }

  /**
   * A session for a run.
   *
   * @param scratch a folder for Spark's local files (warehouse, spill)
   */
  public static SparkSession start(Path scratch) {
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
    if (!conf.contains(SHUFFLE_PARTITIONS)) {
      // The inputs are thousands of rows, not terabytes: a few partitions keep local runs quick;
      // scaleTo raises them for a large input. The marker says the number is rollcall's own.
      conf.set(SHUFFLE_PARTITIONS, LOCAL_SHUFFLE_PARTITIONS).set(OWN_SHUFFLE_PARTITIONS, "true");
    }
    if (conf.get("spark.master").startsWith("local")) {
      // Alone in this JVM, Spark needs no address others can reach; on a cluster the executors
      // connect back to the driver, so the address is left to spark-submit's configuration.
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1")
          .setIfMissing("spark.driver.host", "127.0.0.1")
          // One session, no artifacts added: Spark 4's per-session class isolation only makes every
          // class lookup of generated code on an executor ask the driver over RPC first (seen in
          // jstack of explain). Off, as in Spark 3. https://github.com/apache/spark/pull/48120
          .setIfMissing("spark.sql.artifact.isolation.enabled", "false");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
