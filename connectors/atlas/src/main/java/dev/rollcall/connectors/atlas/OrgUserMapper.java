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
import dev.rollcall.model.SourceSystem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps one entry of GET /api/atlas/v2/orgs/{orgId}/users, version 2025-02-19
 * (https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listorganizationusers),
 * to an organisation account. The shape (id, username, orgMembershipStatus, roles {orgRoles,
 * groupRoleAssignments [{groupId, groupRoles}]}, createdAt, lastAuth, invitation* fields) was
 * checked against the OrgUserResponse model of the Atlas Go SDK generated from the same API.
 */
final class OrgUserMapper {
  private final String orgId;
  private final String orgName;
  private final Boolean mfaRequired;
  private final Instant observedAt;
  private final ProjectGrants projectGrants;

  /**
   * Prepares a mapper for one organisation.
   *
   * @param orgName the organisation's name, or null when organization.json is not in the snapshot
   * @param mfaRequired the organisation's multiFactorAuthRequired, or null when its settings are
   *     not in the snapshot
   * @param projectGrants the project roles held through teams or shown by the project listings
   */
  OrgUserMapper(
      String orgId,
      String orgName,
      Boolean mfaRequired,
      Instant observedAt,
      ProjectGrants projectGrants) {
    this.orgId = orgId;
    this.orgName = orgName;
    this.mfaRequired = mfaRequired;
    this.observedAt = observedAt;
    this.projectGrants = projectGrants;
  }

  Account map(JsonNode user, Path file, String where) {
    String id = SnapshotJson.requiredText(user, "id", file, where);
    String username = SnapshotJson.requiredText(user, "username", file, where);
    AccountStatus status = status(user, file, where);
    Instant lastAuth = SnapshotJson.optionalInstant(user, "lastAuth", file, where);
    Activity activity =
        lastAuth != null
            ? Activity.usedAt(lastAuth, "Atlas lastAuth")
            : Activity.neverUsed("Atlas: no lastAuth");
    Instant created = SnapshotJson.optionalInstant(user, "createdAt", file, where);
    if (created == null) {
      created = SnapshotJson.optionalInstant(user, "invitationCreatedAt", file, where);
    }
    return Account.builder(new AccountKey(SourceSystem.ATLAS_ORG, orgId, id), username, observedAt)
        .displayName(displayName(user))
        .emails(AtlasMapper.emailShaped(username) ? List.of(username) : List.of())
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
        .mfa(mfa())
        .grants(grants(id, user, file, where))
        .tags(orgName == null ? Map.of() : Map.of("atlas.organisation", orgName))
        .build();
  }

  private static AccountStatus status(JsonNode user, Path file, String where) {
    String value =
        SnapshotJson.requiredText(user, "orgMembershipStatus", file, where)
            .toUpperCase(Locale.ROOT);
    return switch (value) {
      case "ACTIVE" -> AccountStatus.ACTIVE;
      case "PENDING" -> AccountStatus.PENDING;
      // Lapsed invitations, listed only when asked for with orgMembershipStatuses (a filter newer
      // than 2025-02-19, not confirmed for it), grant nothing: suspended is the nearest status.
      // https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listorganizationusers
      case "INVITATION_EXPIRED", "INVITATION_REJECTED" -> AccountStatus.SUSPENDED;
      default ->
          throw new SnapshotException(
              file,
              where,
              "field 'orgMembershipStatus' has an unknown value (expected ACTIVE or PENDING)");
    };
  }

  private static String displayName(JsonNode user) {
    String first = SnapshotJson.optionalText(user, "firstName");
    String last = SnapshotJson.optionalText(user, "lastName");
    if (first == null || last == null) {
      return first == null ? last : first;
    }
    return first + " " + last;
  }

  // Atlas has no per-user MFA field; only the organisation-wide requirement says anything.
  private Mfa mfa() {
    if (Boolean.TRUE.equals(mfaRequired)) {
      return Mfa.enabled(
          List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null)),
          "Atlas organisation requires MFA");
    }
    return Mfa.unknown(
        mfaRequired == null
            ? "Atlas has no per-user MFA field and the organisation settings are not in the snapshot"
            : "Atlas has no per-user MFA field and the organisation does not require MFA");
  }

  private List<Grant> grants(String id, JsonNode user, Path file, String where) {
    JsonNode roles = user.get("roles");
    if (roles == null || !roles.isObject()) {
      throw new SnapshotException(
          file,
          where,
          "required field 'roles' is missing or not an object: expected the 2025-02-19 shape"
              + " {orgRoles, groupRoleAssignments} (Accept: application/vnd.atlas.2025-02-19+json)");
    }
    List<Grant> grants = new ArrayList<>();
    for (String role : ProjectGrants.roleNames(roles, "orgRoles", file, where + " roles")) {
      grants.add(ProjectGrants.grant(role, orgId, "organisation role"));
    }
    List<JsonNode> assignments = SnapshotJson.array(roles, "groupRoleAssignments", file, where);
    for (int i = 0; i < assignments.size(); i++) {
      String at = where + " roles.groupRoleAssignments[" + i + "]";
      String groupId = SnapshotJson.requiredText(assignments.get(i), "groupId", file, at);
      for (String role : ProjectGrants.roleNames(assignments.get(i), "groupRoles", file, at)) {
        grants.add(ProjectGrants.grant(role, groupId, "project role"));
      }
    }
    List<String> teamIds = new ArrayList<>();
    for (JsonNode teamId : SnapshotJson.array(user, "teamIds", file, where)) {
      if (!teamId.isTextual() || teamId.asText().isBlank()) {
        throw new SnapshotException(file, where, "field 'teamIds' holds a value that is no id");
      }
      teamIds.add(teamId.asText().strip());
    }
    grants.addAll(projectGrants.more(id, teamIds, grants));
    return grants;
  }
}
