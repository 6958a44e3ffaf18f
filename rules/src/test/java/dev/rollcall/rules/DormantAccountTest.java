package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.daysAgo;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.SourceSystem;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DormantAccountTest {
  private static final DormantAccount RULE = new DormantAccount();
  private static final DormantAccount.Settings NINETY =
      new DormantAccount.Settings(90, Map.of(), true);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("idle 91 days", used(91).build(), true),
        Arguments.of("idle 400 days", used(400).build(), true),
        Arguments.of("near miss: idle 89 days", used(89).build(), false),
        Arguments.of("near miss: idle exactly 90 days", used(90).build(), false),
        Arguments.of("used yesterday", used(1).build(), false),
        Arguments.of(
            "never used, created 200 days ago",
            awsUser("never")
                .lastActivity(Activity.neverUsed("no use"))
                .created(daysAgo(200))
                .build(),
            true),
        Arguments.of(
            "near miss: never used, created 30 days ago",
            awsUser("new").lastActivity(Activity.neverUsed("no use")).created(daysAgo(30)).build(),
            false),
        Arguments.of(
            "near miss: never used, creation unknown",
            awsUser("nodate").lastActivity(Activity.neverUsed("no use")).created(null).build(),
            false),
        Arguments.of(
            "near miss: last use unknown (no history) is never dormant",
            awsUser("unknown")
                .lastActivity(Activity.unknown("no access history"))
                .created(daysAgo(900))
                .build(),
            false),
        Arguments.of(
            "near miss: idle 400 days but suspended",
            used(400).status(AccountStatus.SUSPENDED).build(),
            false),
        Arguments.of(
            "pending invitation idle 120 days",
            used(120).status(AccountStatus.PENDING).build(),
            true));
  }

  private static Account.Builder used(long days) {
    return awsUser("u" + days).lastActivity(Activity.usedAt(daysAgo(days), "password_last_used"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsOnlyAccountsIdleBeyondTheLimit(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, NINETY, unowned(account)), name);
  }

  @Test
  void aSystemCanHaveItsOwnLimit() {
    var settings = new DormantAccount.Settings(90, Map.of(SourceSystem.AWS_IAM, 30), true);
    assertTrue(RuleCheck.flags(RULE, settings, unowned(used(31).build())));
  }

  @Test
  void neverUsedCanBeLeftToAnotherRule() {
    var settings = new DormantAccount.Settings(90, Map.of(), false);
    Account never =
        awsUser("never").lastActivity(Activity.neverUsed("no use")).created(daysAgo(200)).build();
    assertEquals(false, RuleCheck.flags(RULE, settings, unowned(never)));
  }

  @Test
  void evidenceSaysHowLongAndFromWhichField() {
    Violation v = RuleCheck.run(RULE, NINETY, unowned(used(91).build())).orElseThrow();
    assertTrue(v.summary().contains("91 days"), v.summary());
    assertTrue(v.evidence().toString().contains("password_last_used"), v.evidence().toString());
    assertTrue(v.remediation().contains("aws iam delete-login-profile"), v.remediation());
  }

  @Test
  void refusesANonPositiveLimit() {
    assertThrows(
        IllegalArgumentException.class, () -> new DormantAccount.Settings(0, Map.of(), true));
  }
}
