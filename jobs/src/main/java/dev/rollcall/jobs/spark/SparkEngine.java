package dev.rollcall.jobs.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark context a run works on, and the shuffle partitions its steps use. Detection is an RDD
 * step (correlation is done on the driver, which holds the accounts) and needs the context only, so
 * a run starts no Spark SQL session (on a small input, a second of its start) unless it reads
 * CloudTrail, whose reader uses DataFrames and asks for one with {@link #sql()}.
 */
public final class SparkEngine {
  /** The shuffle partitions a cluster's user sets (Spark SQL's setting, used by every step). */
  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  /** Marks the shuffle partitions as rollcall's own choice, which it may scale to the input. */
  static final String OWN_SHUFFLE_PARTITIONS = "spark.rollcall.ownShufflePartitions";

  /** Spark SQL's default for {@value #SHUFFLE_PARTITIONS}, kept where nobody set it. */
  private static final int SPARK_DEFAULT_SHUFFLE_PARTITIONS = 200;

  /** Shuffle partitions of a local session, for thousands of accounts. */
  static final int LOCAL_SHUFFLE_PARTITIONS = 4;

  /** Accounts per shuffle partition when a local session scales to a large input. */
  private static final int ACCOUNTS_PER_PARTITION = 25_000;

  /**
   * Below this many accounts a local session shuffles into one partition: a handful of accounts
   * (what {@code rollcall explain} judges) split four ways costs four tasks per stage for nothing.
   */
  private static final int SMALL_INPUT = 1_000;

  private final JavaSparkContext context;
  private final int shufflePartitions;
  private final boolean ownPartitions;

  private SparkEngine(JavaSparkContext context, int shufflePartitions, boolean ownPartitions) {
    this.context = context;
    this.shufflePartitions = shufflePartitions;
    this.ownPartitions = ownPartitions;
  }

  /** The engine of a running context, with the shuffle partitions its configuration gives. */
  public static SparkEngine of(SparkContext spark) {
    return of(JavaSparkContext.fromSparkContext(spark), spark.getConf());
  }

  /** The engine of {@code context} with the shuffle partitions {@code conf} gives. */
  static SparkEngine of(JavaSparkContext context, SparkConf conf) {
    boolean own = conf.getBoolean(OWN_SHUFFLE_PARTITIONS, false);
    int partitions;
    try {
      partitions = conf.getInt(SHUFFLE_PARTITIONS, SPARK_DEFAULT_SHUFFLE_PARTITIONS);
    } catch (NumberFormatException e) {
      partitions = 0;
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "Spark configuration "
              + SHUFFLE_PARTITIONS
              + " must be a whole number of at least 1, not '"
              + conf.get(SHUFFLE_PARTITIONS)
              + "'");
    }
    return new SparkEngine(context, partitions, own);
  }

  /** The engine of a session's context (tests share one session). */
  public static SparkEngine of(SparkSession spark) {
    return of(spark.sparkContext());
  }

  public JavaSparkContext context() {
    return context;
  }

  /** How many partitions a step's shuffle goes into. */
  public int shufflePartitions() {
    return shufflePartitions;
  }

  /** Where the work runs: {@code local[*]}, or the cluster's master. */
  public String master() {
    return context.master();
  }

  /**
   * This engine with one shuffle partition per {@value #ACCOUNTS_PER_PARTITION} accounts (at least
   * the local default), for the queries over the CloudTrail events of that many accounts, and one
   * partition below {@value #SMALL_INPUT} accounts. Partitions set by the session's user
   * (spark-submit, a cluster) are kept as they are.
   */
  public SparkEngine scaledTo(long accounts) {
    if (!ownPartitions) {
      return this;
    }
    long wanted =
        accounts < SMALL_INPUT
            ? 1
            : Math.max(LOCAL_SHUFFLE_PARTITIONS, accounts / ACCOUNTS_PER_PARTITION);
    return new SparkEngine(context, (int) Math.min(Integer.MAX_VALUE, wanted), true);
  }

  /**
   * The Spark SQL session on this context, made on first use (Spark keeps it), its shuffle
   * partitions this engine's where they are rollcall's own.
   */
  public SparkSession sql() {
    SparkSession session = SparkSession.builder().sparkContext(context.sc()).getOrCreate();
    if (ownPartitions) {
      session.conf().set(SHUFFLE_PARTITIONS, String.valueOf(shufflePartitions));
    }
    return session;
  }
}
