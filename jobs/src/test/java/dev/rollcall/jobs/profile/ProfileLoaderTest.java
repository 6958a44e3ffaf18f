package dev.rollcall.jobs.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.detect.ConfiguredRule;
import dev.rollcall.model.Account;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import dev.rollcall.rules.DormantAccount;
import dev.rollcall.rules.Fixtures;
import dev.rollcall.rules.RuleCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
  @TempDir Path dir;

  @Test
  void theDefaultProfileCoversEveryRuleWithClauses() {
    PolicyProfile profile = ProfileLoader.load("default", dir);
    assertEquals(RuleCatalogue.all().size(), profile.rules().size());
    for (RuleSettings<?> rule : profile.rules()) {
      // Only rules that some policies demand and others do not are off by default.
      assertEquals(
          !rule.id().equals("programmatic-access-without-hardware-key"), rule.enabled(), rule.id());
      assertFalse(rule.clauses().isEmpty(), rule.id() + " cites no clause");
    }
    DormantAccount.Settings dormant =
        (DormantAccount.Settings) rule(profile, "dormant-account").settings();
    assertEquals(90, dormant.days());
    assertTrue(
        rule(profile, "dormant-account").clauses().stream()
            .anyMatch(c -> c.text().contains("inactive for over 90 days")));
  }

  @Test
  void aCompanyProfileOverridesWhatItSaysAndKeepsTheRest() throws IOException {
    Path file =
        write(
            """
            name: onyx
            clauses:
              onyx-7.2.7:
                reference: Onyx System Access Policy §7.2.7
                text: Accounts inactive for over 90 days are removed.
            rules:
              dormant-account:
                severity: high
                clauses: [onyx-7.2.7]
                with:
                  days: 60
                  neverUsed: true
              shared-account:
                enabled: false
            """);
    PolicyProfile profile = ProfileLoader.load(file.getFileName().toString(), dir);
    assertEquals("onyx", profile.name());
    RuleSettings<?> dormant = rule(profile, "dormant-account");
    assertEquals(Severity.HIGH, dormant.severity());
    assertEquals(60, ((DormantAccount.Settings) dormant.settings()).days());
    assertEquals("Onyx System Access Policy §7.2.7", dormant.clauses().get(0).reference());
    assertFalse(rule(profile, "shared-account").enabled());
    assertTrue(rule(profile, "unowned-account").enabled());
    assertEquals(Severity.CRITICAL, rule(profile, "access-after-termination").severity());
  }

  @Test
  void aProfileExtendsAnotherFieldByField() throws IOException {
    Files.writeString(
        dir.resolve("base.yaml"), "name: base\nrules:\n  dormant-account:\n    with: {days: 60}\n");
    Files.writeString(
        dir.resolve("team.yaml"),
        "name: team\nextends: base.yaml\nrules:\n  dormant-account:\n    severity: high\n");
    PolicyProfile profile = ProfileLoader.load("team.yaml", dir);
    assertEquals("team", profile.name());
    RuleSettings<?> dormant = rule(profile, "dormant-account");
    assertEquals(Severity.HIGH, dormant.severity());
    assertEquals(60, ((DormantAccount.Settings) dormant.settings()).days());
    assertEquals(Severity.CRITICAL, rule(profile, "access-after-termination").severity());
  }

  @Test
  void aRuleCanBeSetPerSystem() throws IOException {
    Path file =
        write(
            """
            rules:
              dormant-account:
                systems:
                  aws_iam: {severity: high}
                  atlas_database: {enabled: false}
            """);
    RuleSettings<?> dormant =
        rule(ProfileLoader.load(file.getFileName().toString(), dir), "dormant-account");
    assertEquals(Severity.HIGH, dormant.severityFor(SourceSystem.AWS_IAM));
    assertEquals(Severity.MEDIUM, dormant.severityFor(SourceSystem.GOOGLE_WORKSPACE));
    assertFalse(dormant.enabledFor(SourceSystem.ATLAS_DATABASE));
    assertTrue(dormant.enabledFor(SourceSystem.ATLAS_ORG));
    assertEquals(
        90, ((DormantAccount.Settings) dormant.settings()).days(), "with: still the default");
  }

  @Test
  void anUnknownSystemNamesLineAndKey() throws IOException {
    Path file = write("rules:\n  dormant-account:\n    systems:\n      ldap: {enabled: false}\n");
    String message = failure(file);
    assertTrue(message.contains("line 3"), message);
    assertTrue(message.contains("rules.dormant-account.systems"), message);
    assertTrue(message.contains("ldap is not one of aws_iam"), message);
  }

  @Test
  void aCycleOfExtendsIsRefused() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\n");
    Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\n");
    String message =
        assertThrows(ConfigException.class, () -> ProfileLoader.load("a.yaml", dir)).getMessage();
    assertTrue(message.contains("more than 5 deep"), message);
  }

  @Test
  void aBlankNameIsRejected() throws IOException {
    Path file = write("name: \"  \"\nrules: {}\n");
    String message = failure(file);
    assertTrue(message.contains(file.toString()), message);
    assertTrue(message.contains("key name: must not be blank"), message);
  }

  @Test
  void aBadSeverityNamesFileLineAndKey() throws IOException {
    Path file = write("rules:\n  dormant-account:\n    severity: urgent\n");
    String message = failure(file);
    assertTrue(message.contains(file.toString()), message);
    assertTrue(message.contains("line 3"), message);
    assertTrue(message.contains("rules.dormant-account.severity"), message);
  }

  @Test
  void anUnknownKeyNamesFileLineAndKey() throws IOException {
    Path file = write("rules:\n  dormant-account:\n    with:\n      days: 90\n      dayz: 30\n");
    String message = failure(file);
    assertTrue(message.contains("line 5"), message);
    assertTrue(message.contains("dayz"), message);
  }

  @Test
  void aThresholdTheRuleRefusesNamesLineAndKey() throws IOException {
    Path file = write("rules:\n  dormant-account:\n    with:\n      days: 0\n");
    String message = failure(file);
    assertTrue(message.contains("rules.dormant-account.with"), message);
    assertTrue(message.contains("days must be 1 to 3650 days, was 0"), message);
    assertTrue(message.contains("line 3"), message);
  }

  @Test
  void anUnknownRuleIsRefused() throws IOException {
    Path file = write("rules:\n  dormant-acount:\n    enabled: false\n");
    String message = failure(file);
    assertTrue(message.contains("unknown rule 'dormant-acount'"), message);
    assertTrue(message.contains("line 2"), message);
  }

  @Test
  void anUndefinedClauseIsRefusedWithItsLine() throws IOException {
    Path file =
        write(
            "rules:\n  shared-account:\n    clauses:\n      - access-shared\n      - nowhere-1\n");
    String message = failure(file);
    assertTrue(message.contains("line 5"), message);
    assertTrue(message.contains("unknown clause 'nowhere-1'"), message);
  }

  @Test
  void brokenYamlNamesTheLine() throws IOException {
    Path file = write("rules:\n  shared-account: [\n");
    String message = failure(file);
    assertTrue(message.contains(file.toString()), message);
    assertTrue(message.contains("line"), message);
  }

  @Test
  void aMissingProfileFileIsNamed() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ProfileLoader.load("nope.yaml", dir));
    assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
  }

  @Test
  void aProfileThatSetsOneSettingKeepsTheDefaultsOfTheOthers() throws IOException {
    // Only days: neverUsed stays the default profile's false, so a never-used account is
    // never-used-account's alone and not reported twice.
    Path file = write("rules:\n  dormant-account:\n    with:\n      days: 60\n");
    PolicyProfile profile = ProfileLoader.load(file.getFileName().toString(), dir);
    DormantAccount.Settings dormant =
        (DormantAccount.Settings) rule(profile, "dormant-account").settings();
    assertEquals(60, dormant.days());
    assertFalse(dormant.neverUsed(), "neverUsed comes from the default profile");
    assertEquals(Map.of(), dormant.daysBySystem());

    Account neverUsed =
        Fixtures.awsUser("ghost")
            .created(Fixtures.daysAgo(200))
            .lastActivity(Activity.neverUsed("credential report: no use recorded"))
            .build();
    Subject subject = Fixtures.subjectOf(Fixtures.unowned(neverUsed));
    List<String> found =
        profile.enabledRules().stream()
            .flatMap(r -> new ConfiguredRule<>(r).evaluate(subject).stream())
            .map(Finding::ruleId)
            .filter(id -> id.equals("dormant-account") || id.equals("never-used-account"))
            .toList();
    assertEquals(List.of("never-used-account"), found);
  }

  @Test
  void everySettingOfEveryRuleIsInTheDefaultProfile() {
    // Loading reads every rule's settings with every setting required: a rule whose code
    // expected a default would fail here, naming the rule and the missing setting.
    for (RuleSettings<?> rule : ProfileLoader.load("default", dir).rules()) {
      assertTrue(rule.rule().settingsType().isInstance(rule.settings()), rule.id());
    }
  }

  @Test
  void aSettingWrittenEmptyIsRefusedRatherThanDefaulted() throws IOException {
    Path file = write("rules:\n  dormant-account:\n    with:\n      days: 60\n      neverUsed:\n");
    String message = failure(file);
    assertTrue(message.contains("rules.dormant-account.with.neverUsed"), message);
    assertTrue(message.contains("line 5"), message);
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
