package dev.rollcall.jobs.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExceptionsTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
  @TempDir Path dir;

  private static Finding finding(String rule, String nativeId, String name) {
    AccountKey key = new AccountKey(SourceSystem.AWS_IAM, "111122223333", nativeId);
    return new Finding(
        Finding.fingerprintOf(rule, key),
        rule,
        rule,
        Severity.HIGH,
        key,
        name,
        List.of(),
        name + " breaks " + rule,
        List.of(),
        List.of(),
        "fix it");
  }

  private ExceptionsFile read(String yaml) throws IOException {
    Path file = dir.resolve("exceptions.yaml");
    Files.writeString(file, yaml);
    return ExceptionsFile.read(file, TODAY, 365);
  }

  private static final String ENTRY =
      """
        - id: EX-1
          rule: over-privileged
          account: "break-glass-*"
          owner: olivia.grant@example.test
          reason: emergency access for outages, sealed credentials
          approvedBy: ciso@example.test
          expires: 2027-03-31
      """;

  @Test
  void aRuleAndPatternCoverTheirFindingsUntilTheyExpire() throws IOException {
    ExceptionsFile file = read("exceptions:\n" + ENTRY);
    Finding covered = finding("over-privileged", "AIDA1", "break-glass-prod");
    Finding otherRule = finding("dormant-account", "AIDA1", "break-glass-prod");
    Finding otherName = finding("over-privileged", "AIDA2", "olivia.grant");

    Suppression today = Suppression.apply(List.of(covered, otherRule, otherName), file, TODAY);
    assertEquals(List.of(otherRule, otherName), today.active());
    assertEquals(covered, today.suppressed().get(0).finding());
    assertEquals("EX-1", today.suppressed().get(0).exception().id());
    assertTrue(today.notices().isEmpty(), today.notices().toString());

    Suppression lastDay = Suppression.apply(List.of(covered), file, LocalDate.parse("2027-03-31"));
    assertEquals(1, lastDay.suppressed().size(), "the expiry day is still covered");

    Suppression after = Suppression.apply(List.of(covered), file, LocalDate.parse("2027-04-01"));
    assertEquals(List.of(covered), after.active());
    assertTrue(
        after.notices().get(0).startsWith("EX-1 expired on 2027-03-31"),
        after.notices().toString());
  }

  @Test
  void aFingerprintCoversExactlyOneFindingAndAnUnusedExceptionIsReported() throws IOException {
    Finding target = finding("dormant-account", "AIDA9", "svc-old");
    ExceptionsFile file =
        read(
            """
            exceptions:
              - id: EX-2
                fingerprint: %s
                owner: omar.haddad@example.test
                reason: decommissioning in December
                approvedBy: ciso@example.test
                expires: 2026-12-31
              - id: EX-3
                rule: shared-account
                account: "*"
                owner: omar.haddad@example.test
                reason: kiosk login
                approvedBy: ciso@example.test
                expires: 2026-12-31
            """
                .formatted(target.fingerprint()));
    Suppression s = Suppression.apply(List.of(target), file, TODAY);
    assertEquals(1, s.suppressed().size());
    assertEquals(
        List.of(
            "EX-3 matches no finding any more: remove it from the exceptions file (owner omar.haddad@example.test)."),
        s.notices());
  }

  @Test
  void incompleteOrOverlongExceptionsAreRefusedWithFileLineAndKey() {
    assertRefused(ENTRY.replace("    owner: olivia.grant@example.test\n", ""), "owner is required");
    assertRefused(ENTRY.replace("    expires: 2027-03-31\n", ""), "expires is required");
    assertRefused(
        ENTRY.replace("reason: emergency access for outages, sealed credentials", "reason: \"\""),
        "reason is required");
    assertRefused(
        ENTRY.replace("2027-03-31", "2028-01-01"),
        "line 8: key exceptions[0].expires: the date is more than 365 days away");
    assertRefused(
        ENTRY.replace("over-privileged", "over-priviledged"),
        "line 3: key exceptions[0].rule: not a rule's id (rollcall rules lists them)");
    assertRefused(ENTRY + ENTRY, "key exceptions[1].id: the id is used twice");
    assertRefused(
        ENTRY.replace("    rule: over-privileged\n", ""),
        "give either fingerprint, or rule and account");
  }

  private void assertRefused(String entries, String message) {
    String text =
        assertThrows(ConfigException.class, () -> read("exceptions:\n" + entries)).getMessage();
    assertTrue(text.contains("exceptions.yaml"), text);
    assertTrue(text.contains(message), text);
  }
}
