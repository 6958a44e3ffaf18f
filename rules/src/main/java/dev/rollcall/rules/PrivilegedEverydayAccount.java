package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Finds people whose only account in a system is a privileged one. */
@RuleInfo(
    id = "privileged-everyday-account",
    title = "Privileged everyday account",
    summary =
        "A person's only accounts in a system are privileged: they have no standard account for"
            + " daily work.",
    explanation =
        "Privileged users must first access systems with a standard, unique account and use the"
            + " privileged one only for privileged tasks. For each person, system and tenant, the"
            + " accounts the person alone owns and that grant access are compared: when every one"
            + " holds an admin or privilege-escalation grant, those accounts are flagged, because"
            + " the person does daily work with admin rights. An Identity Center user that also"
            + " holds a lesser permission set counts as standard, since a permission set is chosen"
            + " at each sign-in, and so does an IAM user whose privilege comes only from roles it"
            + " assumes (the standard-then-elevate pattern). Service accounts, shared accounts,"
            + " roles, the AWS root user and unowned accounts are not counted. It cannot see"
            + " roles a person assumes from another account, nor sudo-style elevation inside a"
            + " system.",
    severity = Severity.MEDIUM,
    family = RuleFamily.PRIVILEGE,
    judgesOwnership = true)
public final class PrivilegedEverydayAccount implements PersonRule<NoSettings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<NoSettings> settingsType() {
    return NoSettings.class;
  }

  @Override
  public List<Violation> check(Subject subject, NoSettings settings) {
    List<Violation> found = new ArrayList<>();
    for (Map.Entry<String, List<AccountView>> group :
        PersonalAccounts.bySystemAndTenant(subject).entrySet()) {
      List<AccountView> views = group.getValue();
      if (views.stream().anyMatch(v -> standard(v.account()))) {
        continue;
      }
      for (AccountView view : views) {
        found.add(violation(view, subject, group.getKey(), views));
      }
    }
    return found;
  }

  /**
   * A privileged grant the account holds itself. One it reaches by assuming a role is the
   * standard-then-elevate pattern the policy asks for: the account stays standard.
   */
  private static boolean privileged(Grant grant) {
    return grant.level().atLeast(PrivilegeLevel.PRIVILEGE_ESCALATION)
        && !grant.via().startsWith("assumes role ");
  }

  private static boolean standard(Account account) {
    if (account.key().system() == SourceSystem.AWS_IDENTITY_CENTER) {
      return account.grants().stream().anyMatch(g -> !privileged(g));
    }
    return account.grants().stream().noneMatch(PrivilegedEverydayAccount::privileged);
  }

  private static Violation violation(
      AccountView view, Subject subject, String where, List<AccountView> all) {
    Account account = view.account();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("person", subject.person().personId()));
    for (Grant grant : account.grants()) {
      if (privileged(grant)) {
        evidence.add(
            new Evidence(
                "grant",
                grant.name()
                    + " ("
                    + grant.level().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ", on "
                    + grant.scope()
                    + ")"));
      }
    }
    evidence.add(
        new Evidence(
            "standard account in " + where,
            "none; the person's accounts there: " + PersonalAccounts.names(all)));
    evidence.add(Facts.lastActivity(account));
    return new Violation(
        view,
        subject.person().personId()
            + " has no standard account in "
            + where
            + ": "
            + account.name()
            + ", which holds privileged rights, is their everyday account.",
        evidence,
        fix(account, subject.person().personId()));
  }

  private static String fix(Account account, String personId) {
    String name = Shell.quote(account.name());
    String person = Shell.quote(personId);
    String grants =
        account.grants().stream()
            .filter(PrivilegedEverydayAccount::privileged)
            .map(Grant::name)
            .distinct()
            .map(Shell::quote)
            .collect(Collectors.joining(", "));
    return switch (account.key().system()) {
      case AWS_IAM ->
          "Give "
              + person
              + " a standard identity for daily work (an Identity Center user with a non-admin"
              + " permission set, or an IAM user without "
              + grants
              + "), and move "
              + grants
              + " to a role assumed only for privileged tasks (aws iam create-role with"
              + " aws:MultiFactorAuthPresent in its trust policy), then aws iam detach-user-policy"
              + " --user-name "
              + name
              + " --policy-arn ARN (or remove-user-from-group).";
      case AWS_IDENTITY_CENTER ->
          "Assign "
              + name
              + " a standard permission set (e.g. ReadOnlyAccess or a job-specific set) in the"
              + " account for daily work, and keep "
              + grants
              + " for privileged tasks only (IAM Identity Center > AWS accounts > Assign users or"
              + " groups).";
      case GOOGLE_WORKSPACE ->
          "Create a separate admin account for "
              + person
              + " (e.g. "
              + Shell.quote(personId.replaceFirst("@", "-admin@"))
              + ") holding "
              + grants
              + ", then remove the role from "
              + name
              + ": Google Admin console > Account > Admin roles > "
              + grants
              + " > Admins > unassign.";
      case ATLAS_ORG ->
          "Give "
              + name
              + " a standard role (Atlas > Organization Access Manager: ORG_MEMBER, project"
              + " read-only) for daily work; keep "
              + grants
              + " on a separate, named admin account or grant it only for the task.";
      case ATLAS_DATABASE ->
          "Create a standard database user for "
              + person
              + " (atlas dbusers create readWrite@DATABASE --username NAME --projectId "
              + Shell.quote(account.key().tenant())
              + ") for daily work, and use "
              + name
              + " ("
              + grants
              + ") only for administration, or make it temporary (--deleteAfter).";
    };
  }
}
