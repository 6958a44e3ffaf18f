package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.CAPTURED;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.googleUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PasswordPolicy;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TenantRulesTest {
  private static final String AWS = "111122223333";
  private static final PasswordPolicyTooWeak PASSWORDS = new PasswordPolicyTooWeak();
  private static final PasswordPolicyTooWeak.Settings WRITTEN =
      new PasswordPolicyTooWeak.Settings(8, 3, 90, 6);

  private static TenantFacts aws(PasswordPolicy policy, List<Account> accounts) {
    return new TenantFacts(
        new TenantSettings(SourceSystem.AWS_IAM, AWS, policy, true, null), accounts, CAPTURED);
  }

  private static PasswordPolicy policy(
      int length, int maxAge, int reuse, boolean symbols, boolean numbers, boolean upper) {
    return new PasswordPolicy(length, maxAge, reuse, symbols, numbers, upper, true);
  }

  static Stream<Arguments> passwordPolicies() {
    return Stream.of(
        Arguments.of("no policy at all", null, true),
        Arguments.of("7 characters", policy(7, 90, 6, true, true, true), true),
        Arguments.of("only lower case and numbers", policy(12, 90, 6, false, true, false), true),
        Arguments.of(
            "passwords never expire",
            new PasswordPolicy(12, null, 6, true, true, true, true),
            true),
        Arguments.of("expire after 91 days", policy(12, 91, 6, true, true, true), true),
        Arguments.of("remembers 5", policy(12, 90, 5, true, true, true), true),
        Arguments.of(
            "near miss: exactly the written policy", policy(8, 90, 6, false, true, true), false),
        Arguments.of("near miss: stricter everywhere", policy(14, 60, 24, true, true, true), false),
        Arguments.of(
            "near miss: length left to AWS's default 8",
            new PasswordPolicy(null, 90, 6, true, true, true, true),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("passwordPolicies")
  void passwordPoliciesAreHeldToTheWrittenOne(String name, PasswordPolicy policy, boolean flagged) {
    Optional<TenantViolation> found = PASSWORDS.check(aws(policy, List.of()), WRITTEN);
    assertEquals(flagged, found.isPresent(), name + ": " + found);
  }

  @Test
  void aWeakPolicySaysEveryGapAndTheCommandThatFixesIt() {
    TenantViolation v =
        PASSWORDS
            .check(
                aws(new PasswordPolicy(6, null, null, false, false, false, true), List.of()),
                WRITTEN)
            .orElseThrow();
    assertTrue(v.summary().contains("minimum length 6 < 8"), v.summary());
    assertTrue(v.summary().contains("passwords never expire"), v.summary());
    assertTrue(v.summary().contains("remembers 0 earlier password(s) < 6"), v.summary());
    assertTrue(
        v.remediation()
            .contains("aws iam update-account-password-policy --minimum-password-length 8"),
        v.remediation());
    assertTrue(v.remediation().contains("--max-password-age 90"), v.remediation());
  }

  @Test
  void noneSetIsAFindingButAPolicyNotCapturedIsNot() {
    TenantViolation none = PASSWORDS.check(aws(null, List.of()), WRITTEN).orElseThrow();
    assertTrue(none.summary().contains("has no password policy"), none.summary());
    assertTrue(
        none.evidence().stream()
            .anyMatch(e -> e.label().equals("password policy") && e.value().equals("none set")),
        none.evidence().toString());

    TenantFacts notCaptured =
        new TenantFacts(
            new TenantSettings(SourceSystem.AWS_IAM, AWS, null, false, null), List.of(), CAPTURED);
    assertTrue(PASSWORDS.check(notCaptured, WRITTEN).isEmpty(), "nothing said of what is unknown");
  }

  @Test
  void otherSystemsPasswordSettingsAreNotJudged() {
    TenantFacts google =
        new TenantFacts(
            new TenantSettings(SourceSystem.GOOGLE_WORKSPACE, "example.test", null, null),
            List.of(),
            CAPTURED);
    assertTrue(PASSWORDS.check(google, WRITTEN).isEmpty());
  }

  @Test
  void passwordSettingsOutOfRangeAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new PasswordPolicyTooWeak.Settings(0, 3, 90, 6));
    assertThrows(
        IllegalArgumentException.class, () -> new PasswordPolicyTooWeak.Settings(8, 5, 90, 6));
    assertThrows(
        IllegalArgumentException.class, () -> new PasswordPolicyTooWeak.Settings(8, 3, 0, 6));
    assertThrows(
        IllegalArgumentException.class, () -> new PasswordPolicyTooWeak.Settings(8, 3, 90, 25));
  }

  static Stream<Arguments> organisations() {
    return Stream.of(
        Arguments.of("MFA not required", SourceSystem.ATLAS_ORG, Boolean.FALSE, true),
        Arguments.of("near miss: MFA required", SourceSystem.ATLAS_ORG, Boolean.TRUE, false),
        Arguments.of("near miss: settings unreadable", SourceSystem.ATLAS_ORG, null, false),
        Arguments.of("near miss: not Atlas", SourceSystem.GOOGLE_WORKSPACE, Boolean.FALSE, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("organisations")
  void organisationsMustRequireMfa(
      String name, SourceSystem system, Boolean required, boolean flagged) {
    TenantFacts org =
        new TenantFacts(new TenantSettings(system, "5f1a", null, required), List.of(), CAPTURED);
    assertEquals(
        flagged, new OrganisationMfaNotRequired().check(org, new NoSettings()).isPresent(), name);
  }

  private static final TooManyAdmins ADMINS = new TooManyAdmins();

  private static List<Account> admins(int count) {
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      accounts.add(
          awsUser("admin-" + i)
              .grants(
                  List.of(new Grant("AdministratorAccess", AWS, PrivilegeLevel.ADMIN, "attached")))
              .build());
    }
    return accounts;
  }

  @Test
  void fiveAdministratorsAreTooManyAndFourAreNot() {
    TooManyAdmins.Settings four = new TooManyAdmins.Settings(4, Map.of());
    assertTrue(ADMINS.check(aws(null, admins(5)), four).isPresent());
    assertTrue(ADMINS.check(aws(null, admins(4)), four).isEmpty());
  }

  @Test
  void theRootSuspendedAdminsAndWritersAreNotCounted() {
    List<Account> accounts = new ArrayList<>(admins(4));
    accounts.add(
        Account.builder(new AccountKey(SourceSystem.AWS_IAM, AWS, "root"), "root", CAPTURED)
            .kind(AccountKind.UNKNOWN, "AWS account root user")
            .lastActivity(Activity.usedAt(Fixtures.daysAgo(2), "password_last_used"))
            .mfa(Mfa.unknown("not in this test"))
            .grants(List.of(new Grant("root user", AWS, PrivilegeLevel.ADMIN, "account root")))
            .build());
    accounts.add(
        awsUser("gone")
            .status(AccountStatus.SUSPENDED)
            .grants(
                List.of(new Grant("AdministratorAccess", AWS, PrivilegeLevel.ADMIN, "attached")))
            .build());
    accounts.add(
        awsUser("writer")
            .grants(List.of(new Grant("PowerUserAccess", AWS, PrivilegeLevel.WRITE, "attached")))
            .build());
    assertTrue(
        ADMINS.check(aws(null, accounts), new TooManyAdmins.Settings(4, Map.of())).isEmpty());
  }

  @Test
  void aSystemCanHaveItsOwnLimit() {
    List<Account> supers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      supers.add(
          googleUser("super" + i + "@example.test")
              .grants(
                  List.of(
                      new Grant("super admin", "example.test", PrivilegeLevel.ADMIN, "isAdmin")))
              .build());
    }
    TenantFacts google =
        new TenantFacts(
            new TenantSettings(SourceSystem.GOOGLE_WORKSPACE, "example.test", null, null),
            supers,
            CAPTURED);
    TenantViolation v =
        ADMINS
            .check(google, new TooManyAdmins.Settings(4, Map.of(SourceSystem.GOOGLE_WORKSPACE, 2)))
            .orElseThrow();
    assertTrue(v.summary().contains("has 3 administrators (limit 2)"), v.summary());
    assertThrows(IllegalArgumentException.class, () -> new TooManyAdmins.Settings(0, Map.of()));
  }
}
