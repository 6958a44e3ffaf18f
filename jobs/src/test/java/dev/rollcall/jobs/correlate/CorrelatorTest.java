package dev.rollcall.jobs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.Ownership;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrelatorTest {
  private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
  private static final String TENANT = "111122223333";

  private final Identity ann =
      person("ann.lee@example.test", List.of("ann.lee@example.test", "al@example-care.test"));
  private final Identity bob = person("bob.ray@example.test", List.of("bob.ray@example.test"));

  private Map<String, AccountView> views;
  private Map<String, Subject> subjects;

  @BeforeAll
  void correlate() {
    List<Account> accounts =
        List.of(
            google("1", "ann.lee@example.test"),
            google("2", "bob.ray@example.test"),
            aws("tagged", Map.of("owner", "bob.ray@example.test")),
            // The tag is stronger than the name: bob owns it although the name is ann's.
            aws("ann.lee", Map.of("owner", "bob.ray@example.test")),
            aws("plain.ann.by.name", Map.of()),
            aws("al", Map.of()),
            aws("pair", Map.of("owner", "ann.lee@example.test; bob.ray@example.test")),
            aws("ghosted", Map.of("owner", "ghost@example.test")),
            aws("root", Map.of()),
            aws("nobody", Map.of()),
            other(SourceSystem.ATLAS_ORG, "Bob.Ray@example.test", null, List.of()),
            other(
                SourceSystem.AWS_IDENTITY_CENTER, "ic-ann", null, List.of("al@example-care.test")),
            other(SourceSystem.AWS_IAM, "contractor", "Ann  Lée", List.of()),
            named("tagged-ann", "Ann Lee", Map.of("owner", "bob.ray@example.test")));
    MappingFile mapping =
        new MappingFile(
            Map.of(
                MappingFile.key(SourceSystem.AWS_IAM, TENANT, "root"),
                List.of("ann.lee@example.test")));
    var viewData =
        Correlator.correlate(
            accounts,
            Directory.of(List.of(ann, bob), 50),
            new LinkCandidates(
                mapping, List.of("owner"), List.of("example.test", "example-care.test")));
    views =
        viewData.stream().collect(Collectors.toMap(v -> v.account().name(), Function.identity()));
    subjects =
        Correlator.subjects(viewData).stream()
            .collect(Collectors.toMap(Subject::key, Function.identity()));
  }

  @Test
  void everyAccountGetsExactlyOneView() {
    assertEquals(14, views.size());
  }

  @Test
  void directoryAccountsOwnThemselves() {
    AccountView google = views.get("ann.lee@example.test");
    assertEquals(List.of("ann.lee@example.test"), google.personIds());
    assertEquals(LinkRule.DIRECTORY, google.owners().get(0).rule());
  }

  @Test
  void theStrongestRuleWins() {
    AccountView view = views.get("ann.lee");
    assertEquals(List.of("bob.ray@example.test"), view.personIds());
    assertEquals(LinkRule.OWNER_TAG, view.owners().get(0).rule());
    assertEquals(LinkRule.MAPPING_FILE, views.get("root").owners().get(0).rule());
  }

  @Test
  void aNameAtACompanyDomainMatchesAnAlias() {
    AccountView view = views.get("al");
    assertEquals(List.of("ann.lee@example.test"), view.personIds());
    assertEquals(LinkRule.NAME_AT_COMPANY_DOMAIN, view.owners().get(0).rule());
  }

  @Test
  void equallyStrongLinksToSeveralPeopleMakeASharedAccount() {
    AccountView pair = views.get("pair");
    assertEquals(Ownership.SHARED, pair.ownership());
    assertEquals(List.of("ann.lee@example.test", "bob.ray@example.test"), pair.personIds());
  }

  @Test
  void anOwnerClaimThatMatchesNobodyIsKeptAsEvidence() {
    AccountView ghosted = views.get("ghosted");
    assertEquals(Ownership.UNOWNED, ghosted.ownership());
    assertEquals(
        List.of("ghost@example.test (owner=ghost@example.test)"), ghosted.unresolvedClaims());
    assertEquals(Ownership.UNOWNED, views.get("nobody").ownership());
    assertEquals(Ownership.UNOWNED, views.get("plain.ann.by.name").ownership());
  }

  @Test
  void subjectsGroupEachPersonsAccountsAndKeepUnownedOnesApart() {
    Subject annSubject = subjects.get("ann.lee@example.test");
    assertEquals(ann, annSubject.person());
    assertEquals(
        List.of("al", "ann.lee@example.test", "ic-ann", "pair", "root"),
        annSubject.accounts().stream().map(v -> v.account().name()).sorted().toList());
    assertEquals(
        List.of(
            "Bob.Ray@example.test",
            "ann.lee",
            "bob.ray@example.test",
            "pair",
            "tagged",
            "tagged-ann"),
        subjects.get("bob.ray@example.test").accounts().stream()
            .map(v -> v.account().name())
            .sorted()
            .toList());
    Subject nobody = subjects.get("unowned:" + views.get("nobody").account().id());
    assertNull(nobody.person());
    assertEquals(1, nobody.accounts().size());
    assertEquals(2 + 4, subjects.size());
  }

  @Test
  void eachSystemsOwnEvidenceIsNamed() {
    AccountView atlas = views.get("Bob.Ray@example.test");
    assertEquals(LinkRule.ATLAS_ORG_USERNAME, atlas.owners().get(0).rule());
    AccountView identityCenter = views.get("ic-ann");
    assertEquals(List.of("ann.lee@example.test"), identityCenter.personIds());
    assertEquals(LinkRule.IDENTITY_CENTER, identityCenter.owners().get(0).rule());
  }

  @Test
  void aNameMatchAloneIsOnlyAProbableOwner() {
    AccountView contractor = views.get("contractor");
    assertEquals(Ownership.UNOWNED, contractor.ownership());
    assertEquals(
        List.of("ann.lee@example.test"),
        contractor.probableOwners().stream().map(o -> o.person().personId()).toList());
    assertEquals(LinkRule.NAME_MATCH, contractor.probableOwners().get(0).rule());
    AccountView tagged = views.get("tagged-ann");
    assertEquals(List.of("bob.ray@example.test"), tagged.personIds());
    assertTrue(tagged.probableOwners().isEmpty(), "a stronger link leaves no probable owner");
  }

  private static Identity person(String id, List<String> emails) {
    String local = id.substring(0, id.indexOf('@'));
    String given = Character.toUpperCase(local.charAt(0)) + local.substring(1, local.indexOf('.'));
    String family = local.substring(local.indexOf('.') + 1);
    return new Identity(
        id,
        id,
        given,
        Character.toUpperCase(family.charAt(0)) + family.substring(1),
        emails,
        PersonStatus.ACTIVE,
        "Google Workspace: active",
        null,
        new AccountKey(SourceSystem.GOOGLE_WORKSPACE, "example.test", id));
  }

  private static Account google(String id, String email) {
    return Account.builder(
            new AccountKey(SourceSystem.GOOGLE_WORKSPACE, "example.test", id), email, NOW)
        .emails(List.of(email))
        .lastActivity(Activity.unknown("x"))
        .mfa(Mfa.unknown("x"))
        .build();
  }

  private static Account other(
      SourceSystem system, String name, String displayName, List<String> emails) {
    return Account.builder(new AccountKey(system, "t", "id-" + name), name, NOW)
        .displayName(displayName)
        .emails(emails)
        .lastActivity(Activity.unknown("x"))
        .mfa(Mfa.unknown("x"))
        .build();
  }

  private static Account named(String name, String displayName, Map<String, String> tags) {
    return Account.builder(new AccountKey(SourceSystem.AWS_IAM, TENANT, "id-" + name), name, NOW)
        .displayName(displayName)
        .tags(tags)
        .lastActivity(Activity.unknown("x"))
        .mfa(Mfa.unknown("x"))
        .build();
  }

  private static Account aws(String name, Map<String, String> tags) {
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, TENANT, "AIDA" + name.replace('.', 'X')),
            name,
            NOW)
        .tags(tags)
        .lastActivity(Activity.unknown("x"))
        .mfa(Mfa.unknown("x"))
        .build();
  }
}
