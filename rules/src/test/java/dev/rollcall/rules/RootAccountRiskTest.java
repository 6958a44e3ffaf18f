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
import dev.rollcall.model.Activity;
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

class RootAccountRiskTest {
  private static final RootAccountRisk RULE = new RootAccountRisk();
  private static final RootAccountRisk.Settings DEFAULTS = new RootAccountRisk.Settings(true, 30);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no MFA", root().mfa(Mfa.notEnabled("mfa_active=false")).build(), true),
        Arguments.of(
            "virtual TOTP only", root().mfa(mfa(MfaFactorType.VIRTUAL_TOTP)).build(), true),
        Arguments.of(
            "an active access key",
            root().credentials(List.of(password(true, daysAgo(200)), accessKey(null))).build(),
            true),
        Arguments.of("used 3 days ago", used(root(), 3).build(), true),
        Arguments.of("used exactly 30 days ago", used(root(), 30).build(), true),
        Arguments.of(
            "hardware TOTP but an access key used yesterday",
            used(
                    root()
                        .mfa(mfa(MfaFactorType.HARDWARE_TOTP))
                        .credentials(List.of(password(true, daysAgo(200)), accessKey(daysAgo(1)))),
                    1)
                .build(),
            true),
        Arguments.of("near miss: FIDO key, no keys, last used 200 days ago", root().build(), false),
        Arguments.of("near miss: used 31 days ago", used(root(), 31).build(), false),
        Arguments.of(
            "near miss: hardware TOTP",
            root().mfa(mfa(MfaFactorType.HARDWARE_TOTP)).build(),
            false),
        Arguments.of(
            "near miss: MFA on, device kind unknown (root devices are not listed)",
            root().mfa(mfa(MfaFactorType.UNSPECIFIED)).build(),
            false),
        Arguments.of(
            "near miss: MFA unknown is not missing",
            root().mfa(Mfa.unknown("no credential report row")).build(),
            false),
        Arguments.of(
            "near miss: root credentials removed centrally, so no MFA does not matter",
            root()
                .credentials(List.of(password(false, daysAgo(200))))
                .mfa(Mfa.notEnabled("mfa_active=false"))
                .build(),
            false),
        Arguments.of(
            "near miss: an IAM user named root is not the root user",
            awsUser("root")
                .credentials(List.of(password(true, daysAgo(1)), accessKey(daysAgo(1))))
                .mfa(Mfa.notEnabled("mfa_active=false"))
                .build(),
            false),
        Arguments.of(
            "near miss: a root named elsewhere than AWS IAM",
            Account.builder(
                    new AccountKey(SourceSystem.ATLAS_DATABASE, "proj1", "root"),
                    "root",
                    Fixtures.CAPTURED)
                .lastActivity(Activity.usedAt(daysAgo(1), "access history"))
                .mfa(Mfa.unknown("no per-user MFA field"))
                .build(),
            false));
  }

  /** The near miss every case varies: a FIDO key, no access keys, last used 200 days ago. */
  private static Account.Builder root() {
    return used(
        Account.builder(
                new AccountKey(SourceSystem.AWS_IAM, "111122223333", "root"),
                "root",
                Fixtures.CAPTURED)
            .kind(AccountKind.UNKNOWN, "AWS account root user")
            .credentials(List.of(password(true, daysAgo(200))))
            .mfa(mfa(MfaFactorType.SECURITY_KEY))
            .grants(List.of(new Grant("root user", "111122223333", PrivilegeLevel.ADMIN, "root"))),
        200);
  }

  private static Account.Builder used(Account.Builder builder, long days) {
    return builder.lastActivity(Activity.usedAt(daysAgo(days), "password_last_used"));
  }

  private static Mfa mfa(MfaFactorType type) {
    return Mfa.enabled(
        List.of(new MfaFactor(type, "arn:aws:iam::111122223333:mfa/root", null)), "x");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsTheRootUserOnly(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, DEFAULTS, unowned(account)), name);
  }

  @Test
  void oneFindingListsEveryReason() {
    Account worst =
        used(
                root()
                    .mfa(Mfa.notEnabled("mfa_active=false"))
                    .credentials(List.of(password(true, daysAgo(2)), accessKey(daysAgo(2)))),
                2)
            .build();
    List<Violation> found = RULE.findIn(Fixtures.subjectOf(unowned(worst)), DEFAULTS);
    assertEquals(1, found.size());
    Violation v = found.get(0);
    assertTrue(v.summary().contains("no MFA"), v.summary());
    assertTrue(v.summary().contains("an active access key"), v.summary());
    assertTrue(v.summary().contains("used 2 days before"), v.summary());
    assertTrue(v.summary().contains("111122223333"), v.summary());
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("root access key"), evidence);
    assertTrue(evidence.contains("mfa_active=false"), evidence);
    assertTrue(v.remediation().contains("Assign MFA device"), v.remediation());
    assertTrue(v.remediation().contains("Access keys"), v.remediation());
    assertTrue(v.remediation().contains("cloudtrail lookup-events"), v.remediation());
  }

  @Test
  void hardwareMfaCanBeLeftOptional() {
    var settings = new RootAccountRisk.Settings(false, 30);
    Account virtual = root().mfa(mfa(MfaFactorType.VIRTUAL_TOTP)).build();
    assertEquals(false, RuleCheck.flags(RULE, settings, unowned(virtual)));
    Violation v = RuleCheck.run(RULE, DEFAULTS, unowned(virtual)).orElseThrow();
    assertTrue(v.summary().contains("without a hardware device"), v.summary());
    assertTrue(v.remediation().contains("security key"), v.remediation());
  }

  @Test
  void theRecentUseWindowIsASetting() {
    var settings = new RootAccountRisk.Settings(true, 365);
    assertTrue(RuleCheck.flags(RULE, settings, unowned(root().build())));
  }

  @Test
  void settingsRefuseANonPositiveWindow() {
    assertThrows(IllegalArgumentException.class, () -> new RootAccountRisk.Settings(true, 0));
    assertThrows(IllegalArgumentException.class, () -> new RootAccountRisk.Settings(false, -5));
  }
}
