package dev.rollcall.rules;

import static dev.rollcall.rules.CredentialFixtures.accessKey;
import static dev.rollcall.rules.CredentialFixtures.awsRoot;
import static dev.rollcall.rules.CredentialFixtures.consolePassword;
import static dev.rollcall.rules.CredentialFixtures.inactive;
import static dev.rollcall.rules.CredentialFixtures.list;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordTooOldTest {
  private static final PasswordTooOld RULE = new PasswordTooOld();
  private static final PasswordTooOld.Settings DEFAULTS = new PasswordTooOld.Settings(90, 60);
  private static final Grant ADMIN =
      new Grant("AdministratorAccess", "111122223333", PrivilegeLevel.ADMIN, "attached");
  private static final Grant ESCALATION =
      new Grant("iam-self-service", "111122223333", PrivilegeLevel.PRIVILEGE_ESCALATION, "inline");
  private static final Grant WRITE =
      new Grant("AmazonS3FullAccess", "111122223333", PrivilegeLevel.WRITE, "attached");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("password changed 91 days ago", changed(91, List.of()), true),
        Arguments.of("near miss: changed exactly 90 days ago", changed(90, List.of()), false),
        Arguments.of("near miss: changed 89 days ago", changed(89, List.of()), false),
        Arguments.of("admin password changed 61 days ago", changed(61, List.of(ADMIN)), true),
        Arguments.of(
            "privilege-escalation password changed 75 days ago",
            changed(75, List.of(ESCALATION)),
            true),
        Arguments.of(
            "near miss: admin password changed exactly 60 days ago",
            changed(60, List.of(ADMIN)),
            false),
        Arguments.of(
            "near miss: write (not admin) password changed 75 days ago",
            changed(75, List.of(WRITE)),
            false),
        Arguments.of(
            "near miss: disabled password changed 400 days ago",
            awsUser("off").credentials(list(inactive(consolePassword(400, 300)))).build(),
            false),
        Arguments.of(
            "near miss: last change not recorded (root: not_supported)",
            awsRoot()
                .credentials(
                    list(
                        new Credential(
                            CredentialType.CONSOLE_PASSWORD,
                            "console password",
                            true,
                            null,
                            Fixtures.daysAgo(400),
                            Activity.State.USED)))
                .build(),
            false),
        Arguments.of(
            "near miss: Google password (the date is the account's creation)",
            googleUser("ann@example.test").credentials(list(consolePassword(400, 1))).build(),
            false),
        Arguments.of(
            "near miss: old access key, no password (access-key-not-rotated's business)",
            awsUser("keys").credentials(list(accessKey(1, 400, 1))).build(),
            false),
        Arguments.of(
            "near miss: old password on a suspended account",
            awsUser("gone")
                .credentials(list(consolePassword(400, 300)))
                .status(AccountStatus.SUSPENDED)
                .build(),
            false));
  }

  private static Account changed(long daysAgo, List<Grant> grants) {
    return awsUser("p" + daysAgo + grants.size())
        .credentials(list(consolePassword(daysAgo, 1)))
        .grants(grants)
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsPasswordsOlderThanTheirMaximumAge(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, DEFAULTS, unowned(account)), name);
  }

  @Test
  void anAdministratorsFindingShowsTheShorterLimitAndTheGrant() {
    Violation v = RuleCheck.run(RULE, DEFAULTS, unowned(changed(61, List.of(ADMIN)))).orElseThrow();
    assertEquals(
        "p611's console password was last changed 61 days before the data was captured (maximum"
            + " 60).",
        v.summary());
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("last changed 2026-09-20 (61 days before"), evidence);
    assertTrue(evidence.contains("60 days (administrators)"), evidence);
    assertTrue(evidence.contains("AdministratorAccess (admin, attached)"), evidence);
    assertTrue(
        v.remediation()
            .contains("aws iam update-login-profile --user-name p611 --password-reset-required"),
        v.remediation());
  }

  @Test
  void theLimitsComeFromTheSettings() {
    var waytohealth = new PasswordTooOld.Settings(180, 90);
    assertEquals(false, RuleCheck.flags(RULE, waytohealth, unowned(changed(170, List.of()))));
    assertTrue(RuleCheck.flags(RULE, waytohealth, unowned(changed(181, List.of()))));
    assertTrue(RuleCheck.flags(RULE, waytohealth, unowned(changed(91, List.of(ADMIN)))));
  }

  @Test
  void anAdminLimitEqualToTheLimitIsAllowed() {
    assertEquals(45, new PasswordTooOld.Settings(45, 45).adminDays());
  }

  @Test
  void refusesBadLimitsNamingTheField() {
    var days =
        assertThrows(IllegalArgumentException.class, () -> new PasswordTooOld.Settings(0, 0));
    assertTrue(days.getMessage().startsWith("days "), days.getMessage());
    var admin =
        assertThrows(IllegalArgumentException.class, () -> new PasswordTooOld.Settings(90, 0));
    assertTrue(admin.getMessage().startsWith("adminDays "), admin.getMessage());
    var longer =
        assertThrows(IllegalArgumentException.class, () -> new PasswordTooOld.Settings(90, 120));
    assertTrue(longer.getMessage().startsWith("adminDays "), longer.getMessage());
  }
}
