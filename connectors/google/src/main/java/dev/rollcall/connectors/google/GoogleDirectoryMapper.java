package dev.rollcall.connectors.google;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Identity;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the Directory API pages of one Google Workspace tenant (users.list with projection=full,
 * roles.list, roleAssignments.list) to one account per user and to the directory of people. A pure
 * function: the same pages give the same result.
 */
public final class GoogleDirectoryMapper {

  /** The via of a grant that comes from roleAssignments.list. */
  static final String VIA_ROLE_ASSIGNMENT = "role assignment";

  private GoogleDirectoryMapper() {}

  /**
   * Maps a tenant's pages.
   *
   * @param observedAt when the pages were captured
   * @throws SnapshotException naming the file, the record and the field of the first bad record
   */
  public static GoogleDirectory map(GooglePages pages, Instant observedAt) {
    String domain = pages.domain();
    AdminRoles roles = AdminRoles.read(pages.roles());
    RoleAssignments assignments = RoleAssignments.read(pages.roleAssignments(), roles, domain);
    List<Account> accounts = new ArrayList<>();
    List<Identity> people = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (DirectoryPage page : pages.users()) {
      for (int i = 0; i < page.items().size(); i++) {
        GoogleUser user = GoogleUser.read(page.items().get(i), page.file(), page.record(i));
        if (!ids.add(user.id())) {
          throw new SnapshotException(
              page.file(),
              page.record(i) + " (primaryEmail=" + user.primaryEmail() + ")",
              "user id " + user.id() + " appears twice in the users.list pages");
        }
        Account account = account(user, assignments.forUser(user.id()), domain, observedAt);
        accounts.add(account);
        people.add(person(user, account));
      }
    }
    return new GoogleDirectory(accounts, people);
  }

  private static Account account(
      GoogleUser user,
      List<RoleAssignments.Assignment> assigned,
      String domain,
      Instant observedAt) {
    AccountStatus status = status(user);
    Activity lastActivity = lastActivity(user);
    boolean service = isServiceOrgUnit(user.orgUnitPath());
    return Account.builder(
            new AccountKey(SourceSystem.GOOGLE_WORKSPACE, domain, user.id()),
            user.primaryEmail(),
            observedAt)
        .displayName(user.fullName())
        .emails(user.emails())
        .kind(
            service ? AccountKind.SERVICE : AccountKind.HUMAN,
            service ? "orgUnitPath " + user.orgUnitPath() : "Google Workspace user")
        .status(status)
        .created(user.created())
        .lastActivity(lastActivity)
        .credentials(
            List.of(
                new Credential(
                    CredentialType.CONSOLE_PASSWORD,
                    "Google account password",
                    status == AccountStatus.ACTIVE,
                    user.created(),
                    lastActivity.at(),
                    lastActivity.state())))
        .mfa(mfa(user))
        .grants(grants(user, assigned, domain))
        .tags(tags(user))
        .build();
  }

  private static AccountStatus status(GoogleUser user) {
    if (user.deleted() != null) {
      return AccountStatus.DELETED;
    }
    if (user.archived()) {
      return AccountStatus.ARCHIVED;
    }
    if (user.suspended()) {
      return AccountStatus.SUSPENDED;
    }
    return AccountStatus.ACTIVE;
  }

  private static Activity lastActivity(GoogleUser user) {
    if (user.lastLogin() == null) {
      return Activity.unknown("Google users.list gave no lastLoginTime");
    }
    // Google prints the epoch, 1970-01-01T00:00:00.000Z, for a user who never signed in
    // (https://github.com/GAM-team/GAM/issues/488).
    if (user.lastLogin().equals(Instant.EPOCH)) {
      return Activity.neverUsed("Google lastLoginTime is 1970-01-01: never signed in");
    }
    return Activity.usedAt(user.lastLogin(), "Google lastLoginTime");
  }

  private static Mfa mfa(GoogleUser user) {
    if (user.enrolledIn2Sv() == null) {
      return Mfa.unknown("Google users.list gave no isEnrolledIn2Sv");
    }
    if (user.enrolledIn2Sv()) {
      String enforced =
          user.enforcedIn2Sv() == null ? "" : ", isEnforcedIn2Sv=" + user.enforcedIn2Sv();
      // 2SV enrolment does not say which factor (key, app, SMS): UNSPECIFIED.
      return Mfa.enabled(
          List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null)),
          "Google isEnrolledIn2Sv=true" + enforced);
    }
    return Mfa.notEnabled("Google isEnrolledIn2Sv=false");
  }

  /**
   * The super admin flag, each role assigned to the user, and a stand-in for a delegated admin
   * whose roles the snapshot does not show. A super admin role assignment and isAdmin say the same
   * thing, so they make one grant, named by the role.
   */
  private static List<Grant> grants(
      GoogleUser user, List<RoleAssignments.Assignment> assigned, String domain) {
    Set<Grant> grants = new LinkedHashSet<>();
    boolean superAdminAssigned = assigned.stream().anyMatch(a -> a.role().superAdmin());
    if (user.admin() && !superAdminAssigned) {
      grants.add(new Grant("Super Admin", domain, PrivilegeLevel.ADMIN, "isAdmin"));
    }
    for (RoleAssignments.Assignment assignment : assigned) {
      grants.add(
          new Grant(
              assignment.role().name(),
              assignment.scope(),
              assignment.role().level(),
              VIA_ROLE_ASSIGNMENT));
    }
    if (user.delegatedAdmin() && assigned.isEmpty()) {
      grants.add(
          new Grant(
              "delegated admin (roles not in snapshot)",
              domain,
              PrivilegeLevel.WRITE,
              "isDelegatedAdmin"));
    }
    return List.copyOf(grants);
  }

  /** A service account lives in an org unit named for it, e.g. /Service Accounts. */
  private static boolean isServiceOrgUnit(String orgUnitPath) {
    return orgUnitPath != null && orgUnitPath.toLowerCase(Locale.ROOT).contains("service");
  }

  /** Directory facts the reports show; Google has no owner-set labels on users. */
  private static Map<String, String> tags(GoogleUser user) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (user.orgUnitPath() != null) {
      tags.put("orgUnitPath", user.orgUnitPath());
    }
    if (user.suspended() && user.suspensionReason() != null) {
      tags.put("suspensionReason", user.suspensionReason());
    }
    return tags;
  }

  private static Identity person(GoogleUser user, Account account) {
    AccountStatus status = account.status();
    return new Identity(
        user.primaryEmail(),
        user.fullName(),
        user.givenName(),
        user.familyName(),
        user.emails(),
        status == AccountStatus.ACTIVE ? PersonStatus.ACTIVE : PersonStatus.LEFT,
        statusEvidence(user, status),
        status == AccountStatus.DELETED ? user.deleted() : null,
        account.key());
  }

  private static String statusEvidence(GoogleUser user, AccountStatus status) {
    return switch (status) {
      case DELETED -> "Google Workspace: deleted";
      case ARCHIVED -> "Google Workspace: archived";
      case SUSPENDED ->
          "Google Workspace: suspended"
              + (user.suspensionReason() == null ? "" : " (" + user.suspensionReason() + ")");
      case ACTIVE, PENDING -> "Google Workspace: active";
    };
  }
}
