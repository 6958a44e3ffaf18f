package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Ownership;
import dev.rollcall.model.PrivilegeLevel;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** rollcall explain on the demo organisation: every claim, whom it matched, and why. */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainTest {
  private NightlyRun job;
  private RunOptions options;

  @BeforeAll
  void demo(SparkSession spark, @TempDir Path out) {
    job = new NightlyRun(SparkStart.of(spark), "test");
    options = DemoOptions.writingTo(out);
  }

  @Test
  void aNameAtTheCompanyDomainIsExplainedWithTheFindings() {
    List<Explanation> kevin = job.explain(options, "KEVIN.OTTO");
    assertEquals(2, kevin.size(), "one IAM user in each AWS account");
    Explanation prod =
        kevin.stream()
            .filter(e -> e.view().account().key().tenant().equals("111122223333"))
            .findFirst()
            .orElseThrow();
    assertEquals(LinkRule.NAME_AT_COMPANY_DOMAIN, prod.view().owners().get(0).rule());
    assertTrue(
        prod.claims().stream()
            .anyMatch(
                c ->
                    c.rule() == LinkRule.NAME_AT_COMPANY_DOMAIN
                        && List.of("kevin.otto@meridianhealth.example").equals(c.people())),
        prod.claims().toString());
    assertTrue(
        prod.findings().stream().anyMatch(f -> f.ruleId().equals("dormant-account")),
        prod.findings().toString());
    assertEquals("aws/111122223333", prod.source());
  }

  @Test
  void anUnownedAccountShowsClaimsThatMatchedNobody() {
    Explanation bob = job.explain(options, "contractor-bob").get(0);
    assertEquals(Ownership.UNOWNED, bob.view().ownership());
    assertTrue(bob.claims().stream().allMatch(c -> c.people().isEmpty()), bob.claims().toString());
    assertTrue(bob.findings().stream().anyMatch(f -> f.ruleId().equals("unowned-account")));
  }

  @Test
  void aServiceAccountsOutcomeNamesItsEvidenceAndOwner() {
    Explanation deploy =
        job.explain(options, "ci-deploy").stream()
            .filter(e -> e.view().account().key().tenant().equals("111122223333"))
            .findFirst()
            .orElseThrow();
    assertTrue(deploy.outcome().startsWith("service account ("), deploy.outcome());
    assertTrue(
        deploy.outcome().endsWith(", owned by omar.haddad@meridianhealth.example"),
        deploy.outcome());
    assertEquals("unowned", job.explain(options, "contractor-bob").get(0).outcome());
  }

  @Test
  void anUnflaggedUserStillHasItsGrantsAndLevelsToShow() {
    Explanation will = job.explain(options, "will.turner").get(0);
    assertEquals(List.of(), will.findings());
    assertTrue(
        will.view().account().grants().stream()
            .anyMatch(g -> g.level() == PrivilegeLevel.READ && !g.statements().isEmpty()),
        will.view().account().grants().toString());
  }

  @Test
  void aRoleAtTheEndOfAChainShowsWhoMayAssumeItAndWhoOwnsItThroughThePath() {
    Explanation admin = job.explain(options, "platform-admin").get(0);
    assertEquals(
        List.of("arn:aws:iam::111122223333:role/ops-escalation"),
        admin.view().account().assumers().stream()
            .map(dev.rollcall.model.RoleAssumer::principal)
            .toList());
    assertEquals(List.of("sofia.rossi@meridianhealth.example"), admin.view().personIds());
    assertTrue(admin.outcome().startsWith("role"), admin.outcome());
    assertEquals(
        List.of("over-privileged"), admin.findings().stream().map(f -> f.ruleId()).toList());
  }

  @Test
  void anAccountIdAndANativeIdFindTheSameAccount() {
    Explanation byName = job.explain(options, "sysadmin1").get(0);
    String id = byName.view().account().id();
    assertEquals(id, job.explain(options, id).get(0).view().account().id());
    assertEquals(
        id,
        job.explain(options, byName.view().account().key().nativeId())
            .get(0)
            .view()
            .account()
            .id());
    assertTrue(job.explain(options, "no-such-account").isEmpty());
  }
}
