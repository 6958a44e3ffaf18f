package dev.rollcall.connectors.atlas;

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
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.SourceSystem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps Atlas Administration API v2 responses to accounts: organisation users (people, with their
 * organisation and project roles) and database users (with their auth method and roles). Pure.
 * Shapes: https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/
 */
public final class AtlasMapper {
  private static final Set<String> APP_WORDS =
      Set.of(
          "app", "svc", "service", "etl", "backup", "bot", "ci", "deploy", "api", "worker", "sync",
          "job");

  private final Instant observedAt;

  public AtlasMapper(Instant observedAt) {
    this.observedAt = observedAt;
  }

  /** Whether the organisation requires MFA of its users; null when the settings are absent. */
  public Boolean mfaRequired(AtlasPages pages) {
    if (pages.settings() == null) {
      return null;
    }
    JsonNode value = pages.settings().body().get("multiFactorAuthRequired");
    return value == null || value.isNull()
        ? null
        : SnapshotJson.bool(
            pages.settings().body(),
            "multiFactorAuthRequired",
            false,
            pages.settings().file(),
            null);
  }

  public List<Account> accounts(AtlasPages pages) {
    Map<String, String> projects = projects(pages);
    List<Account> accounts = new ArrayList<>();
    Boolean mfaRequired = mfaRequired(pages);
    String orgName =
        pages.organization() == null
            ? null
            : SnapshotJson.optionalText(pages.organization().body(), "name");
    for (AtlasPages.Page page : pages.users()) {
      List<JsonNode> results = SnapshotJson.array(page.body(), "results", page.file(), null);
      for (int i = 0; i < results.size(); i++) {
        accounts.add(
            orgUser(
                pages.orgId(),
                orgName,
                results.get(i),
                mfaRequired,
                page.file(),
                "results[" + i + "]"));
      }
    }
    for (Map.Entry<String, List<AtlasPages.Page>> project : pages.databaseUsers().entrySet()) {
      for (AtlasPages.Page page : project.getValue()) {
        List<JsonNode> results = SnapshotJson.array(page.body(), "results", page.file(), null);
        for (int i = 0; i < results.size(); i++) {
          accounts.add(
              databaseUser(
                  project.getKey(),
                  projects.get(project.getKey()),
                  results.get(i),
                  page.file(),
                  "results[" + i + "]"));
        }
      }
    }
    return accounts;
  }

  private Account orgUser(
      String orgId, String orgName, JsonNode user, Boolean mfaRequired, Path file, String record) {
    String id = SnapshotJson.requiredText(user, "id", file, record);
    String username =
        SnapshotJson.requiredText(user, "username", file, record + " (id=" + id + ")");
    record += " (username=" + username + ")";
    String membership = SnapshotJson.optionalText(user, "orgMembershipStatus");
    AccountStatus status =
        "PENDING".equalsIgnoreCase(membership) ? AccountStatus.PENDING : AccountStatus.ACTIVE;
    Instant lastAuth = SnapshotJson.optionalInstant(user, "lastAuth", file, record);
    Activity activity =
        lastAuth != null
            ? Activity.usedAt(lastAuth, "Atlas lastAuth")
            : Activity.neverUsed("Atlas: no lastAuth");
    Instant created = SnapshotJson.optionalInstant(user, "createdAt", file, record);
    if (created == null) {
      created = SnapshotJson.optionalInstant(user, "invitationCreatedAt", file, record);
    }
    Mfa mfa =
        Boolean.TRUE.equals(mfaRequired)
            ? Mfa.enabled(
                List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null)),
                "Atlas organisation requires MFA")
            : Mfa.unknown(
                mfaRequired == null
                    ? "Atlas has no per-user MFA field and the organisation settings are not in the snapshot"
                    : "Atlas has no per-user MFA field and the organisation does not require MFA");
    String first = SnapshotJson.optionalText(user, "firstName");
    String last = SnapshotJson.optionalText(user, "lastName");
    String display = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    Map<String, String> tags = new LinkedHashMap<>();
    if (orgName != null) {
      tags.put("atlas.organisation", orgName);
    }
    return Account.builder(new AccountKey(SourceSystem.ATLAS_ORG, orgId, id), username, observedAt)
        .displayName(display.isEmpty() ? null : display)
        .emails(username.contains("@") ? List.of(username) : List.of())
        .kind(AccountKind.HUMAN, "Atlas organisation user")
        .status(status)
        .created(created)
        .lastActivity(activity)
        .credentials(
            List.of(
                new Credential(
                    CredentialType.CONSOLE_PASSWORD,
                    "Atlas UI login",
                    status == AccountStatus.ACTIVE,
                    created,
                    activity.at(),
                    activity.state())))
        .mfa(mfa)
        .grants(orgGrants(orgId, user, file, record))
        .tags(tags)
        .build();
  }

  private static List<Grant> orgGrants(String orgId, JsonNode user, Path file, String record) {
    List<Grant> grants = new ArrayList<>();
    JsonNode roles = user.path("roles");
    for (JsonNode role : SnapshotJson.array(roles, "orgRoles", file, record)) {
      grants.add(roleGrant(role.asText(), orgId, "organisation role"));
    }
    for (JsonNode assignment : SnapshotJson.array(roles, "groupRoleAssignments", file, record)) {
      String groupId =
          SnapshotJson.requiredText(assignment, "groupId", file, record + " groupRoleAssignments");
      for (JsonNode role : SnapshotJson.array(assignment, "groupRoles", file, record)) {
        grants.add(roleGrant(role.asText(), groupId, "project role"));
      }
    }
    return grants;
  }

  private static Grant roleGrant(String role, String scope, String via) {
    PrivilegeLevel level = AtlasRoles.orgOrProject(role);
    return level != null
        ? new Grant(role, scope, level, via)
        : new Grant(
            role, scope, PrivilegeLevel.WRITE, via + " (unrecognised role, taken as write)");
  }

  private Account databaseUser(
      String groupId, String projectName, JsonNode user, Path file, String record) {
    String username = SnapshotJson.requiredText(user, "username", file, record);
    record += " (username=" + username + ")";
    String database = SnapshotJson.optionalText(user, "databaseName");
    if (database == null) {
      database = "admin";
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode label : SnapshotJson.array(user, "labels", file, record)) {
      tags.put(
          SnapshotJson.requiredText(label, "key", file, record + " labels"),
          label.path("value").asText(""));
    }
    if (projectName != null) {
      tags.put("atlas.project", projectName);
    }
    Auth auth = Auth.of(user);
    String[] kind = kind(username, tags, auth);
    return Account.builder(
            new AccountKey(SourceSystem.ATLAS_DATABASE, groupId, database + "/" + username),
            username,
            observedAt)
        .displayName(SnapshotJson.optionalText(user, "description"))
        .emails(username.contains("@") ? List.of(username) : List.of())
        .kind(AccountKind.valueOf(kind[0]), kind[1])
        .status(AccountStatus.ACTIVE)
        .lastActivity(Activity.unknown("Atlas database access history not in snapshot"))
        .credentials(
            List.of(
                new Credential(
                    auth.type(), auth.label(), true, null, null, Activity.State.UNKNOWN)))
        .mfa(Mfa.unknown("database users have no second factor"))
        .grants(databaseGrants(groupId, user, file, record))
        .tags(tags)
        .expires(SnapshotJson.optionalInstant(user, "deleteAfterDate", file, record))
        .build();
  }

  /** The way a database user authenticates, from the four *Type fields; all NONE is SCRAM. */
  private record Auth(CredentialType type, String label, String field, String value) {
    static Auth of(JsonNode user) {
      String[][] fields = {
        {"awsIAMType", "AWS IAM"},
        {"ldapAuthType", "LDAP"},
        {"x509Type", "X.509"},
        {"oidcAuthType", "OIDC"}
      };
      for (String[] field : fields) {
        String value = SnapshotJson.optionalText(user, field[0]);
        if (value != null && !value.equalsIgnoreCase("NONE")) {
          CredentialType type =
              field[0].equals("x509Type")
                  ? CredentialType.X509_CERTIFICATE
                  : CredentialType.EXTERNAL_AUTH;
          return new Auth(
              type,
              field[1] + " " + value.toLowerCase(Locale.ROOT).replace('_', ' '),
              field[0],
              value);
        }
      }
      return new Auth(CredentialType.DATABASE_PASSWORD, "SCRAM password", null, null);
    }
  }

  /** The kind and its evidence. */
  private static String[] kind(String username, Map<String, String> tags, Auth auth) {
    for (Map.Entry<String, String> label : tags.entrySet()) {
      String key = label.getKey().toLowerCase(Locale.ROOT);
      String value = label.getValue().strip().toLowerCase(Locale.ROOT);
      if ((key.equals("kind") || key.equals("type") || key.equals("account-type"))
          && (value.equals("service") || value.equals("human"))) {
        return new String[] {
          value.toUpperCase(Locale.ROOT), "label " + label.getKey() + "=" + label.getValue()
        };
      }
    }
    if (auth.field() != null) {
      String v = auth.value().toUpperCase(Locale.ROOT);
      if (v.equals("ROLE") || auth.field().equals("x509Type")) {
        return new String[] {"SERVICE", auth.field() + "=" + auth.value()};
      }
      if (v.equals("USER")) {
        return new String[] {"HUMAN", auth.field() + "=" + auth.value()};
      }
      return new String[] {
        "UNKNOWN", "group-mapped database user (" + auth.field() + "=" + auth.value() + ")"
      };
    }
    if (username.contains("@")) {
      return new String[] {"HUMAN", "SCRAM user named by an email address"};
    }
    boolean app =
        Arrays.stream(username.toLowerCase(Locale.ROOT).split("[^a-z]+"))
            .anyMatch(APP_WORDS::contains);
    return app
        ? new String[] {"SERVICE", "SCRAM user named like an application"}
        : new String[] {"UNKNOWN", "SCRAM user; name does not say"};
  }

  private static List<Grant> databaseGrants(
      String groupId, JsonNode user, Path file, String record) {
    List<String> clusters = new ArrayList<>();
    for (JsonNode scope : SnapshotJson.array(user, "scopes", file, record)) {
      clusters.add(SnapshotJson.requiredText(scope, "name", file, record + " scopes"));
    }
    String via =
        clusters.isEmpty()
            ? "all clusters in project"
            : "cluster scope: " + String.join(", ", clusters);
    List<Grant> grants = new ArrayList<>();
    for (JsonNode role : SnapshotJson.array(user, "roles", file, record)) {
      String name = SnapshotJson.requiredText(role, "roleName", file, record + " roles");
      String database = SnapshotJson.requiredText(role, "databaseName", file, record + " roles");
      String collection = SnapshotJson.optionalText(role, "collectionName");
      PrivilegeLevel level = AtlasRoles.database(name);
      grants.add(
          new Grant(
              name + "@" + database + (collection == null ? "" : "." + collection),
              groupId,
              level == null ? PrivilegeLevel.WRITE : level,
              level == null ? via + " (custom role, taken as write)" : via));
    }
    return grants;
  }

  private static Map<String, String> projects(AtlasPages pages) {
    Map<String, String> names = new HashMap<>();
    for (AtlasPages.Page page : pages.groups()) {
      List<JsonNode> results = SnapshotJson.array(page.body(), "results", page.file(), null);
      for (int i = 0; i < results.size(); i++) {
        String record = "results[" + i + "]";
        String id = SnapshotJson.requiredText(results.get(i), "id", page.file(), record);
        String name = SnapshotJson.optionalText(results.get(i), "name");
        if (names.put(id, name == null ? id : name) != null) {
          throw new SnapshotException(page.file(), record, "project " + id + " is listed twice");
        }
      }
    }
    return names;
  }
}
