package dev.rollcall.jobs.correlate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import dev.rollcall.model.Account;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.RoleAssumer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Gives an IAM role the owners of the accounts that can assume it ({@link LinkRule#ASSUMES_ROLE}):
 * a role is held by whoever can become it, and roles hold most admin access in AWS. Role chains are
 * followed round by round with Spark joins until nothing changes, at most {@link #MAX_ROUNDS} steps
 * deep.
 */
final class RoleOwners {
  /**
   * How deep a role chain is followed; AWS itself caps chained sessions at an hour, not a depth.
   */
  static final int MAX_ROUNDS = 10;

  /** An owner link: the account, the person, the rule's strength, the chain's length, why. */
  static final StructType LINKS =
      new StructType()
          .add("accountId", DataTypes.StringType, false)
          .add("personId", DataTypes.StringType, false)
          .add("strength", DataTypes.IntegerType, false)
          .add("hops", DataTypes.IntegerType, false)
          .add("evidence", DataTypes.StringType, false);

  private static final StructType EDGES =
      new StructType()
          .add("roleId", DataTypes.StringType, false)
          .add("assumerId", DataTypes.StringType, false)
          .add("assumerType", DataTypes.StringType, false)
          .add("conditions", DataTypes.StringType, false);
  private static final StructType NAMES =
      new StructType()
          .add("id", DataTypes.StringType, false)
          .add("name", DataTypes.StringType, false);
  private static final StructType NAMED_EDGES =
      new StructType()
          .add("roleId", DataTypes.StringType, false)
          .add("assumerId", DataTypes.StringType, false)
          .add("assumer", DataTypes.StringType, false)
          .add("assumerName", DataTypes.StringType, false);

  private RoleOwners() {}

  /** Where each chain starts: an account that can assume a role, the role, how far, and how. */
  private static final StructType CHAINS =
      new StructType()
          .add("roleId", DataTypes.StringType, false)
          .add("originId", DataTypes.StringType, false)
          .add("hops", DataTypes.IntegerType, false)
          .add("prefix", DataTypes.StringType, false)
          .add("closers", DataTypes.StringType, false);

  /**
   * Every direct link, plus the links roles get from their assumers; one per account and person,
   * the strongest (then the shortest chain) kept.
   *
   * <p>The roles' graph (one edge per account that can assume a role) is small beside the accounts:
   * it is gathered once, every chain is followed breadth first from each assumer, and the chains
   * meet the direct links in one join, instead of one round of joins per step of the longest chain.
   *
   * @param accounts every account
   * @param direct the direct links: accountId, personId, strength (a {@link LinkRule} ordinal),
   *     evidence
   * @return links in the {@link #LINKS} shape
   */
  static Dataset<Row> propagate(Dataset<Account> accounts, Dataset<Row> direct) {
    Dataset<Row> links =
        direct.select(
            col("accountId"), col("personId"), col("strength"), lit(0).as("hops"), col("evidence"));
    List<Row> edges = edges(accounts).collectAsList();
    if (edges.isEmpty()) {
      return links;
    }
    List<Row> chains = chains(edges);
    SparkSession spark = direct.sparkSession();
    int slices = Math.max(1, Math.min(spark.sparkContext().defaultParallelism(), chains.size()));
    Dataset<Row> reach =
        spark.createDataFrame(
            JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(chains, slices),
            CHAINS);
    // A name match is only a probable owner, never enough to own the roles it can reach.
    Dataset<Row> owners =
        direct
            .filter(col("strength").notEqual(LinkRule.NAME_MATCH.ordinal()))
            .select("accountId", "personId", "strength", "evidence");
    Dataset<Row> derived =
        reach
            .join(owners, reach.col("originId").equalTo(owners.col("accountId")))
            .map(
                (MapFunction<Row, Row>)
                    row ->
                        RowFactory.create(
                            row.getString(row.fieldIndex("roleId")),
                            row.getString(row.fieldIndex("personId")),
                            LinkRule.ASSUMES_ROLE.ordinal(),
                            row.getInt(row.fieldIndex("hops")),
                            row.getString(row.fieldIndex("prefix"))
                                + LinkRule.values()[row.getInt(row.fieldIndex("strength"))]
                                    .description()
                                + ": "
                                + row.getString(row.fieldIndex("evidence"))
                                + row.getString(row.fieldIndex("closers"))),
                Encoders.row(LINKS));
    return best(links.union(derived));
  }

  /**
   * Every chain from an assumer to a role, the shortest from each assumer to each role, at most
   * {@link #MAX_ROUNDS} steps: its evidence around the first assumer's own link, which the join
   * with the direct links fills in. It reads from the inside out: the first step says whose account
   * the assumer is ("can assume it as IAM user bob (bob owned by owner/email tag: owner=bob@…)"),
   * each further step wraps it in the role it went through ("can assume it as IAM role hop (hop:
   * can assume it as IAM user bob (…))").
   */
  private static List<Row> chains(List<Row> edges) {
    Map<String, List<Row>> byAssumer = new HashMap<>();
    for (Row e : edges) {
      byAssumer.computeIfAbsent(e.getString(1), k -> new ArrayList<>()).add(e);
    }
    // Sorted, so that among chains of one length the same one wins every night.
    byAssumer
        .values()
        .forEach(
            l ->
                l.sort(
                    Comparator.comparing((Row e) -> e.getString(2))
                        .thenComparing(e -> e.getString(0))));
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, List<Row>> start : byAssumer.entrySet()) {
      String origin = start.getKey();
      Map<String, String[]> reached = new HashMap<>();
      reached.put(origin, null);
      Deque<String> frontier = new ArrayDeque<>();
      for (Row e : start.getValue()) {
        String role = e.getString(0);
        if (!reached.containsKey(role)) {
          String[] chain = {
            "can assume it as " + e.getString(2) + " (" + e.getString(3) + " owned by ", ")"
          };
          reached.put(role, chain);
          out.add(RowFactory.create(role, origin, 1, chain[0], chain[1]));
          frontier.add(role);
        }
      }
      for (int hops = 2; hops <= MAX_ROUNDS && !frontier.isEmpty(); hops++) {
        Deque<String> next = new ArrayDeque<>();
        for (String via : frontier) {
          String[] inner = reached.get(via);
          for (Row e : byAssumer.getOrDefault(via, List.of())) {
            String role = e.getString(0);
            if (reached.containsKey(role)) {
              continue;
            }
            String[] chain = {
              "can assume it as " + e.getString(2) + " (" + e.getString(3) + ": " + inner[0],
              inner[1] + ")"
            };
            reached.put(role, chain);
            out.add(RowFactory.create(role, origin, hops, chain[0], chain[1]));
            next.add(role);
          }
        }
        frontier = next;
      }
    }
    return out;
  }

  /**
   * Who can assume what, as far as the inventory knows the assumer: an assumer id no source listed
   * (a user of an account nobody audits) has no owners to give.
   */
  private static Dataset<Row> edges(Dataset<Account> accounts) {
    Dataset<Row> raw =
        accounts.flatMap(
            (FlatMapFunction<Account, Row>)
                a ->
                    a.assumers().stream()
                        .filter(RoleOwners::namesAnAccount)
                        .filter(r -> !r.assumerId().equals(a.id()))
                        .map(
                            r ->
                                RowFactory.create(
                                    a.id(),
                                    r.assumerId(),
                                    r.type().name(),
                                    String.join(" and ", r.conditions())))
                        .distinct()
                        .iterator(),
            Encoders.row(EDGES));
    Dataset<Row> names =
        accounts.map(
            (MapFunction<Account, Row>) a -> RowFactory.create(a.id(), a.name()),
            Encoders.row(NAMES));
    return raw.join(names, raw.col("assumerId").equalTo(names.col("id")))
        .map(
            (MapFunction<Row, Row>)
                row -> {
                  String conditions = row.getString(row.fieldIndex("conditions"));
                  String name = row.getString(row.fieldIndex("name"));
                  return RowFactory.create(
                      row.getString(row.fieldIndex("roleId")),
                      row.getString(row.fieldIndex("assumerId")),
                      RoleAssumer.Type.valueOf(row.getString(row.fieldIndex("assumerType"))).label()
                          + " "
                          + name
                          + (conditions.isEmpty() ? "" : " when " + conditions),
                      name);
                },
            Encoders.row(NAMED_EDGES));
  }

  private static boolean namesAnAccount(RoleAssumer r) {
    return (r.type() == RoleAssumer.Type.USER || r.type() == RoleAssumer.Type.ROLE)
        && r.assumerId() != null;
  }

  /** One link per account and person: the strongest rule, then the shortest chain. */
  private static Dataset<Row> best(Dataset<Row> links) {
    return links
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy("accountId", "personId")
                        .orderBy(col("strength"), col("hops"), col("evidence"))))
        .filter(col("rank").equalTo(1))
        .drop("rank");
  }
}
