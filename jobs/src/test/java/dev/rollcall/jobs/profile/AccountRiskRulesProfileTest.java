package dev.rollcall.jobs.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.Severity;
import dev.rollcall.rules.ProgrammaticAccessWithoutHardwareKey;
import dev.rollcall.rules.RootAccountRisk;
import dev.rollcall.rules.SeveralAccountsOneSystem;
import dev.rollcall.rules.WeakMfaForPrivileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root, MFA-strength, privilege and multiple-id rules as the profiles configure them. */
class AccountRiskRulesProfileTest {
  @TempDir Path dir;

  @Test
  void theDefaultProfileReadsEachRulesSettings() {
    PolicyProfile profile = ProfileLoader.load("default", dir);
    var root = (RootAccountRisk.Settings) rule(profile, "root-account-risk").settings();
    assertEquals(true, root.requireHardwareMfa());
    assertEquals(30, root.recentUseDays());
    assertEquals(Severity.CRITICAL, rule(profile, "root-account-risk").severity());
    assertTrue(
        rule(profile, "root-account-risk").clauses().stream()
            .anyMatch(c -> c.text().contains("including root")));
    var weak = (WeakMfaForPrivileged.Settings) rule(profile, "weak-mfa-for-privileged").settings();
    assertEquals(
        List.of(MfaFactorType.SECURITY_KEY, MfaFactorType.PASSKEY, MfaFactorType.HARDWARE_TOTP),
        weak.requiredFactors());
    RuleSettings<?> programmatic = rule(profile, "programmatic-access-without-hardware-key");
    assertFalse(programmatic.enabled());
    assertEquals(
        List.of(MfaFactorType.SECURITY_KEY, MfaFactorType.HARDWARE_TOTP),
        ((ProgrammaticAccessWithoutHardwareKey.Settings) programmatic.settings())
            .hardwareFactors());
    var several =
        (SeveralAccountsOneSystem.Settings) rule(profile, "several-accounts-one-system").settings();
    assertEquals(List.of("purpose", "reason", "second-account"), several.reasonTags());
    assertTrue(rule(profile, "privileged-everyday-account").enabled());
    assertTrue(rule(profile, "service-account-used-interactively").enabled());
  }

  @Test
  void aPolicyThatDemandsKeysForProgrammaticAccessTurnsTheRuleOn() throws IOException {
    Path file = write("rules:\n  programmatic-access-without-hardware-key:\n    enabled: true\n");
    PolicyProfile profile = ProfileLoader.load(file.getFileName().toString(), dir);
    RuleSettings<?> programmatic = rule(profile, "programmatic-access-without-hardware-key");
    assertTrue(programmatic.enabled());
    assertFalse(programmatic.clauses().isEmpty());
  }

  @Test
  void aWithBlockMayLeaveFieldsToTheRulesDefaults() throws IOException {
    Path file = write("rules:\n  root-account-risk:\n    with:\n      recentUseDays: 7\n");
    var root =
        (RootAccountRisk.Settings)
            rule(ProfileLoader.load(file.getFileName().toString(), dir), "root-account-risk")
                .settings();
    assertEquals(7, root.recentUseDays());
    assertEquals(true, root.requireHardwareMfa());
  }

  @Test
  void aNonPositiveRecentUseWindowIsRefused() throws IOException {
    Path file = write("rules:\n  root-account-risk:\n    with:\n      recentUseDays: 0\n");
    String message = failure(file);
    assertTrue(message.contains("rules.root-account-risk.with"), message);
    assertTrue(message.contains("recentUseDays must be 1 to 3650 days, was 0"), message);
  }

  @Test
  void anUnknownFactorKindIsRefused() throws IOException {
    Path file =
        write("rules:\n  weak-mfa-for-privileged:\n    with:\n      requiredFactors: [yubikey]\n");
    String message = failure(file);
    assertTrue(message.contains("requiredFactors[0]: not one of security_key, passkey"), message);
    assertTrue(message.contains("line 4"), message);
    assertTrue(!message.contains("yubikey"), "the value is not repeated: " + message);
  }

  @Test
  void anEmptyFactorListIsRefused() throws IOException {
    Path file = write("rules:\n  weak-mfa-for-privileged:\n    with:\n      requiredFactors: []\n");
    assertTrue(failure(file).contains("requiredFactors must name at least one"));
  }

  private String failure(Path file) {
    return assertThrows(
            ConfigException.class, () -> ProfileLoader.load(file.getFileName().toString(), dir))
        .getMessage();
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("profile.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static RuleSettings<?> rule(PolicyProfile profile, String id) {
    return profile.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }
}
