package dev.rollcall.connectors.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps Directory API pages (users.list with projection=full, roles.list, roleAssignments.list) to
 * accounts and to the directory of people. Pure: the same pages always give the same result. Field
 * reference: https://developers.google.com/admin-sdk/directory/reference/rest/v1/users
 */
public final class GoogleDirectoryMapper {
  /** Google reports a user who never signed in with the epoch as lastLoginTime. */
  private static final Instant NEVER = Instant.EPOCH;

  private final Instant observedAt;

  public GoogleDirectoryMapper(Instant observedAt) {
    this.observedAt = observedAt;
  }

  public GoogleDirectory map(GooglePages pages) {
    AdminRoles roles = AdminRoles.from(pages.roles());
    Map<String, List<Grant>> assigned = assignments(pages, roles);
    List<Account> accounts = new ArrayList<>();
    List<Identity> people = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (GooglePages.Page page : pages.users()) {
      List<JsonNode> users = SnapshotJson.array(page.body(), "users", page.file(), null);
      for (int i = 0; i < users.size(); i++) {
        JsonNode user = users.get(i);
        String record = "users[" + i + "]";
        String id = SnapshotJson.requiredText(user, "id", page.file(), record);
        String email =
            SnapshotJson.requiredText(
                user, "primaryEmail", page.file(), record + " (id=" + id + ")");
        record = record + " (" + email + ")";
        if (!seen.add(id)) {
          throw new SnapshotException(
              page.file(), record, "user id " + id + " appears twice in the pages");
        }
        Account account =
            account(
                pages.domain(),
                user,
                id,
                email,
                assigned.getOrDefault(id, List.of()),
                page.file(),
                record);
        accounts.add(account);
        people.add(person(account, user, page.file(), record));
      }
    }
    return new GoogleDirectory(accounts, people);
  }

  private Account account(
      String domain,
      JsonNode user,
      String id,
      String email,
      List<Grant> roleGrants,
      Path file,
      String record) {
    AccountStatus status = status(user, file, record);
    Instant created = SnapshotJson.optionalInstant(user, "creationTime", file, record);
    Activity activity = activity(user, file, record);
    String orgUnit = SnapshotJson.optionalText(user, "orgUnitPath");
    Map<String, String> tags = new LinkedHashMap<>();
    if (orgUnit != null) {
      tags.put("orgUnitPath", orgUnit);
    }
    String suspensionReason = SnapshotJson.optionalText(user, "suspensionReason");
    if (suspensionReason != null) {
      tags.put("suspensionReason", suspensionReason);
    }
    boolean service = orgUnit != null && orgUnit.toLowerCase(Locale.ROOT).contains("service");
    return Account.builder(
            new AccountKey(SourceSystem.GOOGLE_WORKSPACE, domain, id), email, observedAt)
        .displayName(fullName(user))
        .emails(emails(user, email))
        .kind(
            service ? AccountKind.SERVICE : AccountKind.HUMAN,
            service ? "orgUnitPath " + orgUnit : "Google Workspace user")
        .status(status)
        .created(created)
        .lastActivity(activity)
        .credentials(
            List.of(
                new Credential(
                    CredentialType.CONSOLE_PASSWORD,
                    "Google account password",
                    status == AccountStatus.ACTIVE,
                    created,
                    activity.at(),
                    activity.state())))
        .mfa(mfa(user, file, record))
        .grants(grants(domain, user, roleGrants, file, record))
        .tags(tags)
        .build();
  }

  private Identity person(Account account, JsonNode user, Path file, String record) {
    JsonNode name = user.path("name");
    boolean left = account.status() != AccountStatus.ACTIVE;
    String evidence =
        switch (account.status()) {
          case DELETED -> "Google Workspace: deleted";
          case ARCHIVED -> "Google Workspace: archived";
          case SUSPENDED ->
              "Google Workspace: suspended"
                  + (account.tag("suspensionReason") == null
                      ? ""
                      : " (" + account.tag("suspensionReason") + ")");
          default -> "Google Workspace: active";
        };
    return new Identity(
        account.name(),
        account.displayName(),
        SnapshotJson.optionalText(name, "givenName"),
        SnapshotJson.optionalText(name, "familyName"),
        account.emails(),
        left ? PersonStatus.LEFT : PersonStatus.ACTIVE,
        evidence,
        SnapshotJson.optionalInstant(user, "deletionTime", file, record),
        account.key());
  }

  private static AccountStatus status(JsonNode user, Path file, String record) {
    if (SnapshotJson.optionalText(user, "deletionTime") != null) {
      return AccountStatus.DELETED;
    }
    if (SnapshotJson.bool(user, "archived", false, file, record)) {
      return AccountStatus.ARCHIVED;
    }
    if (SnapshotJson.bool(user, "suspended", false, file, record)) {
      return AccountStatus.SUSPENDED;
    }
    return AccountStatus.ACTIVE;
  }

  private static Activity activity(JsonNode user, Path file, String record) {
    Instant last = SnapshotJson.optionalInstant(user, "lastLoginTime", file, record);
    if (last == null) {
      return Activity.unknown("Google users.list gave no lastLoginTime");
    }
    if (last.equals(NEVER)) {
      return Activity.neverUsed("Google lastLoginTime is 1970-01-01: never signed in");
    }
    return Activity.usedAt(last, "Google lastLoginTime");
  }

  private static Mfa mfa(JsonNode user, Path file, String record) {
    if (!user.has("isEnrolledIn2Sv") || user.get("isEnrolledIn2Sv").isNull()) {
      return Mfa.unknown("Google users.list gave no isEnrolledIn2Sv");
    }
    boolean enforced = SnapshotJson.bool(user, "isEnforcedIn2Sv", false, file, record);
    String enforcement = enforced ? ", isEnforcedIn2Sv=true" : ", isEnforcedIn2Sv=false";
    if (SnapshotJson.bool(user, "isEnrolledIn2Sv", false, file, record)) {
      return Mfa.enabled(
          List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null)),
          "Google isEnrolledIn2Sv=true" + enforcement);
    }
    return Mfa.notEnabled("Google isEnrolledIn2Sv=false" + enforcement);
  }

  private static List<Grant> grants(
      String domain, JsonNode user, List<Grant> roleGrants, Path file, String record) {
    List<Grant> grants = new ArrayList<>(roleGrants);
    boolean superAdminRole = roleGrants.stream().anyMatch(g -> g.level() == PrivilegeLevel.ADMIN);
    if (SnapshotJson.bool(user, "isAdmin", false, file, record) && !superAdminRole) {
      grants.add(0, new Grant("Super Admin", domain, PrivilegeLevel.ADMIN, "isAdmin"));
    }
    if (grants.isEmpty() && SnapshotJson.bool(user, "isDelegatedAdmin", false, file, record)) {
      grants.add(
          new Grant(
              "delegated admin (roles not in snapshot)",
              domain,
              PrivilegeLevel.WRITE,
              "isDelegatedAdmin"));
    }
    return grants;
  }

  /** Role assignments to users, by user id. Group assignments are left to the group connector. */
  private static Map<String, List<Grant>> assignments(GooglePages pages, AdminRoles roles) {
    Map<String, List<Grant>> byUser = new HashMap<>();
    for (GooglePages.Page page : pages.roleAssignments()) {
      List<JsonNode> items = SnapshotJson.array(page.body(), "items", page.file(), null);
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        String record = "items[" + i + "]";
        String type = SnapshotJson.optionalText(item, "assigneeType");
        if (type != null && !type.equalsIgnoreCase("user")) {
          continue;
        }
        String user = SnapshotJson.requiredText(item, "assignedTo", page.file(), record);
        String roleId = SnapshotJson.requiredText(item, "roleId", page.file(), record);
        AdminRoles.Role role = roles.get(roleId);
        if (role == null) {
          throw new SnapshotException(
              page.file(), record, "roleId " + roleId + " is not in the roles.list pages");
        }
        String scope =
            "ORG_UNIT".equalsIgnoreCase(SnapshotJson.optionalText(item, "scopeType"))
                ? "orgunit:" + SnapshotJson.requiredText(item, "orgUnitId", page.file(), record)
                : pages.domain();
        byUser
            .computeIfAbsent(user, k -> new ArrayList<>())
            .add(new Grant(role.name(), scope, role.level(), "role assignment"));
      }
    }
    return byUser;
  }

  private static String fullName(JsonNode user) {
    JsonNode name = user.path("name");
    String full = SnapshotJson.optionalText(name, "fullName");
    if (full != null) {
      return full;
    }
    String given = SnapshotJson.optionalText(name, "givenName");
    String family = SnapshotJson.optionalText(name, "familyName");
    String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    return joined.isEmpty() ? null : joined;
  }

  private static List<String> emails(JsonNode user, String primary) {
    Set<String> emails = new LinkedHashSet<>();
    emails.add(primary.toLowerCase(Locale.ROOT));
    for (JsonNode e : user.path("emails")) {
      String address = SnapshotJson.optionalText(e, "address");
      if (address != null) {
        emails.add(address.toLowerCase(Locale.ROOT));
      }
    }
    for (String field : List.of("aliases", "nonEditableAliases")) {
      for (JsonNode alias : user.path(field)) {
        if (alias.isTextual() && !alias.asText().isBlank()) {
          emails.add(alias.asText().strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return List.copyOf(emails);
  }
}
