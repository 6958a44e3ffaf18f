package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.accessKey;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.daysAgo;
import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.password;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InteractiveLoginWithoutMfaTest {
  private static final InteractiveLoginWithoutMfa RULE = new InteractiveLoginWithoutMfa();
  private static final InteractiveLoginWithoutMfa.Settings SETTINGS =
      new InteractiveLoginWithoutMfa.Settings(Severity.CRITICAL);

  static Stream<Arguments> cases() {
    Mfa off = Mfa.notEnabled("mfa_active=false");
    return Stream.of(
        Arguments.of("console password, no MFA", awsUser("alice").mfa(off).build(), true),
        Arguments.of(
            "Google user not enrolled in 2SV",
            googleUser("bob@example.test").mfa(Mfa.notEnabled("isEnrolledIn2Sv=false")).build(),
            true),
        Arguments.of("near miss: console password with MFA", awsUser("carol").build(), false),
        Arguments.of(
            "near miss: service user with keys and no password",
            awsUser("ci-deploy")
                .kind(AccountKind.SERVICE, "access keys only")
                .credentials(List.of(accessKey(daysAgo(1))))
                .mfa(off)
                .build(),
            false),
        Arguments.of(
            "near miss: password disabled",
            awsUser("dave").credentials(List.of(password(false, null))).mfa(off).build(),
            false),
        Arguments.of(
            "near miss: MFA unknown (Atlas has no per-user field)",
            awsUser("erin").mfa(Mfa.unknown("no per-user MFA field")).build(),
            false),
        Arguments.of(
            "near miss: no MFA but suspended",
            googleUser("frank@example.test").mfa(off).status(AccountStatus.SUSPENDED).build(),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsPasswordLoginsWithoutSecondFactor(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, SETTINGS, unowned(account)), name);
  }

  @Test
  void theRootUserWithoutMfaTakesTheRootSeverity() {
    Account root =
        Account.builder(
                new AccountKey(SourceSystem.AWS_IAM, "111122223333", "root"),
                "root",
                Fixtures.CAPTURED)
            .credentials(List.of(password(true, daysAgo(10))))
            .mfa(Mfa.notEnabled("mfa_active=false"))
            .lastActivity(dev.rollcall.model.Activity.usedAt(daysAgo(10), "password_last_used"))
            .build();
    Violation v = RuleCheck.run(RULE, SETTINGS, unowned(root)).orElseThrow();
    assertEquals(Severity.CRITICAL, v.severity());
    Violation user =
        RuleCheck.run(RULE, SETTINGS, unowned(awsUser("x").mfa(Mfa.notEnabled("off")).build()))
            .orElseThrow();
    assertEquals(null, user.severity());
  }
}
