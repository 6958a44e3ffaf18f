package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.correlate.AccountClosure;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.Account;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * rollcall explain judges only the accounts an explanation depends on: for every account of the
 * demo organisation it must say exactly what the whole run's audit says of that account.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainScopeTest {
  private NightlyRun job;
  private RunOptions options;

  @BeforeAll
  void demo(SparkSession spark, @TempDir Path out) {
    job = new NightlyRun(SparkStart.of(spark), "test");
    options = DemoOptions.writingTo(out);
  }

  @Test
  void everyAccountIsExplainedAsTheWholeAuditSeesIt() {
    List<Explanation> whole = job.explainEvery(options);
    NightlyRun.Inputs inputs = job.inputs(options);
    assertEquals(inputs.accounts().size(), whole.size(), "one explanation per account");
    AccountClosure closure =
        new AccountClosure(inputs.accounts(), inputs.directory(), inputs.claims());
    List<String> differ = new ArrayList<>();
    int judged = 0;
    for (Explanation expected : whole) {
      Account account = expected.view().account();
      judged += closure.of(List.of(account)).size();
      List<Explanation> fast;
      try (StageClock stages = new StageClock()) {
        fast = job.explain(options, inputs, account.id(), stages);
      }
      if (!List.of(expected).equals(fast)) {
        differ.add(account.id() + ":\n  whole run: " + expected + "\n  explain:   " + fast);
      }
    }
    assertEquals(List.of(), differ, String.join("\n", differ));
    // Not the whole organisation each time, or the comparison above would prove nothing.
    assertTrue(
        judged < whole.size() * whole.size() / 4,
        judged + " accounts judged for " + whole.size() + " explanations");
  }

  @Test
  void aRoleBringsEveryAccountAlongItsChainAndAUserItsOwnersOtherAccounts() {
    NightlyRun.Inputs inputs = job.inputs(options);
    AccountClosure closure =
        new AccountClosure(inputs.accounts(), inputs.directory(), inputs.claims());
    List<Account> adminScope = closure.of(named(inputs, "platform-admin"));
    List<String> admin = ids(adminScope);
    List<String> known = ids(inputs.accounts());
    // Closed under "can be assumed by": the whole chain up to platform-admin, at any depth.
    for (Account a : adminScope) {
      for (var assumer : a.assumers()) {
        if (assumer.assumerId() != null && known.contains(assumer.assumerId())) {
          assertTrue(admin.contains(assumer.assumerId()), assumer + " of " + a.id());
        }
      }
    }
    assertTrue(admin.size() > 2, "platform-admin, ops-escalation and who can assume it: " + admin);
    assertTrue(admin.size() < inputs.accounts().size(), admin.toString());
    List<Account> jd = named(inputs, "jd");
    List<String> jdScope = ids(closure.of(jd));
    assertTrue(jdScope.containsAll(ids(jd)), jdScope.toString());
    assertTrue(jdScope.size() > 1, "julia.diaz has other accounts: " + jdScope);
    assertTrue(jdScope.size() < inputs.accounts().size(), jdScope.toString());
  }

  @Test
  void aQueryThatMatchesNothingIsAnsweredWithoutSparkOrTheCorrelator() {
    NightlyRun sparkless =
        new NightlyRun(
            () -> {
              throw new AssertionError("explain started Spark for a query that matches nothing");
            },
            "test");
    assertEquals(List.of(), sparkless.explain(options, "nobody-in-this-organisation"));
  }

  private static List<Account> named(NightlyRun.Inputs inputs, String name) {
    List<Account> found =
        inputs.accounts().stream().filter(a -> a.name().equalsIgnoreCase(name)).toList();
    assertTrue(!found.isEmpty(), "the demo has an account named " + name);
    return found;
  }

  private static List<String> ids(List<Account> accounts) {
    return accounts.stream().map(Account::id).toList();
  }
}
