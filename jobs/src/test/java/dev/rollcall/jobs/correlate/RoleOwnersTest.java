package dev.rollcall.jobs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.Owner;
import dev.rollcall.model.Ownership;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.RoleAssumer;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A role is owned by the people who can assume it, through the accounts they own, along chains. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleOwnersTest {
  private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
  private static final String TENANT = "111122223333";
  private static final String BOB = "bob@corp.example";
  private static final String ANN = "ann@corp.example";
  private static final String CAROL = "carol@corp.example";

  private Map<String, AccountView> views;
  private Map<String, Subject> subjects;

  @BeforeAll
  void correlate() {
    Account bob = user("bob", BOB);
    Account ann = user("ann", ANN);
    Account hop = role("ops-hop", Map.of(), List.of(assumer(RoleAssumer.Type.USER, bob)));
    Account cycleC = role("cycle-c", Map.of(), new ArrayList<>());
    Account cycleD = role("cycle-d", Map.of(), List.of(assumer(RoleAssumer.Type.ROLE, cycleC)));
    cycleC =
        cycleC.toBuilder()
            .assumers(
                List.of(
                    assumer(RoleAssumer.Type.ROLE, cycleD), assumer(RoleAssumer.Type.USER, ann)))
            .build();
    List<Account> accounts =
        List.of(
            bob,
            ann,
            role(
                "bob-reader",
                Map.of(),
                List.of(
                    new RoleAssumer(
                        RoleAssumer.Type.USER,
                        "arn:aws:iam::" + TENANT + ":user/bob",
                        bob.id(),
                        List.of("aws:MultiFactorAuthPresent is true"),
                        "trust Statement[0]"))),
            hop,
            role("platform-admin", Map.of(), List.of(assumer(RoleAssumer.Type.ROLE, hop))),
            role(
                "ecs-task",
                Map.of(),
                List.of(
                    new RoleAssumer(
                        RoleAssumer.Type.SERVICE,
                        "ecs-tasks.amazonaws.com",
                        null,
                        List.of(),
                        "trust Statement[0]"))),
            role("billing", Map.of("owner", CAROL), List.of(assumer(RoleAssumer.Type.USER, ann))),
            role("bob-own", Map.of("owner", BOB), List.of(assumer(RoleAssumer.Type.USER, bob))),
            role(
                "outsider",
                Map.of(),
                List.of(
                    new RoleAssumer(
                        RoleAssumer.Type.USER,
                        "arn:aws:iam::999988887777:user/bob",
                        "aws_iam:999988887777:AIDAGHOST",
                        List.of(),
                        "trust Statement[0]"))),
            cycleC,
            cycleD);
    var viewData =
        Correlator.correlate(
            accounts,
            Directory.of(List.of(person(BOB), person(ANN), person(CAROL)), 50),
            new LinkCandidates(MappingFile.empty(), List.of("owner"), List.of()));
    views =
        viewData.stream().collect(Collectors.toMap(v -> v.account().name(), Function.identity()));
    subjects =
        Correlator.subjects(viewData).stream()
            .collect(Collectors.toMap(Subject::key, Function.identity()));
  }

  @Test
  void aRoleIsOwnedByTheOwnerOfAUserWhoCanAssumeIt() {
    AccountView reader = views.get("bob-reader");
    assertEquals(List.of(BOB), reader.personIds());
    Owner owner = reader.owners().get(0);
    assertEquals(LinkRule.ASSUMES_ROLE, owner.rule());
    assertEquals(
        "can assume it as IAM user bob when aws:MultiFactorAuthPresent is true"
            + " (bob owned by owner/email tag: owner="
            + BOB
            + ")",
        owner.evidence());
  }

  @Test
  void aRoleChainMakesTheFirstUsersOwnerAnOwnerOfTheLastRole() {
    AccountView admin = views.get("platform-admin");
    assertEquals(List.of(BOB), admin.personIds());
    assertEquals(
        "can assume it as IAM role ops-hop (ops-hop: can assume it as IAM user bob"
            + " (bob owned by owner/email tag: owner="
            + BOB
            + "))",
        admin.owners().get(0).evidence());
  }

  @Test
  void aServiceRoleHasNoOwner() {
    assertEquals(Ownership.UNOWNED, views.get("ecs-task").ownership());
  }

  @Test
  void aRolesOwnTagAndItsAssumersBothOwnIt() {
    AccountView billing = views.get("billing");
    assertEquals(List.of(ANN, CAROL), billing.personIds());
    assertEquals(LinkRule.ASSUMES_ROLE, billing.owners().get(0).rule());
    assertEquals(LinkRule.OWNER_TAG, billing.owners().get(1).rule());
  }

  @Test
  void aPersonIsListedOnceWithTheStrongestEvidence() {
    AccountView own = views.get("bob-own");
    assertEquals(List.of(BOB), own.personIds());
    assertEquals(LinkRule.OWNER_TAG, own.owners().get(0).rule());
  }

  @Test
  void anAssumerTheInventoryDoesNotHaveGivesNoOwner() {
    assertEquals(Ownership.UNOWNED, views.get("outsider").ownership());
  }

  @Test
  void rolesThatTrustEachOtherEndWithTheShortestPath() {
    assertEquals(List.of(ANN), views.get("cycle-c").personIds());
    assertEquals(
        "can assume it as IAM user ann (ann owned by owner/email tag: owner=" + ANN + ")",
        views.get("cycle-c").owners().get(0).evidence());
    assertEquals(List.of(ANN), views.get("cycle-d").personIds());
    assertTrue(
        views
            .get("cycle-d")
            .owners()
            .get(0)
            .evidence()
            .startsWith(
                "can assume it as IAM role" + " cycle-c (cycle-c: can assume it as IAM user ann"),
        views.get("cycle-d").owners().get(0).evidence());
  }

  @Test
  void aRoleHeldOnlyThroughItsAssumersIsItsOwnSubjectAndATaggedRoleStaysWithItsOwners() {
    assertEquals(List.of("bob", "bob-own"), names(subjects.get(BOB)));
    assertEquals(List.of("ann", "billing"), names(subjects.get(ANN)));
    assertEquals(List.of("billing"), names(subjects.get(CAROL)));
    for (String role : List.of("bob-reader", "ops-hop", "platform-admin", "cycle-c", "cycle-d")) {
      Subject alone = subjects.get("role:" + views.get(role).account().id());
      assertEquals(List.of(role), names(alone), role);
      assertEquals(null, alone.person(), role);
    }
    assertEquals(3 + 5 + 2, subjects.size(), "ecs-task and outsider stand alone, unowned");
  }

  private static List<String> names(Subject subject) {
    return subject.accounts().stream().map(v -> v.account().name()).sorted().toList();
  }

  private static RoleAssumer assumer(RoleAssumer.Type type, Account account) {
    String kind = type == RoleAssumer.Type.USER ? "user" : "role";
    return new RoleAssumer(
        type,
        "arn:aws:iam::" + TENANT + ":" + kind + "/" + account.name(),
        account.id(),
        List.of(),
        "trust Statement[0]");
  }

  private static Account user(String name, String owner) {
    return Account.builder(new AccountKey(SourceSystem.AWS_IAM, TENANT, "AIDA" + name), name, NOW)
        .kind(AccountKind.HUMAN, "x")
        .tags(Map.of("owner", owner))
        .lastActivity(Activity.unknown("x"))
        .mfa(Mfa.unknown("x"))
        .build();
  }

  private static Account role(String name, Map<String, String> tags, List<RoleAssumer> assumers) {
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, TENANT, "AROA" + name.replace("-", "")), name, NOW)
        .kind(AccountKind.ROLE, "IAM role")
        .tags(tags)
        .assumers(assumers)
        .lastActivity(Activity.unknown("x"))
        .mfa(Mfa.unknown("never asked"))
        .build();
  }

  private static Identity person(String email) {
    return new Identity(
        email,
        null,
        null,
        null,
        List.of(email),
        PersonStatus.ACTIVE,
        "Google Workspace: active",
        null,
        new AccountKey(SourceSystem.GOOGLE_WORKSPACE, "corp.example", email));
  }
}
