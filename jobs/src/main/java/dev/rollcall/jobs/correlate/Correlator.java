package dev.rollcall.jobs.correlate;

import dev.rollcall.jobs.spark.SparkEngine;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Owner;
import dev.rollcall.model.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Ties accounts to people: every account's ownership claims are matched against the directory of
 * people's addresses, the strongest rule wins per account, an IAM role also gets the owners of the
 * accounts that can assume it (see {@link RoleOwners}), and accounts are grouped into subjects (a
 * person with their accounts, or an unowned account alone).
 *
 * <p>The directory and what the roles get from their assumers are small beside the accounts: they
 * are broadcast, and each account becomes its view where it is, in one narrow pass, with nothing
 * shuffled until the accounts are grouped into subjects. The records are opaque to Spark SQL (it
 * could only see them as Kryo bytes), so the steps are plain RDD operations: each record is
 * serialized once where it moves, with no query to plan or compile. The driver read the accounts,
 * so what the roles get is gathered from its list (a pass that costs milliseconds), and the
 * accounts travel to the executors once, in the job that makes their views; the same code runs on a
 * cluster.
 */
public final class Correlator {
  /** Accounts per slice of the accounts' RDD, each slice shipped with its own task. */
  private static final int SLICE = 20_000;

  private final SparkEngine spark;

  public Correlator(SparkEngine spark) {
    this.spark = spark;
  }

  /**
   * Correlates accounts with the directory of people; one view per account. The accounts are the
   * ones the driver read: they go to the executors once, in slices of at most {@value #SLICE}, each
   * shipped with its own task, and become their views there.
   */
  public JavaRDD<AccountView> correlate(
      List<Account> accounts, Directory people, LinkCandidates claims) {
    JavaSparkContext context = spark.context();
    Broadcast<Directory> directory = context.broadcast(people);
    Broadcast<LinkCandidates> rules = context.broadcast(claims);
    Broadcast<Map<String, List<Link>>> roles =
        context.broadcast(RoleOwners.derive(accounts, claims, people));
    int slices = Math.max(context.defaultParallelism(), (accounts.size() + SLICE - 1) / SLICE);
    return context
        .parallelize(accounts, slices)
        .map(
            account ->
                AccountOwnership.view(
                    account,
                    rules.value(),
                    directory.value(),
                    roles.value().getOrDefault(account.id(), List.of())));
  }

  /**
   * Groups views into subjects: one per person, one per account nobody owns, and one per role held
   * only through the accounts that can assume it. Such a role stands alone because its owners are
   * everyone who can reach it (every user of its account, for a role trusting the account): copied
   * into each of their subjects it would be judged once per owner, and the person rules leave roles
   * out anyway. The one shuffle of the run: each view travels to its subjects' partitions.
   */
  public JavaRDD<Subject> subjects(JavaRDD<AccountView> views) {
    int partitions = spark.shufflePartitions();
    return views
        .flatMapToPair(
            (PairFlatMapFunction<AccountView, String, AccountView>)
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
                })
        .groupByKey(partitions)
        .map(group -> subject(group._1(), group._2()));
  }

  /** The key of a role's own subject: {@code role:<account id>}. */
  static final String ROLE_KEY = "role:";

  /** A role whose every owner comes from an account that can assume it. */
  static boolean heldThroughAssumers(AccountView view) {
    return view.account().kind() == AccountKind.ROLE
        && !view.owners().isEmpty()
        && view.owners().stream().allMatch(o -> o.rule() == LinkRule.ASSUMES_ROLE);
  }

  private static Subject subject(String key, Iterable<AccountView> views) {
    List<AccountView> list = new ArrayList<>();
    views.forEach(list::add);
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
}
