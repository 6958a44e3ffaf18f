package dev.rollcall.rules;

import static dev.rollcall.rules.CredentialFixtures.accessKey;
import static dev.rollcall.rules.CredentialFixtures.atlasApiKey;
import static dev.rollcall.rules.CredentialFixtures.atlasDatabaseUser;
import static dev.rollcall.rules.CredentialFixtures.atlasServiceAccount;
import static dev.rollcall.rules.CredentialFixtures.awsRoot;
import static dev.rollcall.rules.CredentialFixtures.consolePassword;
import static dev.rollcall.rules.CredentialFixtures.inactive;
import static dev.rollcall.rules.CredentialFixtures.list;
import static dev.rollcall.rules.CredentialFixtures.neverUsed;
import static dev.rollcall.rules.CredentialFixtures.unknownUse;
import static dev.rollcall.rules.CredentialFixtures.used;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.CredentialType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnusedCredentialTest {
  private static final UnusedCredential RULE = new UnusedCredential();
  private static final UnusedCredential.Settings DEFAULTS = new UnusedCredential.Settings(90, 30);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("access key last used 91 days ago", keys(accessKey(1, 300, 91)), true),
        Arguments.of(
            "near miss: access key last used exactly 90 days ago",
            keys(accessKey(1, 300, 90)),
            false),
        Arguments.of(
            "near miss: access key last used 89 days ago", keys(accessKey(1, 300, 89)), false),
        Arguments.of(
            "access key never used, created 31 days ago",
            keys(neverUsed(CredentialType.ACCESS_KEY, "access key 1", 31L)),
            true),
        Arguments.of(
            "near miss: access key never used, created exactly 30 days ago",
            keys(neverUsed(CredentialType.ACCESS_KEY, "access key 1", 30L)),
            false),
        Arguments.of(
            "near miss: never used, creation not recorded",
            keys(neverUsed(CredentialType.ACCESS_KEY, "access key 1", null)),
            false),
        Arguments.of(
            "near miss: inactive access key idle 400 days",
            keys(inactive(accessKey(1, 500, 400))),
            false),
        Arguments.of(
            "console password idle 200 days beside a key used yesterday",
            keys(consolePassword(300, 200), accessKey(1, 300, 1)),
            true),
        Arguments.of(
            "near miss: an Atlas database password idle 120 days is the user's only way in"
                + " (dormant-account reports the account)",
            atlasDatabaseUser("orders-app")
                .credentials(
                    list(used(CredentialType.DATABASE_PASSWORD, "SCRAM password", 400, 120)))
                .build(),
            false),
        Arguments.of(
            "near miss: an access key idle 200 days with nothing else in use",
            awsUser("idle-only").credentials(list(accessKey(1, 300, 200))).build(),
            false),
        Arguments.of(
            "near miss: Atlas database password with no access history (unknown)",
            atlasDatabaseUser("reports")
                .credentials(
                    list(unknownUse(CredentialType.DATABASE_PASSWORD, "SCRAM password", 400)))
                .build(),
            false),
        Arguments.of(
            "Atlas service account secret never used, created 60 days ago, beside one in use",
            atlasServiceAccount("mdb_sa_id_1")
                .credentials(
                    list(
                        neverUsed(CredentialType.ACCESS_KEY, "secret mdb_sa_sk_…ab12", 60L),
                        used(CredentialType.ACCESS_KEY, "secret mdb_sa_sk_…cd34", 90, 2)))
                .build(),
            true),
        Arguments.of(
            "near miss: Atlas API key without an access list entry (unknown use)",
            atlasApiKey("65aa00000000000000000001")
                .credentials(
                    list(unknownUse(CredentialType.ACCESS_KEY, "programmatic API key", 400)))
                .build(),
            false),
        Arguments.of(
            "near miss: Google user idle 200 days but suspended",
            googleUser("gone@example.test")
                .status(AccountStatus.SUSPENDED)
                .credentials(list(consolePassword(400, 200)))
                .build(),
            false),
        Arguments.of(
            "near miss: the root user's password idle 400 days (root should not sign in)",
            awsRoot().credentials(list(consolePassword(500, 400))).build(),
            false),
        Arguments.of(
            "the root user's access key idle 100 days",
            awsRoot().credentials(list(consolePassword(500, 400), accessKey(1, 500, 100))).build(),
            true),
        Arguments.of(
            "near miss: federated login never used (not a key or password)",
            keys(neverUsed(CredentialType.FEDERATED_LOGIN, "SSO", 400L)),
            false));
  }

  /** An IAM user with these credentials beside a console password used yesterday. */
  private static Account keys(dev.rollcall.model.Credential... credentials) {
    java.util.List<dev.rollcall.model.Credential> all =
        new java.util.ArrayList<>(list(credentials));
    if (all.stream().noneMatch(c -> c.type() == CredentialType.CONSOLE_PASSWORD)) {
      all.add(consolePassword(300, 1));
    }
    return awsUser("u" + credentials.length + credentials[0].hashCode()).credentials(all).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsActiveCredentialsIdleBeyondTheLimit(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, DEFAULTS, unowned(account)), name);
  }

  @Test
  void oneFindingNamesEachUnusedCredentialAndLeavesTheUsedOneOut() {
    Account account =
        awsUser("ci-deploy")
            .credentials(
                list(
                    accessKey(1, 300, 120),
                    neverUsed(CredentialType.ACCESS_KEY, "access key 2", 45L),
                    consolePassword(300, 2)))
            .build();
    var violations = RULE.findIn(Fixtures.subjectOf(unowned(account)), DEFAULTS);
    assertEquals(1, violations.size());
    Violation v = violations.get(0);
    assertEquals("ci-deploy has unused credentials: access key 1, access key 2.", v.summary());
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("last used 2026-07-23 (120 days before"), evidence);
    assertTrue(evidence.contains("created 2026-10-06 (45 days before"), evidence);
    assertTrue(evidence.contains("never used"), evidence);
    assertFalse(evidence.contains("label=console password"), evidence);
    assertTrue(v.remediation().contains("--status Inactive"), v.remediation());
    assertTrue(v.remediation().contains("access key 1, created 2026-01-24"), v.remediation());
  }

  @Test
  void theFixNamesTheCredentialKind() {
    Violation password =
        RuleCheck.run(
                RULE, DEFAULTS, unowned(keys(consolePassword(300, 200), accessKey(1, 300, 1))))
            .orElseThrow();
    assertTrue(
        password.remediation().contains("aws iam delete-login-profile --user-name"),
        password.remediation());
    Violation secret =
        RuleCheck.run(
                RULE,
                DEFAULTS,
                unowned(
                    atlasServiceAccount("mdb_sa_id_1")
                        .credentials(
                            list(
                                neverUsed(CredentialType.ACCESS_KEY, "secret mdb_sa_sk_…ab12", 60L),
                                used(CredentialType.ACCESS_KEY, "secret mdb_sa_sk_…cd34", 90, 2)))
                        .build()))
            .orElseThrow();
    assertTrue(
        secret.remediation().contains("/serviceAccounts/mdb_sa_id_1/secrets/SECRET_ID"),
        secret.remediation());
    Account orders =
        atlasDatabaseUser("orders-app")
            .credentials(list(used(CredentialType.DATABASE_PASSWORD, "SCRAM password", 400, 120)))
            .build();
    String database = CredentialRemedies.retire(orders, orders.credentials().get(0));
    assertTrue(database.startsWith("atlas dbusers delete orders-app"), database);
  }

  @Test
  void theLimitsComeFromTheSettings() {
    var strict = new UnusedCredential.Settings(45, 7);
    assertTrue(RuleCheck.flags(RULE, strict, unowned(keys(accessKey(1, 300, 46)))));
    assertTrue(
        RuleCheck.flags(
            RULE, strict, unowned(keys(neverUsed(CredentialType.ACCESS_KEY, "access key 1", 8L)))));
    assertFalse(RuleCheck.flags(RULE, strict, unowned(keys(accessKey(1, 300, 45)))));
  }

  @Test
  void defaultsAreNinetyAndThirtyDays() {
    assertEquals(90, DEFAULTS.days());
    assertEquals(30, DEFAULTS.graceDays());
  }

  @Test
  void refusesNonPositiveLimitsNamingTheField() {
    var days =
        assertThrows(IllegalArgumentException.class, () -> new UnusedCredential.Settings(0, 30));
    assertTrue(days.getMessage().startsWith("days "), days.getMessage());
    var grace =
        assertThrows(IllegalArgumentException.class, () -> new UnusedCredential.Settings(90, -1));
    assertTrue(grace.getMessage().startsWith("graceDays "), grace.getMessage());
  }
}
