package dev.rollcall.jobs.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.model.Severity;
import dev.rollcall.rules.AccessKeyNotRotated;
import dev.rollcall.rules.NeverUsedAccount;
import dev.rollcall.rules.PasswordTooOld;
import dev.rollcall.rules.TemporaryAccountExpired;
import dev.rollcall.rules.UnusedCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The activity and credential rules' {@code with:} blocks, read from profiles. */
class CredentialRuleProfileTest {
  @TempDir Path dir;

  @Test
  void theDefaultProfileGivesTheDocumentedThresholds() {
    PolicyProfile profile = ProfileLoader.load("default", dir);
    var unused = (UnusedCredential.Settings) settings(profile, "unused-credential");
    assertEquals(90, unused.days());
    assertEquals(30, unused.graceDays());
    assertEquals(
        30, ((NeverUsedAccount.Settings) settings(profile, "never-used-account")).graceDays());
    var temporary =
        (TemporaryAccountExpired.Settings) settings(profile, "temporary-account-expired");
    assertEquals(List.of("expires", "expiry", "end-date", "until"), temporary.expiryTags());
    assertEquals(null, temporary.maxTermDays());
    assertEquals(
        90, ((AccessKeyNotRotated.Settings) settings(profile, "access-key-not-rotated")).days());
    var password = (PasswordTooOld.Settings) settings(profile, "password-too-old");
    assertEquals(90, password.days());
    assertEquals(60, password.adminDays());
    assertEquals(Severity.HIGH, rule(profile, "temporary-account-expired").severity());
    assertEquals(Severity.LOW, rule(profile, "two-active-access-keys").severity());
    assertTrue(
        rule(profile, "password-too-old").clauses().stream()
            .anyMatch(c -> c.text().contains("60 days for administrative accounts")));
  }

  @Test
  void aPolicyOfItsOwnSetsItsThresholdsAndLeavesTheRestToTheDefaults() throws IOException {
    Path file =
        write(
            """
            rules:
              password-too-old:
                with:
                  days: 180
                  adminDays: 90
              temporary-account-expired:
                with:
                  maxTermDays: 365
              unused-credential:
                with:
                  days: 45
            """);
    PolicyProfile profile = ProfileLoader.load(file.getFileName().toString(), dir);
    var password = (PasswordTooOld.Settings) settings(profile, "password-too-old");
    assertEquals(180, password.days());
    assertEquals(90, password.adminDays());
    var temporary =
        (TemporaryAccountExpired.Settings) settings(profile, "temporary-account-expired");
    assertEquals(365, temporary.maxTermDays());
    assertEquals(List.of("expires", "expiry", "end-date", "until"), temporary.expiryTags());
    var unused = (UnusedCredential.Settings) settings(profile, "unused-credential");
    assertEquals(45, unused.days());
    assertEquals(30, unused.graceDays());
  }

  @Test
  void anAdminAgeLongerThanTheAgeIsRefusedWithItsKey() throws IOException {
    String message =
        failure(
            write(
                "rules:\n  password-too-old:\n    with:\n      days: 90\n      adminDays: 120\n"));
    assertTrue(message.contains("rules.password-too-old.with"), message);
    assertTrue(message.contains("adminDays (120) must not exceed days (90)"), message);
  }

  @Test
  void aNonPositiveGracePeriodIsRefusedWithItsKey() throws IOException {
    String message =
        failure(write("rules:\n  never-used-account:\n    with:\n      graceDays: 0\n"));
    assertTrue(message.contains("rules.never-used-account.with"), message);
    assertTrue(message.contains("graceDays must be 1 to 3650 days, was 0"), message);
  }

  @Test
  void aMisspelledThresholdIsRefused() throws IOException {
    String message =
        failure(write("rules:\n  temporary-account-expired:\n    with:\n      maxTermDay: 365\n"));
    assertTrue(message.contains("maxTermDay"), message);
    assertTrue(message.contains("line 4"), message);
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

  private static Object settings(PolicyProfile profile, String id) {
    return rule(profile, id).settings();
  }

  private static RuleSettings<?> rule(PolicyProfile profile, String id) {
    return profile.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }
}
