package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.config.RollcallConfig;
import dev.rollcall.jobs.profile.ProfileLoader;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo organisation audited under each bundled policy profile: where a document's numbers
 * differ from the default profile's, the findings differ, account by account, and nowhere else. The
 * default profile's findings are the golden list in examples/demo/expected-findings.csv.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoUnderPolicyProfilesTest {
  private static final Path DEMO = Path.of("..", "examples", "demo");

  private final Map<String, List<Finding>> findings = new LinkedHashMap<>();
  private TreeSet<String> golden;

  @BeforeAll
  void runTheDemoUnderEachProfile(SparkSession spark, @TempDir Path dir) throws IOException {
    golden = new TreeSet<>();
    List<String> lines = Files.readAllLines(DEMO.resolve("expected-findings.csv"));
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        golden.add(line.strip());
      }
    }
    ConfigLoader.Loaded demo = ConfigLoader.load(DEMO.resolve("rollcall.yaml"));
    NightlyRun job = new NightlyRun(SparkStart.of(spark), "test");
    Clock night = Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC);
    for (String name : ProfileLoader.bundled()) {
      RollcallConfig c = demo.config();
      RollcallConfig config =
          new RollcallConfig(
              c.organisation(),
              c.domains(),
              name,
              c.output(),
              c.store(),
              c.sources(),
              c.correlation());
      ConfigLoader.Loaded loaded = new ConfigLoader.Loaded(config, demo.file(), demo.baseDir());
      RunOutcome outcome =
          job.run(new RunOptions(loaded, Severity.HIGH, dir.resolve(name), night, Map.of()));
      findings.put(name, outcome.findings());
    }
  }

  @Test
  void eachProfileDiffersFromTheDefaultExactlyWhereItsNumbersDo() {
    List<String> virtualTotpAdmins =
        List.of(
            "weak-mfa-for-privileged,aws_iam,111122223333,dan.wright",
            "weak-mfa-for-privileged,aws_iam,111122223333,rachel.green",
            "weak-mfa-for-privileged,aws_iam,111122223333,sofia.rossi",
            "weak-mfa-for-privileged,aws_iam,111122223333,sysadmin1",
            "weak-mfa-for-privileged,aws_iam,444455556666,staging-admin");
    Map<String, List<String>> dropped = new LinkedHashMap<>();
    Map<String, List<String>> added = new LinkedHashMap<>();
    // §7.12.4: 120 days for everyone; §7.2.16: TOTP is the second factor.
    dropped.put(
        "luma",
        concat(
            List.of(
                "password-too-old,aws_iam,111122223333,kevin.otto",
                "password-too-old,aws_iam,111122223333,lisa.park",
                "password-too-old,aws_iam,111122223333,olivia.grant"),
            virtualTotpAdmins));
    // Chapter 9 sets no number: the same findings, other clauses.
    dropped.put("luma-config", List.of());
    // §7.12.3 is the default's 90/60 days; §7.2.12: TOTP is the second factor.
    dropped.put("onyx", virtualTotpAdmins);
    // §7.12.4: 180 days, 90 for administrators; §7.2.1.12 asks administrators for no kind of
    // factor.
    dropped.put(
        "waytohealth",
        concat(
            List.of(
                "password-too-old,aws_iam,111122223333,aaron.fox",
                "password-too-old,aws_iam,111122223333,kevin.otto",
                "password-too-old,aws_iam,111122223333,lisa.park",
                "password-too-old,aws_iam,111122223333,olivia.grant"),
            virtualTotpAdmins));
    // §7.2.12: TOTP or a security key; §7.12.3: a security key for programmatic access.
    dropped.put("nashbio", virtualTotpAdmins);
    added.put(
        "nashbio",
        List.of(
            "programmatic-access-without-hardware-key,aws_iam,111122223333,omar.haddad",
            "programmatic-access-without-hardware-key,aws_iam,111122223333,xenia.pappas",
            "programmatic-access-without-hardware-key,aws_iam,111122223333,zara.hughes"));
    assertEquals(dropped.keySet(), findings.keySet());
    for (String name : findings.keySet()) {
      TreeSet<String> actual = keys(findings.get(name));
      TreeSet<String> missing = new TreeSet<>(golden);
      missing.removeAll(actual);
      TreeSet<String> extra = new TreeSet<>(actual);
      extra.removeAll(golden);
      assertEquals(new TreeSet<>(dropped.get(name)), missing, name + ": not found");
      assertEquals(new TreeSet<>(added.getOrDefault(name, List.of())), extra, name + ": new");
    }
  }

  @Test
  void passwordsAreHeldToEachDocumentsExpiry() {
    // lisa.park's password is 120 days old: over Onyx's 90, within Luma's 120 and WayToHealth's
    // 180.
    assertTrue(flagged("onyx", "password-too-old", "lisa.park"));
    assertFalse(flagged("luma", "password-too-old", "lisa.park"));
    assertFalse(flagged("waytohealth", "password-too-old", "lisa.park"));
    // aaron.fox's is 150 days old: over Luma's 120, within WayToHealth's 180.
    Finding aaron = finding("luma", "password-too-old", "aaron.fox");
    assertEquals("120 days", evidence(aaron, "maximum age"));
    assertEquals(List.of("Luma System Access Policy §7.12.4"), ownClauses(aaron, "Luma"));
    assertFalse(flagged("waytohealth", "password-too-old", "aaron.fox"));
    // olivia.grant, an administrator, changed hers 80 days ago: over Onyx's 60 for
    // administrators, within WayToHealth's 90 and Luma's 120.
    Finding olivia = finding("onyx", "password-too-old", "olivia.grant");
    assertEquals("60 days (administrators)", evidence(olivia, "maximum age"));
    assertFalse(flagged("waytohealth", "password-too-old", "olivia.grant"));
    assertFalse(flagged("luma", "password-too-old", "olivia.grant"));
    // tom.baker's is 200 days old: over every document's limit.
    Finding tom = finding("waytohealth", "password-too-old", "tom.baker");
    assertEquals("180 days", evidence(tom, "maximum age"));
    assertEquals(
        List.of("WayToHealth System Access Policy §7.12.4"), ownClauses(tom, "WayToHealth"));
    for (String name : List.of("luma", "luma-config", "onyx", "nashbio")) {
      assertTrue(flagged(name, "password-too-old", "tom.baker"), name);
    }
  }

  @Test
  void anAuthenticatorAppMeetsThePoliciesThatNameTotp() {
    // dan.wright holds * on * with a virtual TOTP only: weak for the default profile, the very
    // factor Luma §7.2.16, Onyx §7.2.12 and NashBio §7.2.12 name.
    assertTrue(golden.contains("weak-mfa-for-privileged,aws_iam,111122223333,dan.wright"));
    for (String name : List.of("luma", "onyx", "nashbio", "waytohealth")) {
      assertFalse(flagged(name, "weak-mfa-for-privileged", "dan.wright"), name);
    }
    // He still holds * on * as his only login, whatever the factor.
    for (String name : findings.keySet()) {
      assertTrue(flagged(name, "over-privileged", "dan.wright"), name);
    }
  }

  @Test
  void nashBioAsksASecurityKeyOfEveryPersonWithAnAccessKey() {
    Finding xenia = finding("nashbio", "programmatic-access-without-hardware-key", "xenia.pappas");
    assertEquals(List.of("NashBio System Access Policy §7.12.3"), ownClauses(xenia, "NashBio"));
    assertTrue(evidence(xenia, "MFA").contains("virtual totp"), xenia.evidence().toString());
    // ci-deploy's keys belong to a program, not a person.
    assertFalse(flagged("nashbio", "programmatic-access-without-hardware-key", "ci-deploy"));
    for (String name : List.of("luma", "luma-config", "onyx", "waytohealth")) {
      assertFalse(flagged(name, "programmatic-access-without-hardware-key", "xenia.pappas"), name);
    }
  }

  @Test
  void findingsCiteTheDocumentOfTheProfileTheyRanUnder() {
    Map<String, String> dormant = new LinkedHashMap<>();
    dormant.put("luma", "Luma System Access Policy §7.2.9");
    dormant.put("onyx", "Onyx System Access Policy §7.2.7");
    dormant.put("waytohealth", "WayToHealth System Access Policy §7.2.1.7");
    dormant.put("nashbio", "NashBio System Access Policy §7.2.7");
    dormant.forEach(
        (name, reference) -> {
          Finding kevin = finding(name, "dormant-account", "kevin.otto");
          assertTrue(references(kevin).contains(reference), name + ": " + references(kevin));
          assertTrue(
              kevin.clauses().stream().anyMatch(c -> c.text().contains("inactive for over 90")),
              name);
        });
    Finding root =
        findings.get("luma-config").stream()
            .filter(
                f ->
                    f.ruleId().equals("root-account-risk")
                        && f.account().tenant().equals("111122223333"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        references(root).contains("Luma Configuration Management Policy §9.2.7"),
        references(root).toString());
    // it-support@ signed in from two addresses four minutes apart: someone used another's id.
    Finding shared = finding("luma", "concurrent-sign-ins", "it-support@meridianhealth.example");
    assertTrue(
        references(shared).contains("Luma System Access Policy §7.12.2"),
        references(shared).toString());
    Finding termination = finding("waytohealth", "access-after-termination", "tom.baker");
    assertTrue(
        references(termination).contains("WayToHealth System Access Policy §7.10.1"),
        references(termination).toString());
  }

  private boolean flagged(String profile, String rule, String account) {
    return findings.get(profile).stream()
        .anyMatch(f -> f.ruleId().equals(rule) && f.accountName().equals(account));
  }

  private Finding finding(String profile, String rule, String account) {
    return findings.get(profile).stream()
        .filter(f -> f.ruleId().equals(rule) && f.accountName().equals(account))
        .findFirst()
        .orElseThrow(() -> new AssertionError(profile + ": no " + rule + " on " + account));
  }

  private static String evidence(Finding finding, String label) {
    return finding.evidence().stream()
        .filter(e -> e.label().equals(label))
        .map(Evidence::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError(label + " not in " + finding.evidence()));
  }

  /** The clauses a finding cites from the company's own document (not HIPAA or HITRUST). */
  private static List<String> ownClauses(Finding finding, String company) {
    return references(finding).stream().filter(r -> r.startsWith(company + " ")).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  private static TreeSet<String> keys(List<Finding> list) {
    TreeSet<String> keys = new TreeSet<>();
    for (Finding f : list) {
      keys.add(
          String.join(
              ",",
              f.ruleId(),
              f.account().system().name().toLowerCase(Locale.ROOT),
              f.account().tenant(),
              f.accountName()));
    }
    return keys;
  }

  static List<String> references(Finding f) {
    return f.clauses().stream().map(PolicyClause::reference).toList();
  }
}
