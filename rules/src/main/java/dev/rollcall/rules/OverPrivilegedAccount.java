package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds accounts that hold administrator or privilege-escalating grants. */
@RuleInfo(
    id = "over-privileged",
    title = "Over-privileged account",
    summary =
        "The account holds administrator rights, rights to grant itself more, or a grant"
            + " that spans every database.",
    explanation =
        "Least privilege: administrator rights (AWS AdministratorAccess or *:*, the root user,"
            + " Google super admin, Atlas ORG_OWNER, GROUP_OWNER, atlasAdmin), rights that let an"
            + " account escalate (IAM write actions such as AttachUserPolicy or CreateAccessKey,"
            + " user-management admin roles, userAdmin) and grants over every database"
            + " (*AnyDatabase) must be justified. Each is flagged, with the grants as evidence, so"
            + " that it is removed or documented as an exception with an owner and an end date. The"
            + " AWS root user is left to the root rules: its power cannot be reduced. An IAM role"
            + " is flagged like any account, and so is whoever reaches admin by assuming roles (the"
            + " path is the evidence); a role only Identity Center can assume is judged through"
            + " the users who hold its permission set.",
    severity = Severity.MEDIUM,
    family = RuleFamily.PRIVILEGE)
public final class OverPrivilegedAccount implements AccountRule<OverPrivilegedAccount.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param levels privilege levels that are flagged
   * @param grantNames grant names that are flagged whatever their level, as globs ({@code *}
   *     matches anything; case is ignored)
   */
  public record Settings(List<PrivilegeLevel> levels, List<String> grantNames)
      implements Serializable {
    public Settings {
      levels = levels == null ? List.of() : List.copyOf(levels);
      grantNames = grantNames == null ? List.of() : List.copyOf(grantNames);
      if (levels.isEmpty() && grantNames.isEmpty()) {
        throw new IllegalArgumentException("levels or grantNames must name something to flag");
      }
    }

    boolean flags(Grant grant) {
      return levels.contains(grant.level())
          || grantNames.stream().anyMatch(glob -> globMatches(glob, grant.name()));
    }

    /**
     * Whether a name matches a glob whose only wildcard is {@code *} (any run of characters),
     * without regard to case.
     */
    static boolean globMatches(String glob, String name) {
      String text = name.toLowerCase(Locale.ROOT);
      String[] parts = glob.toLowerCase(Locale.ROOT).split("\\*", -1);
      if (parts.length == 1) {
        return text.equals(parts[0]);
      }
      if (!text.startsWith(parts[0])) {
        return false;
      }
      int at = parts[0].length();
      for (int i = 1; i < parts.length - 1; i++) {
        int found = text.indexOf(parts[i], at);
        if (found < 0) {
          return false;
        }
        at = found + parts[i].length();
      }
      String last = parts[parts.length - 1];
      return text.length() - last.length() >= at && text.endsWith(last);
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    // The root user's power cannot be reduced; its risks (MFA, keys, use) have rules of their own.
    if (!account.status().grantsAccess() || account.isAwsRoot() || servesPermissionSets(account)) {
      return Optional.empty();
    }
    List<Grant> flagged = account.grants().stream().filter(settings::flags).toList();
    if (flagged.isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> evidence =
        flagged.stream()
            .map(g -> new Evidence("grant", Facts.grant(g)))
            .collect(Collectors.toList());
    // The exact statements, so that the reviewer finds what to narrow.
    flagged.forEach(g -> g.statements().forEach(s -> evidence.add(new Evidence("statement", s))));
    evidence.add(Facts.kind(account));
    evidence.add(Facts.lastActivity(account));
    PrivilegeLevel top = flagged.stream().map(Grant::level).max(Enum::compareTo).orElseThrow();
    return Optional.of(
        new Violation(
            view,
            account.name()
                + " holds "
                + flagged.size()
                + (flagged.size() == 1 ? " grant" : " grants")
                + " beyond least privilege (highest: "
                + top.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + flagged.stream()
                    .filter(g -> g.level() == top && g.method() != null)
                    .map(g -> ", by " + g.method())
                    .findFirst()
                    .orElse("")
                + ").",
            evidence,
            fix(account, flagged)));
  }

  private static final String ASSUMES_ROLE = "assumes role ";

  private static String awsFix(Account account, String names, List<Grant> grants) {
    String name = Shell.quote(account.name());
    String own =
        account.kind() == AccountKind.ROLE
            ? " needs (IAM Access Analyzer can generate one from CloudTrail): aws iam"
                + " detach-role-policy --role-name "
                + name
                + " --policy-arn ARN / aws iam delete-role-policy --role-name "
                + name
                + " --policy-name NAME; keep admin roles few, assumable only by named principals"
                + " and only with MFA."
            : " needs (IAM Access Analyzer can generate one from CloudTrail): aws iam"
                + " detach-user-policy / delete-user-policy, or remove the user from the"
                + " admin group with aws iam remove-user-from-group; grant admin through a"
                + " separate, MFA-protected role instead.";
    List<String> firstRoles =
        grants.stream()
            .map(Grant::via)
            .filter(via -> via.startsWith(ASSUMES_ROLE))
            .map(OverPrivilegedAccount::firstRole)
            .distinct()
            .map(Shell::quote)
            .toList();
    String chain =
        firstRoles.isEmpty()
            ? ""
            : " For what it reaches by assuming roles: remove sts:AssumeRole on "
                + String.join(", ", firstRoles)
                + " from the policies of "
                + name
                + " itself, or narrow the trust policy of "
                + String.join(", ", firstRoles)
                + " so that it no longer admits "
                + name
                + " (aws iam update-assume-role-policy --role-name ROLE --policy-document"
                + " file://trust.json).";
    return "Replace "
        + names
        + " with a policy scoped to the actions and resources "
        + name
        + own
        + chain;
  }

  /** The first role of a path such as "assumes role ops-hop -> platform-admin; only with MFA". */
  private static String firstRole(String via) {
    String path = via.substring(ASSUMES_ROLE.length());
    int end = path.length();
    for (String stop : List.of(" -> ", ";", " (")) {
      int at = path.indexOf(stop);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return path.substring(0, end).trim();
  }

  /**
   * A role only Identity Center can assume (AWSReservedSSO_...): its power is the permission set's,
   * judged on the Identity Center users who hold that set.
   */
  private static boolean servesPermissionSets(Account account) {
    return account.kind() == dev.rollcall.model.AccountKind.ROLE
        && !account.assumers().isEmpty()
        && account.assumers().stream()
            .allMatch(a -> a.type() == dev.rollcall.model.RoleAssumer.Type.PERMISSION_SET);
  }

  private static String fix(Account account, List<Grant> grants) {
    String names =
        grants.stream()
            .map(Grant::name)
            .distinct()
            .map(Shell::quote)
            .collect(Collectors.joining(", "));
    String name = Shell.quote(account.name());
    return switch (account.key().system()) {
      case AWS_IAM ->
          account.isAwsRoot()
              ? "Use the root user only for the tasks that need it: keep no access keys, keep"
                  + " its MFA device in the break-glass safe, and alert on its sign-in."
              : awsFix(account, names, grants);
      case GOOGLE_WORKSPACE ->
          "Google Admin console > Account > Admin roles: remove "
              + names
              + " from "
              + name
              + " and assign a narrower role; keep super admin to two or three break-glass"
              + " accounts that are not used daily.";
      case ATLAS_ORG ->
          "Atlas > Organization Access Manager: change the roles of "
              + name
              + " ("
              + names
              + ") to the least that its work needs (e.g. ORG_MEMBER with project read-only).";
      case ATLAS_DATABASE ->
          "atlas dbusers update "
              + name
              + " --projectId "
              + Shell.quote(account.key().tenant())
              + " --role readWrite@DATABASE (its database, replacing "
              + names
              + "), and scope it to the clusters it uses.";
      case AWS_IDENTITY_CENTER ->
          "Assign a narrower permission set instead of " + names + " in IAM Identity Center.";
    };
  }
}
