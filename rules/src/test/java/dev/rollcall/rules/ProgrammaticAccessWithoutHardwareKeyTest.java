package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.accessKey;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.daysAgo;
import static dev.rollcall.rules.Fixtures.password;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.SourceSystem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProgrammaticAccessWithoutHardwareKeyTest {
  private static final ProgrammaticAccessWithoutHardwareKey RULE =
      new ProgrammaticAccessWithoutHardwareKey();
  private static final ProgrammaticAccessWithoutHardwareKey.Settings DEFAULTS =
      new ProgrammaticAccessWithoutHardwareKey.Settings(MfaFactors.HARDWARE);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("key, virtual TOTP only", withKey(mfa(MfaFactorType.VIRTUAL_TOTP)), true),
        Arguments.of("key, no MFA", withKey(Mfa.notEnabled("mfa_active=false")), true),
        Arguments.of(
            "key, a passkey is not a hardware token by default",
            withKey(mfa(MfaFactorType.PASSKEY)),
            true),
        Arguments.of(
            "key never used yet, SMS",
            awsUser("new.hire")
                .credentials(List.of(password(true, daysAgo(1)), accessKey(null)))
                .mfa(mfa(MfaFactorType.SMS))
                .build(),
            true),
        Arguments.of(
            "near miss: key and a security key", withKey(mfa(MfaFactorType.SECURITY_KEY)), false),
        Arguments.of(
            "near miss: key and a hardware TOTP beside an app",
            withKey(mfa(MfaFactorType.VIRTUAL_TOTP, MfaFactorType.HARDWARE_TOTP)),
            false),
        Arguments.of(
            "near miss: no access key, app only",
            awsUser("console.only").mfa(mfa(MfaFactorType.VIRTUAL_TOTP)).build(),
            false),
        Arguments.of(
            "near miss: key made inactive",
            awsUser("rotated")
                .credentials(
                    List.of(
                        password(true, daysAgo(1)),
                        new Credential(
                            CredentialType.ACCESS_KEY,
                            "access key 1",
                            false,
                            daysAgo(300),
                            null,
                            Activity.State.NEVER_USED)))
                .mfa(Mfa.notEnabled("mfa_active=false"))
                .build(),
            false),
        Arguments.of(
            "near miss: a service account's key",
            awsUser("ci-deploy")
                .kind(AccountKind.SERVICE, "access keys only")
                .credentials(List.of(accessKey(daysAgo(1))))
                .mfa(Mfa.notEnabled("mfa_active=false"))
                .build(),
            false),
        Arguments.of(
            "near miss: kind unknown",
            awsUser("unsure")
                .kind(AccountKind.UNKNOWN, null)
                .credentials(List.of(accessKey(daysAgo(1))))
                .mfa(Mfa.notEnabled("mfa_active=false"))
                .build(),
            false),
        Arguments.of(
            "near miss: MFA on, kind not said", withKey(mfa(MfaFactorType.UNSPECIFIED)), false),
        Arguments.of("near miss: MFA unknown", withKey(Mfa.unknown("no report row")), false),
        Arguments.of(
            "near miss: suspended",
            awsUser("gone")
                .credentials(List.of(accessKey(daysAgo(100))))
                .mfa(Mfa.notEnabled("mfa_active=false"))
                .status(AccountStatus.SUSPENDED)
                .build(),
            false),
        Arguments.of(
            "near miss: the AWS root user (root-account-risk has it)",
            Account.builder(
                    new AccountKey(SourceSystem.AWS_IAM, "111122223333", "root"),
                    "root",
                    Fixtures.CAPTURED)
                .kind(AccountKind.HUMAN, "test")
                .lastActivity(Activity.usedAt(daysAgo(1), "x"))
                .credentials(List.of(accessKey(daysAgo(1))))
                .mfa(Mfa.notEnabled("mfa_active=false"))
                .build(),
            false));
  }

  private static Account withKey(Mfa mfa) {
    return awsUser("data.analyst")
        .credentials(List.of(password(true, daysAgo(1)), accessKey(daysAgo(2))))
        .mfa(mfa)
        .build();
  }

  private static Mfa mfa(MfaFactorType... types) {
    return Mfa.enabled(
        Stream.of(types).map(t -> new MfaFactor(t, null, null)).toList(), "mfa devices");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsPeoplesKeysWithoutAHardwareFactor(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, DEFAULTS, unowned(account)), name);
  }

  @Test
  void aPolicyMayCountPasskeysAsHardware() {
    var settings =
        new ProgrammaticAccessWithoutHardwareKey.Settings(
            List.of(MfaFactorType.SECURITY_KEY, MfaFactorType.PASSKEY));
    assertEquals(
        false, RuleCheck.flags(RULE, settings, unowned(withKey(mfa(MfaFactorType.PASSKEY)))));
  }

  @Test
  void evidenceNamesTheKeyAndTheFactors() {
    Violation v =
        RuleCheck.run(RULE, DEFAULTS, unowned(withKey(mfa(MfaFactorType.VIRTUAL_TOTP))))
            .orElseThrow();
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("access key 1, last used"), evidence);
    assertTrue(evidence.contains("virtual totp"), evidence);
    assertTrue(v.summary().contains("no hardware second factor"), v.summary());
    assertTrue(
        v.remediation().contains("aws iam delete-access-key --user-name data.analyst"),
        v.remediation());
  }

  @Test
  void settingsDefaultAndRefuseNothingOrUnspecified() {
    assertEquals(
        List.of(MfaFactorType.SECURITY_KEY, MfaFactorType.HARDWARE_TOTP),
        DEFAULTS.hardwareFactors());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ProgrammaticAccessWithoutHardwareKey.Settings(List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ProgrammaticAccessWithoutHardwareKey.Settings(List.of(MfaFactorType.UNSPECIFIED)));
  }
}
