package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.owned;
import static dev.rollcall.rules.Fixtures.person;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Identity;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrivilegedEverydayAccountTest {
  private static final PrivilegedEverydayAccount RULE = new PrivilegedEverydayAccount();
  private static final Identity ANN =
      person("ann.lee@example.test", "Ann", "Lee", PersonStatus.ACTIVE);
  private static final Identity BOB =
      person("bob.ray@example.test", "Bob", "Ray", PersonStatus.ACTIVE);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "an IAM admin is the person's only account there",
            of(owned(admin("ann.lee"), ANN)),
            List.of("ann.lee")),
        Arguments.of(
            "Google super admin on the directory account",
            of(
                owned(
                    googleUser("ann.lee@example.test")
                        .grants(
                            List.of(
                                new Grant(
                                    "Super Admin", "example.test", PrivilegeLevel.ADMIN, "role")))
                        .build(),
                    ANN)),
            List.of("ann.lee@example.test")),
        Arguments.of(
            "two accounts there, both privileged",
            of(
                owned(admin("ann.lee"), ANN),
                owned(
                    awsUser("ann.keys")
                        .grants(
                            List.of(grant("iam-key-manager", PrivilegeLevel.PRIVILEGE_ESCALATION)))
                        .build(),
                    ANN)),
            List.of("ann.lee", "ann.keys")),
        Arguments.of(
            "a standard account in another tenant does not count",
            of(owned(admin("ann.lee"), ANN), owned(standard("ann.std", "444455556666"), ANN)),
            List.of("ann.lee")),
        Arguments.of(
            "a service account the person owns is not their standard account",
            of(
                owned(admin("ann.lee"), ANN),
                owned(
                    awsUser("ann-etl")
                        .kind(AccountKind.SERVICE, "access keys only")
                        .grants(List.of(grant("ReadOnlyAccess", PrivilegeLevel.READ)))
                        .build(),
                    ANN)),
            List.of("ann.lee")),
        Arguments.of(
            "near miss: admin beside a standard account in the same tenant",
            of(owned(admin("ann.admin"), ANN), owned(standard("ann.lee", "111122223333"), ANN)),
            List.of()),
        Arguments.of(
            "near miss: read-only herself, admin only by assuming roles (standard, then elevate)",
            of(
                owned(
                    awsUser("ann.lee")
                        .grants(
                            List.of(
                                grant("ReadOnlyAccess", PrivilegeLevel.READ),
                                new Grant(
                                    "platform-admin",
                                    "111122223333",
                                    PrivilegeLevel.ADMIN,
                                    "assumes role support-entry -> platform-admin")))
                        .build(),
                    ANN)),
            List.of()),
        Arguments.of(
            "near miss: a standard account with no grants at all",
            of(owned(admin("ann.admin"), ANN), owned(awsUser("ann.lee").build(), ANN)),
            List.of()),
        Arguments.of(
            "near miss: write rights are not privileged",
            of(
                owned(
                    awsUser("ann.lee")
                        .grants(List.of(grant("PowerUserAccess", PrivilegeLevel.WRITE)))
                        .build(),
                    ANN)),
            List.of()),
        Arguments.of(
            "near miss: Identity Center user who also holds a read-only permission set",
            of(
                owned(
                    Account.builder(
                            new AccountKey(SourceSystem.AWS_IDENTITY_CENTER, "d-1234567890", "u-1"),
                            "ann.lee@example.test",
                            Fixtures.CAPTURED)
                        .kind(AccountKind.HUMAN, "Identity Center user")
                        .lastActivity(Activity.unknown("Identity Center records no sign-in"))
                        .mfa(Mfa.unknown("no per-user MFA field"))
                        .grants(
                            List.of(
                                grant("AdministratorAccess", PrivilegeLevel.ADMIN),
                                grant("ReadOnlyAccess", PrivilegeLevel.READ)))
                        .build(),
                    ANN)),
            List.of()),
        Arguments.of(
            "near miss: the admin account is suspended",
            of(
                owned(
                    awsUser("ann.lee")
                        .grants(adminGrants())
                        .status(AccountStatus.SUSPENDED)
                        .build(),
                    ANN)),
            List.of()),
        Arguments.of(
            "near miss: a shared admin account (shared-account has it)",
            of(owned(admin("ops-admin"), ANN, BOB)),
            List.of()),
        Arguments.of(
            "near miss: an unowned admin account",
            Fixtures.subjectOf(unowned(admin("x"))),
            List.of()));
  }

  private static Subject of(AccountView... views) {
    return new Subject(ANN.personId(), ANN, List.of(views));
  }

  private static Grant grant(String name, PrivilegeLevel level) {
    return new Grant(name, "111122223333", level, "attached");
  }

  private static List<Grant> adminGrants() {
    return List.of(grant("AdministratorAccess", PrivilegeLevel.ADMIN));
  }

  private static Account admin(String name) {
    return awsUser(name).grants(adminGrants()).build();
  }

  private static Account standard(String name, String tenant) {
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, tenant, "AIDA" + name), name, Fixtures.CAPTURED)
        .kind(AccountKind.HUMAN, "console password")
        .lastActivity(Activity.usedAt(Fixtures.daysAgo(1), "password_last_used"))
        .mfa(Mfa.notEnabled("mfa_active=false"))
        .grants(List.of(new Grant("ReadOnlyAccess", tenant, PrivilegeLevel.READ, "attached")))
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsPrivilegedAccountsWithoutAStandardOneBeside(
      String name, Subject subject, List<String> flagged) {
    assertEquals(
        flagged,
        RULE.check(subject, new NoSettings()).stream().map(v -> v.view().account().name()).toList(),
        name);
  }

  @Test
  void onlyThePrivilegedAccountOfTheGroupIsNamed() {
    Subject subject =
        of(owned(admin("ann.lee"), ANN), owned(standard("ann.std", "444455556666"), ANN));
    assertEquals(
        List.of(subject.accounts().get(0)),
        RULE.check(subject, new NoSettings()).stream().map(Violation::view).toList());
  }

  @Test
  void evidenceNamesThePersonTheGrantAndTheMissingStandardAccount() {
    Violation v = RULE.check(of(owned(admin("ann.lee"), ANN)), new NoSettings()).get(0);
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("ann.lee@example.test"), evidence);
    assertTrue(evidence.contains("AdministratorAccess (admin"), evidence);
    assertTrue(evidence.contains("standard account in AWS IAM 111122223333"), evidence);
    assertTrue(v.remediation().contains("detach-user-policy --user-name ann.lee"), v.remediation());
  }
}
