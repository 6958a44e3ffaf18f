package dev.rollcall.jobs.spark;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session: local mode inside this JVM unless a master was given (by spark-submit
 * or {@code spark.master}), in which case the job runs on that cluster unchanged.
 */
public final class SparkSessions {
  private SparkSessions() {}

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
        // The inputs are thousands of rows, not terabytes: a few partitions keep local runs quick.
        .setIfMissing("spark.sql.shuffle.partitions", "4")
        .setIfMissing("spark.default.parallelism", "4")
        .setIfMissing("spark.sql.warehouse.dir", scratch.resolve("warehouse").toUri().toString());
    if (conf.get("spark.master").startsWith("local")) {
      // Alone in this JVM, Spark needs no address others can reach; on a cluster the executors
      // connect back to the driver, so the address is left to spark-submit's configuration.
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1")
          .setIfMissing("spark.driver.host", "127.0.0.1");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
