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
import dev.rollcall.model.SignIn;
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
 * Maps the Admin SDK pages of one Google Workspace tenant (users.list with projection=full,
 * roles.list, roleAssignments.list and, when pulled, deleted users, groups with members and the
 * login audit) to one account per user and to the directory of people. A pure function: the same
 * pages give the same result.
 *
 * <p>Groups: the model has no place for a group, so a group's addresses are added to the addresses
 * of each of its members in the directory of people. An AWS or Atlas account named or tagged with a
 * group address then ties to every member, which is what makes it a shared (team) account; a group
 * with no known member ties to nobody, so such an account stays unowned.
 */
public final class GoogleDirectoryMapper {

  /** The via of a grant that comes from roleAssignments.list. */
  static final String VIA_ROLE_ASSIGNMENT = "role assignment";

  /** The tag listing the login_challenge_method values used in successful sign-ins. */
  public static final String TAG_LOGIN_CHALLENGE_METHODS = "loginChallengeMethods";

  /** At most this many sign-ins (the latest from each address) are kept, latest first. */
  static final int MAX_SOURCE_IPS = 20;

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
    LoginAudit audit = LoginAudit.read(pages.loginActivities());
    List<GoogleUser> users = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (DirectoryPage page : pages.users()) {
      for (int i = 0; i < page.items().size(); i++) {
        GoogleUser user = GoogleUser.read(page.items().get(i), page.file(), page.record(i));
        if (!ids.add(user.id())) {
          throw new SnapshotException(
              page.file(), page.record(i), "its id appears twice in the users.list pages");
        }
        users.add(user);
      }
    }
    users.addAll(deletedUsers(pages.deletedUsers(), users, ids));
    List<Account> accounts = new ArrayList<>();
    List<Identity> people = new ArrayList<>();
    for (GoogleUser user : users) {
      Account account = account(user, assignments.forUser(user.id()), audit, domain, observedAt);
      accounts.add(account);
      people.add(person(user, account));
    }
    List<GoogleGroup> groups = GoogleGroups.read(pages.groups(), pages.members());
    return new GoogleDirectory(accounts, withGroupAddresses(people, groups), groups);
  }

  /**
   * The deleted users worth keeping, latest deletion first per address. Google frees a deleted
   * user's addresses, so an address a live user holds now belongs to the live user: a deleted user
   * whose primary address is live is left out, and live addresses are dropped from the rest.
   */
  private static List<GoogleUser> deletedUsers(
      List<DirectoryPage> pages, List<GoogleUser> live, Set<String> ids) {
    Set<String> liveAddresses = new HashSet<>();
    live.forEach(u -> liveAddresses.addAll(u.emails()));
    Map<String, GoogleUser> byAddress = new LinkedHashMap<>();
    for (DirectoryPage page : pages) {
      for (int i = 0; i < page.items().size(); i++) {
        GoogleUser user = GoogleUser.read(page.items().get(i), page.file(), page.record(i));
        String record = page.record(i);
        if (user.deleted() == null) {
          throw new SnapshotException(
              page.file(),
              record,
              "a deleted user without 'deletionTime' (users.list showDeleted=true)");
        }
        if (!ids.add(user.id())) {
          throw new SnapshotException(
              page.file(), record, "its id appears twice in the users.list pages");
        }
        String address = user.primaryEmail().toLowerCase(Locale.ROOT);
        if (liveAddresses.contains(address)) {
          continue;
        }
        byAddress.merge(address, user, (a, b) -> a.deleted().isAfter(b.deleted()) ? a : b);
      }
    }
    List<GoogleUser> kept = new ArrayList<>();
    for (GoogleUser user : byAddress.values()) {
      kept.add(
          new GoogleUser(
              user.id(),
              user.primaryEmail(),
              user.fullName(),
              user.givenName(),
              user.familyName(),
              user.emails().stream().filter(e -> !liveAddresses.contains(e)).toList(),
              user.created(),
              user.lastLogin(),
              user.deleted(),
              user.archived(),
              user.suspended(),
              user.suspensionReason(),
              user.enrolledIn2Sv(),
              user.enforcedIn2Sv(),
              user.admin(),
              user.delegatedAdmin(),
              user.orgUnitPath()));
    }
    return kept;
  }

  /** Adds each group's addresses to the addresses of its members (see the class comment). */
  private static List<Identity> withGroupAddresses(
      List<Identity> people, List<GoogleGroup> groups) {
    Map<String, Set<String>> extra = new HashMap<>();
    for (GoogleGroup group : groups) {
      for (String member : group.members()) {
        extra.computeIfAbsent(member, k -> new LinkedHashSet<>()).addAll(group.addresses());
      }
    }
    if (extra.isEmpty()) {
      return people;
    }
    List<Identity> out = new ArrayList<>();
    for (Identity person : people) {
      Set<String> emails = new LinkedHashSet<>(person.emails());
      for (String email : person.emails()) {
        emails.addAll(extra.getOrDefault(email, Set.of()));
      }
      out.add(
          emails.size() == person.emails().size()
              ? person
              : new Identity(
                  person.personId(),
                  person.displayName(),
                  person.givenName(),
                  person.familyName(),
                  List.copyOf(emails),
                  person.status(),
                  person.statusEvidence(),
                  person.leftAt(),
                  person.source()));
    }
    return out;
  }

  private static Account account(
      GoogleUser user,
      List<RoleAssignments.Assignment> assigned,
      LoginAudit audit,
      String domain,
      Instant observedAt) {
    AccountStatus status = status(user);
    LoginAudit.Logins logins = audit.forUser(user.emails());
    Activity lastActivity = lastActivity(user, logins);
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
        .signIns(signIns(logins))
        .credentials(
            List.of(
                new Credential(
                    CredentialType.CONSOLE_PASSWORD,
                    "Google account password",
                    status == AccountStatus.ACTIVE,
                    user.created(),
                    lastActivity.at(),
                    lastActivity.state())))
        .mfa(mfa(user, audit, logins))
        .grants(grants(user, assigned, domain))
        .tags(tags(user, logins))
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

  /** The later of users.list lastLoginTime and the last login_success of the audit. */
  private static Activity lastActivity(GoogleUser user, LoginAudit.Logins logins) {
    Activity listed = listedLastActivity(user);
    if (logins == null) {
      return listed;
    }
    return listed.latest(
        Activity.usedAt(logins.lastSuccess(), "Google login audit: last login_success"));
  }

  private static Activity listedLastActivity(GoogleUser user) {
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

  /**
   * The 2SV enrolment decides whether a second factor is on; the login audit, when pulled, tells
   * which factors were used. A user not enrolled stays NOT_ENABLED whatever the audit shows (Google
   * may challenge a suspicious sign-in without 2SV); a user whose enrolment is not given is ENABLED
   * only when the audit shows a second factor used, and stays UNKNOWN otherwise.
   */
  private static Mfa mfa(GoogleUser user, LoginAudit audit, LoginAudit.Logins logins) {
    Set<MfaFactorType> used = logins == null ? Set.of() : logins.secondFactors();
    String seen;
    if (!audit.pulled()) {
      seen = "";
    } else if (logins == null) {
      seen = "; login audit: no successful sign-in";
    } else if (logins.challengeMethods().isEmpty()) {
      seen = "; login audit: signed in, no login_challenge_method recorded";
    } else {
      seen =
          "; login audit: login_challenge_method " + String.join(", ", logins.challengeMethods());
    }
    if (user.enrolledIn2Sv() == null) {
      if (!used.isEmpty()) {
        return Mfa.enabled(factors(used), "Google login audit" + seen);
      }
      return Mfa.unknown("Google users.list gave no isEnrolledIn2Sv" + seen);
    }
    if (user.enrolledIn2Sv()) {
      String enforced =
          user.enforcedIn2Sv() == null ? "" : ", isEnforcedIn2Sv=" + user.enforcedIn2Sv();
      // 2SV enrolment does not say which factor (key, app, SMS): UNSPECIFIED unless the audit
      // shows the factors used.
      return Mfa.enabled(
          used.isEmpty()
              ? List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null))
              : factors(used),
          "Google isEnrolledIn2Sv=true" + enforced + seen);
    }
    return Mfa.notEnabled("Google isEnrolledIn2Sv=false" + seen);
  }

  private static List<MfaFactor> factors(Set<MfaFactorType> used) {
    return used.stream()
        .map(type -> new MfaFactor(type, "used at sign-in (login audit)", null))
        .toList();
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

  /** The latest successful sign-in from each address in the login audit, latest first. */
  private static List<SignIn> signIns(LoginAudit.Logins logins) {
    if (logins == null) {
      return List.of();
    }
    return logins.sourceIps().entrySet().stream()
        .sorted(
            Map.Entry.<String, Instant>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_SOURCE_IPS)
        .map(e -> new SignIn(e.getKey(), e.getValue()))
        .toList();
  }

  /** Directory facts the reports show; Google has no owner-set labels on users. */
  private static Map<String, String> tags(GoogleUser user, LoginAudit.Logins logins) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (logins != null) {
      if (!logins.challengeMethods().isEmpty()) {
        tags.put(TAG_LOGIN_CHALLENGE_METHODS, String.join(",", logins.challengeMethods()));
      }
    }
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
