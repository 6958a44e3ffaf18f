package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.SourceSystem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeakMfaForPrivilegedTest {
  private static final WeakMfaForPrivileged RULE = new WeakMfaForPrivileged();
  private static final WeakMfaForPrivileged.Settings DEFAULTS =
      new WeakMfaForPrivileged.Settings(
          List.of(MfaFactorType.SECURITY_KEY, MfaFactorType.PASSKEY, MfaFactorType.HARDWARE_TOTP));
  private static final Grant ADMIN =
      new Grant("AdministratorAccess", "111122223333", PrivilegeLevel.ADMIN, "attached");
  private static final Grant ESCALATION =
      new Grant("iam-key-manager", "111122223333", PrivilegeLevel.PRIVILEGE_ESCALATION, "inline");
  private static final Grant WRITE =
      new Grant("PowerUserAccess", "111122223333", PrivilegeLevel.WRITE, "attached");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("admin with a virtual TOTP app", admin(MfaFactorType.VIRTUAL_TOTP), true),
        Arguments.of(
            "escalation rights with SMS",
            awsUser("keys").grants(List.of(ESCALATION)).mfa(mfa(MfaFactorType.SMS)).build(),
            true),
        Arguments.of(
            "Google super admin signing in with push and SMS",
            googleUser("it.lead@example.test")
                .grants(
                    List.of(new Grant("Super Admin", "example.test", PrivilegeLevel.ADMIN, "role")))
                .mfa(mfa(MfaFactorType.PUSH, MfaFactorType.SMS))
                .build(),
            true),
        Arguments.of(
            "near miss: admin with a security key", admin(MfaFactorType.SECURITY_KEY), false),
        Arguments.of(
            "near miss: admin with a virtual app and a passkey",
            admin(MfaFactorType.VIRTUAL_TOTP, MfaFactorType.PASSKEY),
            false),
        Arguments.of(
            "near miss: write rights with SMS",
            awsUser("dev").grants(List.of(WRITE)).mfa(mfa(MfaFactorType.SMS)).build(),
            false),
        Arguments.of(
            "near miss: admin without MFA (interactive-login-without-mfa has it)",
            awsUser("nomfa").grants(List.of(ADMIN)).mfa(Mfa.notEnabled("mfa_active=false")).build(),
            false),
        Arguments.of(
            "near miss: admin, MFA unknown",
            awsUser("atlas").grants(List.of(ADMIN)).mfa(Mfa.unknown("no per-user field")).build(),
            false),
        Arguments.of(
            "near miss: admin, MFA on but the kind is not said",
            admin(MfaFactorType.UNSPECIFIED),
            false),
        Arguments.of(
            "near miss: admin with SMS but suspended",
            awsUser("gone")
                .grants(List.of(ADMIN))
                .mfa(mfa(MfaFactorType.SMS))
                .status(AccountStatus.SUSPENDED)
                .build(),
            false),
        Arguments.of(
            "near miss: the AWS root user (root-account-risk has it)",
            Account.builder(
                    new AccountKey(SourceSystem.AWS_IAM, "111122223333", "root"),
                    "root",
                    Fixtures.CAPTURED)
                .lastActivity(dev.rollcall.model.Activity.neverUsed("x"))
                .grants(List.of(ADMIN))
                .mfa(mfa(MfaFactorType.VIRTUAL_TOTP))
                .build(),
            false));
  }

  private static Account admin(MfaFactorType... types) {
    return awsUser("admin.ann").grants(List.of(ADMIN)).mfa(mfa(types)).build();
  }

  private static Mfa mfa(MfaFactorType... types) {
    return Mfa.enabled(
        Stream.of(types).map(t -> new MfaFactor(t, null, null)).toList(), "mfa devices");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsPrivilegedAccountsWithWeakFactors(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, DEFAULTS, unowned(account)), name);
  }

  @Test
  void thePolicyChoosesWhichFactorsAreStrongEnough() {
    var totpAllowed =
        new WeakMfaForPrivileged.Settings(
            List.of(MfaFactorType.SECURITY_KEY, MfaFactorType.VIRTUAL_TOTP));
    assertEquals(
        false, RuleCheck.flags(RULE, totpAllowed, unowned(admin(MfaFactorType.VIRTUAL_TOTP))));
    var keysOnly = new WeakMfaForPrivileged.Settings(List.of(MfaFactorType.SECURITY_KEY));
    assertTrue(RuleCheck.flags(RULE, keysOnly, unowned(admin(MfaFactorType.HARDWARE_TOTP))));
  }

  @Test
  void evidenceNamesTheFactorsAndTheGrant() {
    Violation v =
        RuleCheck.run(RULE, DEFAULTS, unowned(admin(MfaFactorType.VIRTUAL_TOTP))).orElseThrow();
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("virtual totp"), evidence);
    assertTrue(evidence.contains("security key, passkey, hardware totp"), evidence);
    assertTrue(evidence.contains("AdministratorAccess"), evidence);
    assertTrue(v.summary().contains("only virtual totp"), v.summary());
    assertTrue(v.remediation().contains("IAM > Users > admin.ann"), v.remediation());
  }

  @Test
  void settingsDefaultAndRefuseNothingOrUnspecified() {
    assertEquals(
        List.of(MfaFactorType.SECURITY_KEY, MfaFactorType.PASSKEY, MfaFactorType.HARDWARE_TOTP),
        DEFAULTS.requiredFactors());
    assertThrows(
        IllegalArgumentException.class, () -> new WeakMfaForPrivileged.Settings(List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WeakMfaForPrivileged.Settings(List.of(MfaFactorType.UNSPECIFIED)));
  }
}
