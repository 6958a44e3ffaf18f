package dev.rollcall.jobs.correlate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import dev.rollcall.model.Account;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.RoleAssumer;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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

  /**
   * Every direct link, plus the links roles get from their assumers; one per account and person,
   * the strongest (then the shortest chain) kept.
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
    Dataset<Row> edges = edges(accounts);
    if (edges.isEmpty()) {
      return links;
    }
    edges = edges.localCheckpoint();
    // Only the owners of assumers travel: the rounds work on the roles' small graph, not on every
    // account's links.
    Dataset<Row> assumers = edges.select(col("assumerId").as("accountId")).distinct();
    Dataset<Row> seed =
        links
            .join(assumers, "accountId")
            .select("accountId", "personId", "strength", "hops", "evidence")
            .localCheckpoint();
    Dataset<Row> derived = seed.limit(0);
    long known = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      // Breadth first: a pair found in a later round is never on a shorter chain.
      Dataset<Row> next = best(derived.union(step(edges, seed.union(derived)))).localCheckpoint();
      long count = next.count();
      derived = next;
      if (count == known) {
        break;
      }
      known = count;
    }
    return best(links.union(derived));
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

  /** One step along every edge: a role gets each owner of each account that can assume it. */
  private static Dataset<Row> step(Dataset<Row> edges, Dataset<Row> links) {
    // A name match is only a probable owner, never enough to own the roles it can reach.
    Dataset<Row> owners = links.filter(col("strength").notEqual(LinkRule.NAME_MATCH.ordinal()));
    return edges
        .join(owners, edges.col("assumerId").equalTo(owners.col("accountId")))
        .map(
            (MapFunction<Row, Row>)
                row ->
                    RowFactory.create(
                        row.getString(row.fieldIndex("roleId")),
                        row.getString(row.fieldIndex("personId")),
                        LinkRule.ASSUMES_ROLE.ordinal(),
                        row.getInt(row.fieldIndex("hops")) + 1,
                        evidence(
                            row.getString(row.fieldIndex("assumer")),
                            row.getString(row.fieldIndex("assumerName")),
                            LinkRule.values()[row.getInt(row.fieldIndex("strength"))],
                            row.getString(row.fieldIndex("evidence")))),
            Encoders.row(LINKS));
  }

  /**
   * "can assume it as IAM user bob (bob owned by owner/email tag: owner=bob@corp.example)"; along a
   * chain the assumer's own line follows, so the evidence reads the path back to the person.
   */
  static String evidence(String assumer, String assumerName, LinkRule rule, String evidence) {
    String how =
        rule == LinkRule.ASSUMES_ROLE
            ? assumerName + ": " + evidence
            : assumerName + " owned by " + rule.description() + ": " + evidence;
    return "can assume it as " + assumer + " (" + how + ")";
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
