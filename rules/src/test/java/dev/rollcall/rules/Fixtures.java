package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.Owner;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.RoleAssumer;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Accounts and people for rule tests, built around one capture time. */
public final class Fixtures {
  public static final Instant CAPTURED = Instant.parse("2026-11-20T06:00:00Z");

  private Fixtures() {}

  public static Instant daysAgo(long days) {
    return CAPTURED.minus(Duration.ofDays(days));
  }

  public static Account.Builder awsUser(String name) {
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, "111122223333", "AIDA" + name.hashCode()),
            name,
            CAPTURED)
        .kind(AccountKind.HUMAN, "console password")
        .created(daysAgo(400))
        .lastActivity(Activity.usedAt(daysAgo(1), "password_last_used"))
        .credentials(List.of(password(true, daysAgo(1))))
        .mfa(
            Mfa.enabled(
                List.of(new MfaFactor(MfaFactorType.VIRTUAL_TOTP, null, null)), "mfa_active=true"));
  }

  /** An IAM role as the AWS connector maps one: no credentials, MFA unknown, trust as assumers. */
  public static Account.Builder awsRole(String name, RoleAssumer... assumers) {
    return Account.builder(
            new AccountKey(
                SourceSystem.AWS_IAM, "111122223333", "AROA" + Math.abs(name.hashCode())),
            name,
            CAPTURED)
        .kind(AccountKind.ROLE, "IAM role")
        .created(daysAgo(400))
        .lastActivity(Activity.usedAt(daysAgo(2), "RoleLastUsed"))
        .mfa(Mfa.unknown("an IAM role has no MFA of its own"))
        .assumers(List.of(assumers));
  }

  /** A trust principal, with the trust statement's conditions given (none: unconditional). */
  public static RoleAssumer trusts(RoleAssumer.Type type, String principal, String... conditions) {
    return new RoleAssumer(
        type, principal, null, List.of(conditions), "trust policy statement 1 admits " + principal);
  }

  public static Account.Builder googleUser(String email) {
    return Account.builder(
            new AccountKey(
                SourceSystem.GOOGLE_WORKSPACE, "example.test", "1" + Math.abs(email.hashCode())),
            email,
            CAPTURED)
        .emails(List.of(email))
        .kind(AccountKind.HUMAN, "Google Workspace user")
        .created(daysAgo(400))
        .lastActivity(Activity.usedAt(daysAgo(1), "lastLoginTime"))
        .credentials(List.of(password(true, daysAgo(1))))
        .mfa(
            Mfa.enabled(
                List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null)),
                "isEnrolledIn2Sv=true"));
  }

  public static Credential password(boolean active, Instant lastUsed) {
    return new Credential(
        CredentialType.CONSOLE_PASSWORD,
        "console password",
        active,
        daysAgo(300),
        lastUsed,
        lastUsed == null ? Activity.State.NEVER_USED : Activity.State.USED);
  }

  public static Credential accessKey(Instant lastUsed) {
    return new Credential(
        CredentialType.ACCESS_KEY,
        "access key 1",
        true,
        daysAgo(300),
        lastUsed,
        lastUsed == null ? Activity.State.NEVER_USED : Activity.State.USED);
  }

  public static Identity person(String email, String given, String family, PersonStatus status) {
    return new Identity(
        email,
        given + " " + family,
        given,
        family,
        List.of(email),
        status,
        status == PersonStatus.LEFT ? "Google Workspace: suspended" : "Google Workspace: active",
        status == PersonStatus.LEFT ? daysAgo(3) : null,
        new AccountKey(
            SourceSystem.GOOGLE_WORKSPACE, "example.test", "9" + Math.abs(email.hashCode())));
  }

  public static AccountView owned(Account account, Identity... people) {
    return new AccountView(
        account,
        java.util.Arrays.stream(people)
            .map(p -> new Owner(p, LinkRule.OWNER_TAG, "owner=" + p.personId()))
            .toList(),
        List.of());
  }

  public static AccountView unowned(Account account) {
    return new AccountView(account, List.of(), List.of());
  }

  public static Subject subjectOf(AccountView view) {
    Identity person = view.owners().isEmpty() ? null : view.owners().get(0).person();
    return new Subject(
        person == null ? "unowned:" + view.account().id() : person.personId(),
        person,
        List.of(view));
  }
}
