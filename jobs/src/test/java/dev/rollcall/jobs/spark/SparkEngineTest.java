package dev.rollcall.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SparkEngineTest {
  @Test
  void rollcallsOwnPartitionsScaleWithTheInput(SparkSession spark) {
    SparkEngine engine =
        SparkEngine.of(
            context(spark),
            new SparkConf(false)
                .set(SparkEngine.SHUFFLE_PARTITIONS, "4")
                .set(SparkEngine.OWN_SHUFFLE_PARTITIONS, "true"));
    assertEquals(4, engine.shufflePartitions());
    assertEquals(1, engine.scaledTo(999).shufflePartitions(), "a small input: one partition");
    assertEquals(4, engine.scaledTo(1_000).shufflePartitions());
    assertEquals(4, engine.scaledTo(100_018).shufflePartitions());
    assertEquals(40, engine.scaledTo(1_000_180).shufflePartitions());
    assertSame(engine.context(), engine.scaledTo(1_000_180).context());
  }

  @Test
  void partitionsTheUserSetAreKeptWhateverTheInput(SparkSession spark) {
    SparkEngine engine =
        SparkEngine.of(
            context(spark), new SparkConf(false).set(SparkEngine.SHUFFLE_PARTITIONS, "64"));
    assertEquals(64, engine.scaledTo(10).shufflePartitions());
    assertEquals(64, engine.scaledTo(10_000_000).shufflePartitions());
    assertEquals(
        200,
        SparkEngine.of(context(spark), new SparkConf(false)).scaledTo(10).shufflePartitions(),
        "nobody set them: Spark's default");
  }

  @Test
  void partitionsThatAreNotAPositiveNumberAreRefusedByName(SparkSession spark) {
    for (String bad : new String[] {"0", "-3", "many"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  SparkEngine.of(
                      context(spark),
                      new SparkConf(false).set(SparkEngine.SHUFFLE_PARTITIONS, bad)));
      assertTrue(e.getMessage().contains("spark.sql.shuffle.partitions"), e.getMessage());
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void theSqlSessionIsTheOneOnTheContextWithTheEnginesPartitions(SparkSession spark) {
    SparkEngine engine = SparkEngine.of(spark).scaledTo(10);
    SparkSession sql = engine.sql();
    assertSame(spark.sparkContext(), sql.sparkContext());
    assertEquals(
        String.valueOf(engine.shufflePartitions()), sql.conf().get(SparkEngine.SHUFFLE_PARTITIONS));
  }

  private static JavaSparkContext context(SparkSession spark) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext());
  }
}
