package dev.rollcall.jobs.correlate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import dev.rollcall.jobs.spark.CompactKryo;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Owner;
import dev.rollcall.model.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Ties accounts to people with Spark joins: every account's ownership claims are joined to the
 * directory of people's addresses, the strongest rule wins per account, an IAM role also gets the
 * owners of the accounts that can assume it (see {@link RoleOwners}), and accounts are grouped into
 * subjects (a person with their accounts, or an unowned account alone). No step loops over all
 * accounts on the driver, so the same code runs on a cluster.
 */
public final class Correlator {
  private static final StructType CANDIDATES =
      new StructType()
          .add("accountId", DataTypes.StringType, false)
          .add("address", DataTypes.StringType, false)
          .add("strength", DataTypes.IntegerType, false)
          .add("evidence", DataTypes.StringType, false);
  private static final StructType DIRECTORY =
      new StructType()
          .add("address", DataTypes.StringType, false)
          .add("personId", DataTypes.StringType, false);

  private static final Encoder<Account> ACCOUNT = CompactKryo.encoder(Account.class);
  private static final Encoder<AccountView> VIEW = CompactKryo.encoder(AccountView.class);
  private static final Encoder<Subject> SUBJECT = CompactKryo.encoder(Subject.class);
  private static final Encoder<Tuple2<String, Identity>> KEYED_PERSON =
      Encoders.tuple(Encoders.STRING(), CompactKryo.encoder(Identity.class));
  private static final Encoder<Tuple2<String, Account>> KEYED_ACCOUNT =
      Encoders.tuple(Encoders.STRING(), ACCOUNT);
  private static final Encoder<Tuple2<String, OwnershipFact>> KEYED_FACT =
      Encoders.tuple(Encoders.STRING(), CompactKryo.encoder(OwnershipFact.class));
  private static final Encoder<Tuple2<String, AccountView>> KEYED_VIEW =
      Encoders.tuple(Encoders.STRING(), VIEW);

  private final SparkSession spark;

  public Correlator(SparkSession spark) {
    this.spark = spark;
  }

  /** Correlates accounts with the directory of people; one view per account. */
  public Dataset<AccountView> correlate(
      Dataset<Account> accounts, List<Identity> people, LinkCandidates claims) {
    Dataset<Row> candidates =
        accounts.flatMap(
            (FlatMapFunction<Account, Row>)
                account ->
                    claims.of(account).stream()
                        .map(
                            c ->
                                RowFactory.create(
                                    c.accountId(), c.address(), c.rule().ordinal(), c.evidence()))
                        .iterator(),
            Encoders.row(CANDIDATES));

    List<Row> addresses = new ArrayList<>();
    List<Tuple2<String, Identity>> keyedPeople = new ArrayList<>();
    for (Identity person : people) {
      keyedPeople.add(new Tuple2<>(person.personId(), person));
    }
    for (AddressBook.Entry e : AddressBook.entries(people)) {
      addresses.add(RowFactory.create(e.address(), e.personId()));
    }
    Dataset<Row> directory = spark.createDataFrame(addresses, DIRECTORY).distinct();
    Dataset<Tuple2<String, Identity>> peopleById = spark.createDataset(keyedPeople, KEYED_PERSON);

    // The strongest rule that reaches anybody decides; equally strong links to several people
    // make the account shared.
    Dataset<Row> matched = candidates.join(directory, "address");
    Dataset<Row> strongest =
        matched
            .withColumn("best", min(col("strength")).over(Window.partitionBy("accountId")))
            .filter(col("strength").equalTo(col("best")))
            .groupBy("accountId", "personId", "strength")
            .agg(min(col("evidence")).as("evidence"));

    // A role is also held by the owners of every account that can assume it, along chains.
    Dataset<Row> links = RoleOwners.propagate(accounts, strongest);
    Dataset<Tuple2<String, OwnershipFact>> owners =
        links
            .joinWith(peopleById, links.col("personId").equalTo(peopleById.col("_1")))
            .map(
                (MapFunction<Tuple2<Row, Tuple2<String, Identity>>, Tuple2<String, OwnershipFact>>)
                    pair -> {
                      Row link = pair._1();
                      Owner owner =
                          new Owner(
                              pair._2()._2(),
                              LinkRule.values()[link.getInt(link.fieldIndex("strength"))],
                              link.getString(link.fieldIndex("evidence")));
                      return new Tuple2<>(
                          link.getString(link.fieldIndex("accountId")),
                          new OwnershipFact(owner, null));
                    },
                KEYED_FACT);

    // Explicit claims (mapping rows, owner tags) that name nobody are kept as evidence.
    Dataset<Tuple2<String, OwnershipFact>> unresolved =
        candidates
            .filter(
                col("strength").isin(LinkRule.MAPPING_FILE.ordinal(), LinkRule.OWNER_TAG.ordinal()))
            .join(
                directory, candidates.col("address").equalTo(directory.col("address")), "left_anti")
            .map(
                (MapFunction<Row, Tuple2<String, OwnershipFact>>)
                    row ->
                        new Tuple2<>(
                            row.getString(row.fieldIndex("accountId")),
                            new OwnershipFact(
                                null,
                                row.getString(row.fieldIndex("address"))
                                    + " ("
                                    + row.getString(row.fieldIndex("evidence"))
                                    + ")")),
                KEYED_FACT);

    Dataset<Tuple2<String, Account>> keyedAccounts =
        accounts.map(
            (MapFunction<Account, Tuple2<String, Account>>) a -> new Tuple2<>(a.id(), a),
            KEYED_ACCOUNT);
    return keyedAccounts
        .groupByKey((MapFunction<Tuple2<String, Account>, String>) Tuple2::_1, Encoders.STRING())
        .cogroup(
            owners
                .union(unresolved)
                .groupByKey(
                    (MapFunction<Tuple2<String, OwnershipFact>, String>) Tuple2::_1,
                    Encoders.STRING()),
            (CoGroupFunction<
                    String, Tuple2<String, Account>, Tuple2<String, OwnershipFact>, AccountView>)
                Correlator::view,
            VIEW);
  }

  private static Iterator<AccountView> view(
      String accountId,
      Iterator<Tuple2<String, Account>> accounts,
      Iterator<Tuple2<String, OwnershipFact>> facts) {
    if (!accounts.hasNext()) {
      return java.util.Collections.emptyIterator();
    }
    Account account = accounts.next()._2();
    List<Owner> owners = new ArrayList<>();
    List<Owner> probable = new ArrayList<>();
    TreeSet<String> claims = new TreeSet<>();
    facts.forEachRemaining(
        f -> {
          Owner owner = f._2().owner();
          if (owner == null) {
            claims.add(f._2().unresolvedClaim());
          } else if (owner.rule() == LinkRule.NAME_MATCH) {
            probable.add(owner);
          } else {
            owners.add(owner);
          }
        });
    if (!owners.isEmpty()) {
      // A role's assumers make owners beside a name match: the stronger link leaves no probable.
      probable.clear();
    }
    owners.sort(Comparator.comparing(o -> o.person().personId()));
    probable.sort(Comparator.comparing(o -> o.person().personId()));
    return List.of(new AccountView(account, owners, List.copyOf(claims), probable)).iterator();
  }

  /**
   * Groups views into subjects: one per person, one per account nobody owns, and one per role held
   * only through the accounts that can assume it. Such a role stands alone because its owners are
   * everyone who can reach it (every user of its account, for a role trusting the account): copied
   * into each of their subjects it would be judged once per owner, and the person rules leave roles
   * out anyway.
   */
  public Dataset<Subject> subjects(Dataset<AccountView> views) {
    return views
        .flatMap(
            (FlatMapFunction<AccountView, Tuple2<String, AccountView>>)
                view -> {
                  if (heldThroughAssumers(view)) {
                    return List.of(new Tuple2<>(ROLE_KEY + view.account().id(), view)).iterator();
                  }
                  List<Tuple2<String, AccountView>> keyed = new ArrayList<>();
                  for (String personId : view.personIds()) {
                    keyed.add(new Tuple2<>(personId, view));
                  }
                  if (keyed.isEmpty()) {
                    keyed.add(new Tuple2<>("unowned:" + view.account().id(), view));
                  }
                  return keyed.iterator();
                },
            KEYED_VIEW)
        .groupByKey(
            (MapFunction<Tuple2<String, AccountView>, String>) Tuple2::_1, Encoders.STRING())
        .mapGroups(
            (MapGroupsFunction<String, Tuple2<String, AccountView>, Subject>) Correlator::subject,
            SUBJECT);
  }

  /** The key of a role's own subject: {@code role:<account id>}. */
  static final String ROLE_KEY = "role:";

  /** A role whose every owner comes from an account that can assume it. */
  static boolean heldThroughAssumers(AccountView view) {
    return view.account().kind() == AccountKind.ROLE
        && !view.owners().isEmpty()
        && view.owners().stream().allMatch(o -> o.rule() == LinkRule.ASSUMES_ROLE);
  }

  private static Subject subject(String key, Iterator<Tuple2<String, AccountView>> views) {
    List<AccountView> list = new ArrayList<>();
    views.forEachRemaining(t -> list.add(t._2()));
    list.sort(Comparator.comparing(v -> v.account().id()));
    Identity person =
        list.stream()
            .flatMap(v -> v.owners().stream())
            .map(Owner::person)
            .filter(p -> p.personId().equals(key))
            .findFirst()
            .orElse(null);
    return new Subject(key, person, list);
  }

  /** The encoder of accounts, for building the input dataset. */
  public static Encoder<Account> accountEncoder() {
    return ACCOUNT;
  }
}
