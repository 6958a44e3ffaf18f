package dev.rollcall.rules;

import static dev.rollcall.rules.CredentialFixtures.atlasDatabaseUser;
import static dev.rollcall.rules.CredentialFixtures.awsRoot;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.daysAgo;
import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NeverUsedAccountTest {
  private static final NeverUsedAccount RULE = new NeverUsedAccount();
  private static final NeverUsedAccount.Settings DEFAULTS = new NeverUsedAccount.Settings(30);
  private static final Activity NEVER = Activity.neverUsed("credential report: no use recorded");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("never used, created 31 days ago", never(31).build(), true),
        Arguments.of("never used, created 400 days ago", never(400).build(), true),
        Arguments.of(
            "Google user who never signed in, created 90 days ago",
            googleUser("new.hire@example.test")
                .lastActivity(Activity.neverUsed("lastLoginTime 1970-01-01"))
                .created(daysAgo(90))
                .build(),
            true),
        Arguments.of(
            "pending invitation never accepted, 45 days old",
            never(45).status(AccountStatus.PENDING).build(),
            true),
        Arguments.of(
            "near miss: never used, created exactly 30 days ago", never(30).build(), false),
        Arguments.of("near miss: never used, created 29 days ago", never(29).build(), false),
        Arguments.of(
            "near miss: never used, creation not recorded",
            awsUser("nodate").lastActivity(NEVER).created(null).build(),
            false),
        Arguments.of(
            "near miss: last use unknown, created 400 days ago",
            atlasDatabaseUser("reports").created(daysAgo(400)).build(),
            false),
        Arguments.of(
            "near miss: used once, 300 days ago",
            awsUser("once")
                .lastActivity(Activity.usedAt(daysAgo(300), "password_last_used"))
                .created(daysAgo(400))
                .build(),
            false),
        Arguments.of(
            "near miss: never used, 400 days old, but suspended",
            never(400).status(AccountStatus.SUSPENDED).build(),
            false),
        Arguments.of(
            "near miss: the AWS root user never signed in",
            awsRoot().lastActivity(NEVER).created(daysAgo(400)).build(),
            false));
  }

  private static Account.Builder never(long createdDaysAgo) {
    return awsUser("n" + createdDaysAgo).lastActivity(NEVER).created(daysAgo(createdDaysAgo));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsAccountsNeverUsedPastTheGracePeriod(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, DEFAULTS, unowned(account)), name);
  }

  @Test
  void evidenceSaysWhenItWasCreatedAndWhyItCountsAsNeverUsed() {
    Violation v = RuleCheck.run(RULE, DEFAULTS, unowned(never(31).build())).orElseThrow();
    assertEquals(
        "n31 was created 31 days before the data was captured and has never been used.",
        v.summary());
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("2026-10-20 (31 days before the data was captured)"), evidence);
    assertTrue(evidence.contains("credential report: no use recorded"), evidence);
    assertTrue(
        v.remediation().contains("aws iam delete-login-profile --user-name n31"), v.remediation());
  }

  @Test
  void withoutACaptureTimeTheEvidenceSaysBeforeThisRun() {
    Account account = never(31).captureTimeKnown(false).build();
    Violation v = RuleCheck.run(RULE, DEFAULTS, unowned(account)).orElseThrow();
    assertEquals("n31 was created 31 days before this run and has never been used.", v.summary());
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("2026-10-20 (31 days before this run)"), evidence);
    assertFalse(evidence.contains("captured)"), evidence);
  }

  @Test
  void theGracePeriodComesFromTheSettings() {
    var week = new NeverUsedAccount.Settings(7);
    assertTrue(RuleCheck.flags(RULE, week, unowned(never(8).build())));
    assertEquals(false, RuleCheck.flags(RULE, week, unowned(never(7).build())));
    assertEquals(30, DEFAULTS.graceDays());
  }

  @Test
  void refusesANonPositiveGracePeriodNamingTheField() {
    var e = assertThrows(IllegalArgumentException.class, () -> new NeverUsedAccount.Settings(0));
    assertTrue(e.getMessage().startsWith("graceDays "), e.getMessage());
  }
}
