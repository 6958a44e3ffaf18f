package dev.rollcall.jobs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.Activity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.PrincipalKind;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A role the trail shows is one account whether or not the dump lists it. */
class TrailAccountsTest {
  private static final Instant CAPTURED = Instant.parse("2026-11-20T06:00:00Z");
  private static final String ACCOUNT = "111122223333";

  @Test
  void aRoleTheDumpListsGetsTheTrailsUseAndSessionNamesInsteadOfASecondAccount() {
    Account dumped = dumpRole("AdminAccess", Activity.usedAt(daysAgo(30), "RoleLastUsed"));
    TrailAccounts.Applied applied =
        TrailAccounts.apply(
            List.of(dumped), List.of(federated("adminaccess", daysAgo(1))), CAPTURED);

    assertEquals(1, applied.accounts().size(), applied.accounts().toString());
    Account seen = applied.accounts().get(0);
    assertEquals(dumped.id(), seen.id());
    assertEquals(daysAgo(1), seen.lastActivity().at(), "the trail's use is later");
    assertEquals(List.of("dave@example.test"), seen.emails());
    assertEquals(List.of(dumped.id()), List.copyOf(applied.activity().keySet()));
    // The session name is a FEDERATED_SESSION claim, as on a role the trail adds.
    assertEquals(
        List.of(LinkRule.FEDERATED_SESSION),
        new LinkCandidates(MappingFile.empty(), List.of("owner"), List.of("example.test"))
            .of(seen).stream().map(LinkCandidate::rule).distinct().toList());
  }

  @Test
  void theDumpsLaterUseIsKept() {
    Account dumped = dumpRole("AdminAccess", Activity.usedAt(daysAgo(1), "RoleLastUsed"));
    Account seen =
        TrailAccounts.apply(
                List.of(dumped), List.of(federated("AdminAccess", daysAgo(9))), CAPTURED)
            .accounts()
            .get(0);
    assertEquals(daysAgo(1), seen.lastActivity().at());
  }

  @Test
  void aRoleOfTheSameNameInAnotherAccountOrAUserOfThatNameIsNotTheRole() {
    Account otherAccount =
        Account.builder(
                new AccountKey(SourceSystem.AWS_IAM, "444455556666", "AROAOTHER"),
                "AdminAccess",
                CAPTURED)
            .kind(AccountKind.ROLE, "IAM role")
            .lastActivity(Activity.unknown("x"))
            .mfa(Mfa.unknown("x"))
            .build();
    Account user =
        Account.builder(
                new AccountKey(SourceSystem.AWS_IAM, ACCOUNT, "AIDAUSER"), "AdminAccess", CAPTURED)
            .kind(AccountKind.HUMAN, "x")
            .lastActivity(Activity.unknown("x"))
            .mfa(Mfa.unknown("x"))
            .build();
    TrailAccounts.Applied applied =
        TrailAccounts.apply(
            List.of(otherAccount, user), List.of(federated("AdminAccess", daysAgo(1))), CAPTURED);

    assertEquals(3, applied.accounts().size(), "the trail's role is added as before");
    Account added = applied.accounts().get(2);
    assertEquals("arn:aws:iam::" + ACCOUNT + ":role/AdminAccess", added.key().nativeId());
    assertEquals(List.of("dave@example.test"), added.emails());
    assertEquals(List.of(), applied.accounts().get(0).emails());
    assertEquals(Activity.State.UNKNOWN, applied.accounts().get(1).lastActivity().state());
  }

  private static Account dumpRole(String name, Activity lastUsed) {
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, ACCOUNT, "AROAEXAMPLE"), name, CAPTURED)
        .kind(AccountKind.ROLE, "IAM role; trust: SAML provider okta")
        .lastActivity(lastUsed)
        .mfa(Mfa.unknown("x"))
        .tags(Map.of())
        .build();
  }

  private static PrincipalActivity federated(String name, Instant lastUse) {
    return new PrincipalActivity(
        PrincipalKind.ROLE,
        ACCOUNT,
        name,
        "arn:aws:iam::" + ACCOUNT + ":role/" + name,
        null,
        null,
        null,
        lastUse,
        "sts.amazonaws.com AssumeRoleWithSAML",
        0,
        0,
        true,
        List.of(new PrincipalActivity.SessionUser("Dave@example.test", lastUse, 2)),
        List.of(),
        List.of(),
        0);
  }

  private static Instant daysAgo(int days) {
    return CAPTURED.minusSeconds(days * 86_400L);
  }
}
