package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Grant;
import dev.rollcall.model.RoleAssumer;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds IAM roles whose trust policy lets far more principals assume them than anyone named: a
 * role's power is only as narrow as the set of principals that can take it on.
 */
@RuleInfo(
    id = "permissive-role-trust",
    title = "Permissive role trust",
    summary =
        "An IAM role can be assumed, without conditions, by any principal of any AWS account or"
            + " by any principal of its own account.",
    explanation =
        "Access control: a role is assumed by the principals its trust policy admits, so the trust"
            + " must name them. A role whose trust admits every AWS principal (\"AWS\": \"*\")"
            + " without conditions can be assumed from anywhere on the internet by anyone with AWS"
            + " credentials (critical). A role that trusts its own account's root without"
            + " conditions can be assumed by any user or role of that account whose own policies"
            + " allow sts:AssumeRole, today or after any future policy change (medium). A trust"
            + " with conditions (aws:PrincipalArn, sts:ExternalId, aws:PrincipalOrgID, MFA) is not"
            + " flagged, nor trust in another named account (cross-account access is normal),"
            + " a service, Identity Center or an identity provider.",
    severity = Severity.MEDIUM,
    family = RuleFamily.PRIVILEGE)
public final class PermissiveRoleTrust implements AccountRule<NoSettings> {
  private static final long serialVersionUID = 1L;
  private static final Pattern AWS_ACCOUNT_ID = Pattern.compile("\\b(\\d{12})\\b");

  @Override
  public Class<NoSettings> settingsType() {
    return NoSettings.class;
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, NoSettings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess()
        || account.key().system() != SourceSystem.AWS_IAM
        || account.kind() != AccountKind.ROLE) {
      return Optional.empty();
    }
    List<RoleAssumer> anyone =
        account.assumers().stream()
            .filter(a -> a.conditions().isEmpty() && a.type() == RoleAssumer.Type.ANYONE)
            .toList();
    List<RoleAssumer> ownAccount =
        account.assumers().stream()
            .filter(a -> a.conditions().isEmpty() && a.type() == RoleAssumer.Type.ACCOUNT)
            .filter(a -> account.key().tenant().equals(accountId(a.principal()).orElse(null)))
            .toList();
    if (anyone.isEmpty() && ownAccount.isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    anyone.forEach(a -> evidence.add(new Evidence("trusted", a.describe())));
    ownAccount.forEach(a -> evidence.add(new Evidence("trusted", a.describe())));
    evidence.add(new Evidence("highest grant", highestGrant(account)));
    evidence.add(Facts.kind(account));
    evidence.add(Facts.lastActivity(account));
    String role = account.name();
    String tenant = account.key().tenant();
    String summary =
        anyone.isEmpty()
            ? "The role "
                + role
                + " trusts its own account's root without conditions: any principal of account "
                + tenant
                + " whose policies allow sts:AssumeRole can assume it."
            : "The role "
                + role
                + " in account "
                + tenant
                + " can be assumed by any principal of any AWS account, without conditions.";
    return Optional.of(
        new Violation(
            view,
            summary,
            evidence,
            fix(role, tenant),
            anyone.isEmpty() ? null : Severity.CRITICAL));
  }

  /** The 12-digit account a trust principal names ({@code 123456789012} or its root ARN). */
  private static Optional<String> accountId(String principal) {
    Matcher m = AWS_ACCOUNT_ID.matcher(principal);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** What assuming the role gives, so that the reviewer sees what the open trust is worth. */
  private static String highestGrant(Account account) {
    return account.grants().stream()
        .max(Comparator.comparing(Grant::level))
        .map(Facts::grant)
        .orElse("none (its policies grant nothing the snapshot shows)");
  }

  private static String fix(String rawRole, String rawTenant) {
    String role = Shell.quote(rawRole);
    String tenant = Shell.quote(rawTenant);
    return "In account "
        + tenant
        + ": write a trust policy that names the exact principals that need "
        + role
        + " (arn:aws:iam::ACCOUNT:role/NAME or :user/NAME), or keep the account principal and add"
        + " conditions that narrow it (aws:PrincipalArn for the callers, sts:ExternalId for a"
        + " third party, aws:PrincipalOrgID for your organisation), then apply it: aws iam"
        + " update-assume-role-policy --role-name "
        + role
        + " --policy-document file://trust.json. CloudTrail's AssumeRole events for the role"
        + " show who uses it today.";
  }
}
