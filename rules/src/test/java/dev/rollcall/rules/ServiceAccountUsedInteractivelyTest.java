package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.accessKey;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.daysAgo;
import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.owned;
import static dev.rollcall.rules.Fixtures.password;
import static dev.rollcall.rules.Fixtures.person;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceAccountUsedInteractivelyTest {
  private static final ServiceAccountUsedInteractively RULE = new ServiceAccountUsedInteractively();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "IAM service user whose console password was used",
            service("ci-deploy", password(true, daysAgo(5)), accessKey(daysAgo(1))),
            true),
        Arguments.of(
            "used a year ago still counts",
            service("etl-loader", password(true, daysAgo(365))),
            true),
        Arguments.of(
            "Identity Center service user signed in through SSO",
            Account.builder(
                    new AccountKey(SourceSystem.AWS_IDENTITY_CENTER, "d-1234567890", "u-9"),
                    "svc-reports",
                    Fixtures.CAPTURED)
                .kind(AccountKind.SERVICE, "tag kind=service")
                .lastActivity(Activity.usedAt(daysAgo(2), "sign-in event"))
                .credentials(List.of(federated(daysAgo(2))))
                .mfa(Mfa.unknown("no per-user MFA field"))
                .build(),
            true),
        Arguments.of(
            "Google service user signed in to the web",
            googleUser("svc-mailer@example.test").kind(AccountKind.SERVICE, "OU /Service").build(),
            true),
        Arguments.of(
            "near miss: service user whose password was never used",
            service("ci-new", password(true, null), accessKey(daysAgo(1))),
            false),
        Arguments.of(
            "near miss: service user, keys only", service("ci-keys", accessKey(daysAgo(1))), false),
        Arguments.of(
            "near miss: used password now removed",
            service("ci-fixed", password(false, daysAgo(40)), accessKey(daysAgo(1))),
            false),
        Arguments.of(
            "near miss: SSO login with no recorded use",
            service("svc-sso", federated(null)),
            false),
        Arguments.of(
            "near miss: a human using a console password",
            awsUser("ann.lee").credentials(List.of(password(true, daysAgo(1)))).build(),
            false),
        Arguments.of(
            "near miss: kind unknown",
            awsUser("mystery")
                .kind(AccountKind.UNKNOWN, null)
                .credentials(List.of(password(true, daysAgo(1))))
                .build(),
            false),
        Arguments.of(
            "near miss: suspended service user",
            awsUser("old-bot")
                .kind(AccountKind.SERVICE, "path /service/")
                .credentials(List.of(password(true, daysAgo(3))))
                .status(AccountStatus.SUSPENDED)
                .build(),
            false));
  }

  private static Account service(String name, Credential... credentials) {
    return awsUser(name)
        .kind(AccountKind.SERVICE, "path /service/")
        .credentials(List.of(credentials))
        .build();
  }

  private static Credential federated(Instant lastUsed) {
    return new Credential(
        CredentialType.FEDERATED_LOGIN,
        "Identity Center sign-in",
        true,
        null,
        lastUsed,
        lastUsed == null ? Activity.State.UNKNOWN : Activity.State.USED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsServiceAccountsWithAUsedLogin(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, new NoSettings(), unowned(account)), name);
  }

  @Test
  void evidenceShowsTheLoginItsLastUseAndTheOwner() {
    var owner = person("ann.lee@example.test", "Ann", "Lee", PersonStatus.ACTIVE);
    Violation v =
        RuleCheck.run(
                RULE,
                new NoSettings(),
                owned(service("ci-deploy", password(true, daysAgo(5))), owner))
            .orElseThrow();
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("console password, last used"), evidence);
    assertTrue(evidence.contains("5 days before"), evidence);
    assertTrue(evidence.contains("path /service/"), evidence);
    assertTrue(evidence.contains("ann.lee@example.test"), evidence);
    assertTrue(
        v.remediation().contains("aws iam delete-login-profile --user-name ci-deploy"),
        v.remediation());
  }
}
