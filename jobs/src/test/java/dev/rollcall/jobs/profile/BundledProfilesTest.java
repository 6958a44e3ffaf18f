package dev.rollcall.jobs.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.YamlFiles;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.rules.AccessLeftAfterTermination;
import dev.rollcall.rules.DormantAccount;
import dev.rollcall.rules.GenericAccountName;
import dev.rollcall.rules.PasswordPolicyTooWeak;
import dev.rollcall.rules.PasswordTooOld;
import dev.rollcall.rules.ProgrammaticAccessWithoutHardwareKey;
import dev.rollcall.rules.TemporaryAccountExpired;
import dev.rollcall.rules.WeakMfaForPrivileged;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The profiles bundled in the jar, one per policy document in ../shared/policies/: each loads over
 * the default, cites its own document on every rule it changes, and holds the document's numbers.
 */
class BundledProfilesTest {
  /** Each bundled profile and how its clauses name the document it comes from. */
  private static final Map<String, String> DOCUMENTS = documents();

  @TempDir Path dir;

  private static Map<String, String> documents() {
    Map<String, String> documents = new LinkedHashMap<>();
    documents.put("luma", "Luma System Access Policy §");
    documents.put("luma-config", "Luma Configuration Management Policy §");
    documents.put("onyx", "Onyx System Access Policy §");
    documents.put("waytohealth", "WayToHealth System Access Policy §");
    documents.put("nashbio", "NashBio System Access Policy §");
    return documents;
  }

  static Stream<String> names() {
    return DOCUMENTS.keySet().stream();
  }

  @Test
  void theIndexListsOneProfilePerPolicyDocument() {
    assertEquals(List.copyOf(DOCUMENTS.keySet()), ProfileLoader.bundled());
  }

  @ParameterizedTest
  @MethodSource("names")
  void loadsByNameOverTheDefaultAndDescribesItsDocument(String name) {
    PolicyProfile profile = ProfileLoader.load(name, dir);
    assertEquals(name, profile.name());
    assertTrue(profile.source().contains("in the rollcall jar"), profile.source());
    ProfileFile file = file(name);
    assertEquals("default", file.base());
    String document = DOCUMENTS.get(name).replace(" §", "");
    assertTrue(file.description().startsWith(document), file.description());
    for (RuleSettings<?> rule : profile.rules()) {
      assertFalse(rule.clauses().isEmpty(), name + ": " + rule.id() + " cites no clause");
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyRuleItChangesCitesItsOwnDocument(String name) {
    PolicyProfile defaults = ProfileLoader.load("default", dir);
    PolicyProfile profile = ProfileLoader.load(name, dir);
    Set<String> own =
        file(name).clauses().values().stream()
            .map(ClauseDef::reference)
            .collect(Collectors.toSet());
    assertFalse(own.isEmpty(), name + " defines no clause of its own");
    for (String reference : own) {
      assertTrue(reference.startsWith(DOCUMENTS.get(name)), name + ": " + reference);
    }
    Set<String> cited = new HashSet<>();
    int changed = 0;
    for (int i = 0; i < profile.rules().size(); i++) {
      RuleSettings<?> base = defaults.rules().get(i);
      RuleSettings<?> rule = profile.rules().get(i);
      assertEquals(base.id(), rule.id());
      rule.clauses().stream().map(PolicyClause::reference).forEach(cited::add);
      boolean differs =
          base.enabled() != rule.enabled()
              || base.severity() != rule.severity()
              || !base.settings().equals(rule.settings())
              || !base.clauses().equals(rule.clauses());
      if (differs) {
        changed++;
        assertTrue(
            rule.clauses().stream().anyMatch(c -> own.contains(c.reference())),
            name + ": " + rule.id() + " differs from the default but cites none of " + own);
      }
    }
    assertTrue(changed > 0, name + " changes nothing");
    Set<String> unused = new HashSet<>(own);
    unused.removeAll(cited);
    assertEquals(Set.of(), unused, name + " defines clauses no rule cites");
  }

  @Test
  void lumaExpiresPasswordsAfter120DaysAndAcceptsTotp() {
    PolicyProfile luma = ProfileLoader.load("luma", dir);
    PasswordTooOld.Settings age = settings(luma, "password-too-old", PasswordTooOld.Settings.class);
    assertEquals(120, age.days());
    assertEquals(120, age.adminDays());
    PasswordPolicyTooWeak.Settings policy =
        settings(luma, "password-policy-weaker-than-policy", PasswordPolicyTooWeak.Settings.class);
    assertEquals(12, policy.minimumLength());
    assertEquals(3, policy.minimumCharacterClasses());
    assertEquals(120, policy.maxAgeDays());
    assertNull(policy.reusePrevention());
    assertEquals(90, settings(luma, "dormant-account", DormantAccount.Settings.class).days());
    assertFalse(settings(luma, "dormant-account", DormantAccount.Settings.class).neverUsed());
    List<MfaFactorType> factors =
        settings(luma, "weak-mfa-for-privileged", WeakMfaForPrivileged.Settings.class)
            .requiredFactors();
    assertTrue(factors.contains(MfaFactorType.VIRTUAL_TOTP), factors.toString());
    assertFalse(factors.contains(MfaFactorType.SMS) || factors.contains(MfaFactorType.PUSH));
    assertFalse(rule(luma, "programmatic-access-without-hardware-key").enabled());
    assertCites(luma, "password-too-old", "Luma System Access Policy §7.12.4");
    assertCites(luma, "dormant-account", "Luma System Access Policy §7.2.9");
    assertCites(luma, "generic-account-name", "Luma System Access Policy §7.2.13");
    assertCites(luma, "concurrent-sign-ins", "Luma System Access Policy §7.12.2");
  }

  @Test
  void lumaConfigurationCitesDefaultAccountsAndLeastPrivilegeAndSetsNoNumber() {
    PolicyProfile defaults = ProfileLoader.load("default", dir);
    PolicyProfile config = ProfileLoader.load("luma-config", dir);
    for (int i = 0; i < defaults.rules().size(); i++) {
      RuleSettings<?> base = defaults.rules().get(i);
      RuleSettings<?> rule = config.rules().get(i);
      assertEquals(base.enabled(), rule.enabled(), rule.id());
      assertEquals(base.settings(), rule.settings(), rule.id());
    }
    assertCites(config, "root-account-risk", "Luma Configuration Management Policy §9.2.7");
    assertCites(config, "over-privileged", "Luma Configuration Management Policy §9.2.10");
    assertCites(config, "too-many-admins", "Luma Configuration Management Policy §9.2.10");
  }

  @Test
  void onyxExpiresPasswordsAfter90DaysAnd60ForAdministrators() {
    PolicyProfile onyx = ProfileLoader.load("onyx", dir);
    PasswordTooOld.Settings age = settings(onyx, "password-too-old", PasswordTooOld.Settings.class);
    assertEquals(90, age.days());
    assertEquals(60, age.adminDays());
    PasswordPolicyTooWeak.Settings policy =
        settings(onyx, "password-policy-weaker-than-policy", PasswordPolicyTooWeak.Settings.class);
    assertEquals(8, policy.minimumLength());
    assertEquals(3, policy.minimumCharacterClasses());
    assertEquals(90, policy.maxAgeDays());
    assertEquals(6, policy.reusePrevention());
    assertEquals(90, settings(onyx, "dormant-account", DormantAccount.Settings.class).days());
    assertTrue(
        settings(onyx, "weak-mfa-for-privileged", WeakMfaForPrivileged.Settings.class)
            .requiredFactors()
            .contains(MfaFactorType.VIRTUAL_TOTP));
    assertCites(onyx, "root-account-risk", "Onyx System Access Policy §7.6.4");
    assertCites(onyx, "password-policy-weaker-than-policy", "Onyx System Access Policy §7.12.3");
  }

  @Test
  void wayToHealthExpiresPasswordsAfter180DaysAndRemovesAccessWithin24Hours() {
    PolicyProfile wth = ProfileLoader.load("waytohealth", dir);
    PasswordTooOld.Settings age = settings(wth, "password-too-old", PasswordTooOld.Settings.class);
    assertEquals(180, age.days());
    assertEquals(90, age.adminDays());
    PasswordPolicyTooWeak.Settings policy =
        settings(wth, "password-policy-weaker-than-policy", PasswordPolicyTooWeak.Settings.class);
    assertEquals(8, policy.minimumLength());
    assertEquals(180, policy.maxAgeDays());
    assertEquals(6, policy.reusePrevention());
    assertEquals(
        24,
        settings(wth, "access-after-termination", AccessLeftAfterTermination.Settings.class)
            .deadlineHours());
    assertCites(wth, "access-after-termination", "WayToHealth System Access Policy §7.10.1");
    // Duo is the second factor (§7.2.1.12); no factor kind is demanded of administrators.
    assertFalse(rule(wth, "weak-mfa-for-privileged").enabled());
    assertTrue(
        settings(wth, "generic-account-name", GenericAccountName.Settings.class)
            .privilegeWords()
            .contains("sysadmin"));
    assertCites(wth, "generic-account-name", "WayToHealth System Access Policy §7.6.7");
    assertCites(wth, "several-accounts-one-system", "WayToHealth System Access Policy §7.6.8");
    assertCites(wth, "dormant-account", "WayToHealth System Access Policy §7.2.1.7");
  }

  @Test
  void nashBioDemandsSecurityKeysForProgrammaticAccessAndLimitsTermPositionsToAYear() {
    PolicyProfile nashbio = ProfileLoader.load("nashbio", dir);
    RuleSettings<?> programmatic = rule(nashbio, "programmatic-access-without-hardware-key");
    assertTrue(programmatic.enabled());
    assertTrue(
        settings(
                nashbio,
                "programmatic-access-without-hardware-key",
                ProgrammaticAccessWithoutHardwareKey.Settings.class)
            .hardwareFactors()
            .contains(MfaFactorType.SECURITY_KEY));
    assertCites(
        nashbio,
        "programmatic-access-without-hardware-key",
        "NashBio System Access Policy §7.12.3");
    TemporaryAccountExpired.Settings temporary =
        settings(nashbio, "temporary-account-expired", TemporaryAccountExpired.Settings.class);
    assertEquals(365, temporary.maxTermDays());
    assertFalse(temporary.expiryTags().isEmpty());
    assertCites(nashbio, "temporary-account-expired", "NashBio System Access Policy §7.18.2.2");
    List<MfaFactorType> factors =
        settings(nashbio, "weak-mfa-for-privileged", WeakMfaForPrivileged.Settings.class)
            .requiredFactors();
    assertTrue(
        factors.containsAll(List.of(MfaFactorType.VIRTUAL_TOTP, MfaFactorType.SECURITY_KEY)),
        factors.toString());
    PasswordPolicyTooWeak.Settings policy =
        settings(
            nashbio, "password-policy-weaker-than-policy", PasswordPolicyTooWeak.Settings.class);
    assertEquals(8, policy.minimumLength());
    assertEquals(3, policy.minimumCharacterClasses());
    assertNull(policy.maxAgeDays());
    assertNull(policy.reusePrevention());
    assertCites(
        nashbio, "service-account-used-interactively", "NashBio System Access Policy §7.18.3.1");
    assertCites(nashbio, "several-accounts-one-system", "NashBio System Access Policy §7.18.1.3");
  }

  private static ProfileFile file(String name) {
    String resource = "/dev/rollcall/jobs/profile/policies/" + name + ".yaml";
    try (InputStream in = BundledProfilesTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      return YamlFiles.read(
          in, YamlFiles.strictMapper().constructType(ProfileFile.class), resource);
    } catch (IOException e) {
      throw new AssertionError(resource, e);
    }
  }

  private static RuleSettings<?> rule(PolicyProfile profile, String id) {
    return profile.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private static <S> S settings(PolicyProfile profile, String id, Class<S> type) {
    return type.cast(rule(profile, id).settings());
  }

  private static void assertCites(PolicyProfile profile, String id, String reference) {
    List<String> cited = rule(profile, id).clauses().stream().map(PolicyClause::reference).toList();
    assertTrue(
        cited.stream().anyMatch(r -> r.endsWith(reference)),
        profile.name() + ": " + id + " cites " + cited + ", not " + reference);
  }
}
