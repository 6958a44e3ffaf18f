package dev.rollcall.jobs.correlate;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.PrincipalKind;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ties trail activity to accounts: IAM users and root by account and name, Identity Center users by
 * session name (their user name or an email), and adds an account of kind {@link AccountKind#ROLE}
 * for each role people assume by federation (through SAML, or with their address as the session
 * name), owned by those people. A known last use becomes the account's last activity when it is
 * later than what the source said. A role the inventory already has (the authorization-details dump
 * lists every role, keyed by RoleId where the trail knows the ARN) is matched by account and name
 * instead, so that it stays one account: the trail's use and session names are applied to it. Roles
 * only programs assume (instance profiles, Lambda) that no dump lists, and roles of AWS accounts no
 * source audits, are left out.
 */
public final class TrailAccounts {
  private TrailAccounts() {}

  /**
   * Accounts with their trail evidence.
   *
   * @param accounts every account, the federated roles added
   * @param activity the trail activity of each account id that has some
   */
  public record Applied(List<Account> accounts, Map<String, List<PrincipalActivity>> activity) {}

  /**
   * @param observedAt when the trail was read: the roles' data capture time
   */
  public static Applied apply(
      List<Account> accounts, List<PrincipalActivity> principals, Instant observedAt) {
    Map<String, PrincipalActivity> byKey = new HashMap<>();
    List<PrincipalActivity> roles = new ArrayList<>();
    // A trail may cover AWS accounts that are not audited: their roles are left out too.
    Set<String> audited = new HashSet<>();
    accounts.stream()
        .filter(a -> a.key().system() == SourceSystem.AWS_IAM)
        .forEach(a -> audited.add(a.key().tenant()));
    for (PrincipalActivity p : principals) {
      byKey.put(p.kind().keyOf(p.account(), lower(p.name())), p);
      if (p.kind() == PrincipalKind.ROLE
          && audited.contains(p.account())
          && (p.samlFederated() || !p.sessionUsers().isEmpty())) {
        roles.add(p);
      }
    }
    Map<String, List<PrincipalActivity>> activity = new LinkedHashMap<>();
    List<Account> out = new ArrayList<>();
    Set<PrincipalActivity> applied = new HashSet<>();
    for (Account account : accounts) {
      List<PrincipalActivity> found = new ArrayList<>();
      for (String key : keys(account)) {
        PrincipalActivity p = byKey.get(key);
        if (p != null && !found.contains(p)) {
          found.add(p);
        }
      }
      if (found.isEmpty()) {
        out.add(account);
        continue;
      }
      activity.put(account.id(), found);
      applied.addAll(found);
      out.add(withSessionNames(withLastUse(account, found), found));
    }
    for (PrincipalActivity role : roles) {
      if (applied.contains(role)) {
        continue;
      }
      Account account = role(role, observedAt);
      activity.put(account.id(), List.of(role));
      out.add(account);
    }
    return new Applied(out, activity);
  }

  /** The principal keys an account's trail events carry. */
  private static List<String> keys(Account account) {
    AccountKey key = account.key();
    if (key.system() == SourceSystem.AWS_IAM) {
      // Role names are unique in an AWS account without regard to case, as user names are.
      PrincipalKind kind =
          account.kind() == AccountKind.ROLE
              ? PrincipalKind.ROLE
              : "root".equals(key.nativeId()) ? PrincipalKind.ROOT : PrincipalKind.IAM_USER;
      return List.of(kind.keyOf(key.tenant(), lower(account.name())));
    }
    if (key.system() == SourceSystem.AWS_IDENTITY_CENTER) {
      List<String> keys = new ArrayList<>();
      keys.add(PrincipalKind.IDENTITY_CENTER.keyOf(null, lower(account.name())));
      for (String email : account.emails()) {
        keys.add(PrincipalKind.IDENTITY_CENTER.keyOf(null, email));
      }
      return keys;
    }
    return List.of();
  }

  private static Account withLastUse(Account account, List<PrincipalActivity> found) {
    Activity last = account.lastActivity();
    for (PrincipalActivity p : found) {
      if (p.lastUse() != null) {
        last = last.latest(Activity.usedAt(p.lastUse(), p.lastUseEvent()));
      }
    }
    return account.withLastActivity(last);
  }

  /**
   * A role's session names, added to its emails: they are how {@code FEDERATED_SESSION} ties the
   * role to the people who assumed it.
   */
  private static Account withSessionNames(Account account, List<PrincipalActivity> found) {
    Set<String> emails = new LinkedHashSet<>(account.emails());
    for (PrincipalActivity p : found) {
      if (p.kind() == PrincipalKind.ROLE) {
        p.sessionUsers().forEach(u -> emails.add(lower(u.sessionName())));
      }
    }
    if (emails.size() == account.emails().size()) {
      return account;
    }
    return account.toBuilder().emails(List.copyOf(emails)).build();
  }

  private static Account role(PrincipalActivity role, Instant observedAt) {
    String arn =
        role.roleArn() != null
            ? role.roleArn()
            : "arn:aws:iam::" + role.account() + ":role/" + role.name();
    String how =
        role.samlFederated()
            ? "assumed through AssumeRoleWithSAML (CloudTrail)"
            : "assumed in sessions named by people's addresses (CloudTrail)";
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, role.account(), arn), role.name(), observedAt)
        .emails(
            role.sessionUsers().stream().map(PrincipalActivity.SessionUser::sessionName).toList())
        .kind(AccountKind.ROLE, how)
        .lastActivity(Activity.usedAt(role.lastUse(), role.lastUseEvent()))
        .credentials(
            List.of(
                new Credential(
                    CredentialType.FEDERATED_LOGIN,
                    "federated role session",
                    true,
                    null,
                    role.lastUse(),
                    Activity.State.USED)))
        .mfa(
            Mfa.unknown(
                "a federated session's second factor is the identity provider's; CloudTrail's"
                    + " MFAUsed does not tell it"))
        .build();
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
