package dev.rollcall.rules;

import static dev.rollcall.rules.CredentialFixtures.accessKey;
import static dev.rollcall.rules.CredentialFixtures.atlasApiKey;
import static dev.rollcall.rules.CredentialFixtures.atlasServiceAccount;
import static dev.rollcall.rules.CredentialFixtures.awsRoot;
import static dev.rollcall.rules.CredentialFixtures.consolePassword;
import static dev.rollcall.rules.CredentialFixtures.inactive;
import static dev.rollcall.rules.CredentialFixtures.list;
import static dev.rollcall.rules.CredentialFixtures.neverUsed;
import static dev.rollcall.rules.CredentialFixtures.unknownUse;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccessKeyNotRotatedTest {
  private static final AccessKeyNotRotated RULE = new AccessKeyNotRotated();
  private static final AccessKeyNotRotated.Settings DEFAULTS = new AccessKeyNotRotated.Settings(90);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("key created 91 days ago", user(accessKey(1, 91, 1)), true),
        Arguments.of(
            "key created 400 days ago, never used",
            user(neverUsed(CredentialType.ACCESS_KEY, "access key 1", 400L)),
            true),
        Arguments.of(
            "second key old, first one fresh",
            user(accessKey(1, 10, 1), accessKey(2, 200, 1)),
            true),
        Arguments.of(
            "Atlas service account secret created 120 days ago",
            atlasServiceAccount("mdb_sa_id_1")
                .credentials(
                    list(
                        new Credential(
                            CredentialType.ACCESS_KEY,
                            "secret mdb_sa_sk_…ab12",
                            true,
                            Fixtures.daysAgo(120),
                            Fixtures.daysAgo(1),
                            dev.rollcall.model.Activity.State.USED)))
                .build(),
            true),
        Arguments.of(
            "near miss: key created exactly 90 days ago", user(accessKey(1, 90, 1)), false),
        Arguments.of("near miss: key created 89 days ago", user(accessKey(1, 89, 1)), false),
        Arguments.of(
            "near miss: inactive key created 400 days ago",
            user(inactive(accessKey(1, 400, 300))),
            false),
        Arguments.of(
            "near miss: old console password, no key (password-too-old's business)",
            user(consolePassword(400, 1)),
            false),
        Arguments.of(
            "near miss: Atlas API key without a creation date",
            atlasApiKey("65aa00000000000000000001")
                .credentials(
                    list(
                        new Credential(
                            CredentialType.ACCESS_KEY,
                            "programmatic API key",
                            true,
                            null,
                            null,
                            dev.rollcall.model.Activity.State.UNKNOWN)))
                .build(),
            false),
        Arguments.of(
            "near miss: old key on a suspended account",
            awsUser("gone")
                .credentials(list(accessKey(1, 400, 300)))
                .status(AccountStatus.SUSPENDED)
                .build(),
            false),
        Arguments.of(
            "near miss: old certificate, not a key",
            user(unknownUse(CredentialType.X509_CERTIFICATE, "signing certificate 1", 400)),
            false));
  }

  private static Account user(Credential... credentials) {
    return awsUser("k" + java.util.Arrays.hashCode(credentials))
        .credentials(list(credentials))
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsActiveKeysOlderThanTheRotationPeriod(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, DEFAULTS, unowned(account)), name);
  }

  @Test
  void oneFindingNamesEachOldKeyWithItsAgeAndTheRotation() {
    Account account =
        awsUser("ci-deploy")
            .credentials(list(accessKey(1, 200, 1), accessKey(2, 120, 3), consolePassword(10, 1)))
            .build();
    Violation v = RuleCheck.run(RULE, DEFAULTS, unowned(account)).orElseThrow();
    assertEquals(
        "ci-deploy has 2 access keys not rotated for 200 days (period 90): access key 1, access"
            + " key 2.",
        v.summary());
    String evidence = v.evidence().toString();
    assertTrue(
        evidence.contains("created 2026-05-04 (200 days before the data was captured)"), evidence);
    assertFalse(evidence.contains("console password"), evidence);
    assertTrue(
        v.remediation().contains("aws iam create-access-key --user-name ci-deploy"),
        v.remediation());
    assertTrue(v.remediation().contains("access key 2, created 2026-07-23"), v.remediation());
  }

  @Test
  void theRootUsersKeyIsDeletedNotRotated() {
    Account root =
        awsRoot().credentials(list(consolePassword(500, 400), accessKey(1, 500, 2))).build();
    Violation v = RuleCheck.run(RULE, DEFAULTS, unowned(root)).orElseThrow();
    assertTrue(
        v.remediation().startsWith("Sign in as root to account 111122223333"), v.remediation());
    assertFalse(v.remediation().contains("create-access-key"), v.remediation());
  }

  @Test
  void theServiceAccountFixGeneratesANewSecret() {
    Account account =
        atlasServiceAccount("mdb_sa_id_1")
            .credentials(
                list(
                    new Credential(
                        CredentialType.ACCESS_KEY,
                        "secret mdb_sa_sk_…ab12",
                        true,
                        Fixtures.daysAgo(120),
                        null,
                        dev.rollcall.model.Activity.State.NEVER_USED)))
            .build();
    Violation v = RuleCheck.run(RULE, DEFAULTS, unowned(account)).orElseThrow();
    assertTrue(
        v.remediation()
            .contains(
                "POST /api/atlas/v2/orgs/"
                    + CredentialFixtures.ATLAS_ORG
                    + "/serviceAccounts/mdb_sa_id_1/secrets"),
        v.remediation());
  }

  @Test
  void thePeriodComesFromTheSettings() {
    var yearly = new AccessKeyNotRotated.Settings(365);
    assertFalse(RuleCheck.flags(RULE, yearly, unowned(user(accessKey(1, 365, 1)))));
    assertTrue(RuleCheck.flags(RULE, yearly, unowned(user(accessKey(1, 366, 1)))));
    assertEquals(90, DEFAULTS.days());
  }

  @Test
  void refusesANonPositivePeriodNamingTheField() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> new AccessKeyNotRotated.Settings(-5));
    assertTrue(e.getMessage().startsWith("days "), e.getMessage());
  }
}
