package dev.rollcall.rules;

import static dev.rollcall.rules.CredentialFixtures.accessKey;
import static dev.rollcall.rules.CredentialFixtures.atlasServiceAccount;
import static dev.rollcall.rules.CredentialFixtures.consolePassword;
import static dev.rollcall.rules.CredentialFixtures.inactive;
import static dev.rollcall.rules.CredentialFixtures.list;
import static dev.rollcall.rules.CredentialFixtures.neverUsed;
import static dev.rollcall.rules.CredentialFixtures.used;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.CredentialType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TwoActiveAccessKeysTest {
  private static final TwoActiveAccessKeys RULE = new TwoActiveAccessKeys();
  private static final NoSettings NONE = new NoSettings();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "two active AWS keys, both used",
            awsUser("a").credentials(list(accessKey(1, 200, 1), accessKey(2, 20, 1))).build(),
            true),
        Arguments.of(
            "two active AWS keys, one never used",
            awsUser("b")
                .credentials(
                    list(
                        accessKey(1, 200, 1),
                        neverUsed(CredentialType.ACCESS_KEY, "access key 2", 5L)))
                .build(),
            true),
        Arguments.of(
            "Atlas service account with two live secrets",
            atlasServiceAccount("mdb_sa_id_1")
                .credentials(
                    list(
                        used(CredentialType.ACCESS_KEY, "secret mdb_sa_sk_…ab12", 100, 1),
                        used(CredentialType.ACCESS_KEY, "secret mdb_sa_sk_…cd34", 10, 2)))
                .build(),
            true),
        Arguments.of(
            "near miss: one active key and one deactivated",
            awsUser("c")
                .credentials(list(accessKey(1, 200, 1), inactive(accessKey(2, 20, 1))))
                .build(),
            false),
        Arguments.of(
            "near miss: one key and a console password",
            awsUser("d").credentials(list(accessKey(1, 200, 1), consolePassword(20, 1))).build(),
            false),
        Arguments.of(
            "near miss: one key only",
            awsUser("e").credentials(list(accessKey(1, 200, 1))).build(),
            false),
        Arguments.of(
            "near miss: two active keys on a suspended account",
            awsUser("f")
                .credentials(list(accessKey(1, 200, 1), accessKey(2, 20, 1)))
                .status(AccountStatus.SUSPENDED)
                .build(),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsAccountsWithMoreThanOneActiveKey(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, NONE, unowned(account)), name);
  }

  @Test
  void theFixRetiresTheNeverUsedKeyFirst() {
    Account account =
        awsUser("ci-deploy")
            .credentials(
                list(
                    accessKey(1, 200, 1), neverUsed(CredentialType.ACCESS_KEY, "access key 2", 5L)))
            .build();
    Violation v = RuleCheck.run(RULE, NONE, unowned(account)).orElseThrow();
    assertEquals("ci-deploy has 2 active access keys.", v.summary());
    assertEquals(2, v.evidence().size());
    assertTrue(
        v.remediation().startsWith("Retire access key 2 (never used) and keep access key 1,"),
        v.remediation());
    assertTrue(
        v.remediation().contains("(access key 2, created 2026-11-15: find its KEY_ID"),
        v.remediation());
  }

  @Test
  void theFixRetiresTheLeastRecentlyUsedKeyFirst() {
    Account account =
        awsUser("ci-deploy").credentials(list(accessKey(1, 200, 1), accessKey(2, 20, 40))).build();
    Violation v = RuleCheck.run(RULE, NONE, unowned(account)).orElseThrow();
    assertTrue(
        v.remediation().startsWith("Retire access key 2 and keep access key 1,"), v.remediation());
  }
}
