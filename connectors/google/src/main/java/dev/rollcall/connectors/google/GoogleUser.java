package dev.rollcall.connectors.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The facts rollcall reads from one users.list record (projection=full,
 * https://developers.google.com/admin-sdk/directory/reference/rest/v1/users): id and primaryEmail
 * strictly, everything else leniently (null or false when absent).
 *
 * @param id the immutable user id
 * @param primaryEmail the sign-in address
 * @param fullName name.fullName, or given and family name joined, or null
 * @param givenName name.givenName, or null
 * @param familyName name.familyName, or null
 * @param emails primaryEmail, every emails[].address, aliases and nonEditableAliases: lower case,
 *     without repeats, in that order
 * @param created creationTime, or null
 * @param lastLogin lastLoginTime, or null when absent (the epoch when never signed in)
 * @param deleted deletionTime, set only on deleted users (users.list showDeleted=true), or null
 * @param archived archived
 * @param suspended suspended
 * @param suspensionReason suspensionReason, or null
 * @param enrolledIn2Sv isEnrolledIn2Sv, or null when absent
 * @param enforcedIn2Sv isEnforcedIn2Sv, or null when absent
 * @param admin isAdmin (a super admin)
 * @param delegatedAdmin isDelegatedAdmin
 * @param orgUnitPath orgUnitPath, or null
 */
record GoogleUser(
    String id,
    String primaryEmail,
    String fullName,
    String givenName,
    String familyName,
    List<String> emails,
    Instant created,
    Instant lastLogin,
    Instant deleted,
    boolean archived,
    boolean suspended,
    String suspensionReason,
    Boolean enrolledIn2Sv,
    Boolean enforcedIn2Sv,
    boolean admin,
    boolean delegatedAdmin,
    String orgUnitPath) {

  GoogleUser {
    emails = List.copyOf(emails);
  }

  /**
   * Reads one record.
   *
   * @param record the record's name for errors, e.g. {@code users[3]}
   */
  static GoogleUser read(JsonNode user, Path file, String record) {
    String primaryEmail = SnapshotJson.requiredText(user, "primaryEmail", file, record);
    String id = SnapshotJson.requiredText(user, "id", file, record);
    JsonNode name = object(user, "name", file, record);
    String givenName = SnapshotJson.optionalText(name, "givenName");
    String familyName = SnapshotJson.optionalText(name, "familyName");
    return new GoogleUser(
        id,
        primaryEmail,
        fullName(SnapshotJson.optionalText(name, "fullName"), givenName, familyName),
        givenName,
        familyName,
        emails(user, primaryEmail, file, record),
        SnapshotJson.optionalInstant(user, "creationTime", file, record),
        SnapshotJson.optionalInstant(user, "lastLoginTime", file, record),
        SnapshotJson.optionalInstant(user, "deletionTime", file, record),
        SnapshotJson.bool(user, "archived", false, file, record),
        SnapshotJson.bool(user, "suspended", false, file, record),
        SnapshotJson.optionalText(user, "suspensionReason"),
        optionalBool(user, "isEnrolledIn2Sv", file, record),
        optionalBool(user, "isEnforcedIn2Sv", file, record),
        SnapshotJson.bool(user, "isAdmin", false, file, record),
        SnapshotJson.bool(user, "isDelegatedAdmin", false, file, record),
        SnapshotJson.optionalText(user, "orgUnitPath"));
  }

  private static JsonNode object(JsonNode node, String field, Path file, String record) {
    JsonNode value = node.path(field);
    if (!value.isMissingNode() && !value.isNull() && !value.isObject()) {
      throw new SnapshotException(file, record, "field '" + field + "' is not an object");
    }
    return value;
  }

  private static Boolean optionalBool(JsonNode node, String field, Path file, String record) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return SnapshotJson.bool(node, field, false, file, record);
  }

  private static String fullName(String fullName, String givenName, String familyName) {
    if (fullName != null) {
      return fullName;
    }
    String joined =
        ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName))
            .strip();
    return joined.isEmpty() ? null : joined;
  }

  private static List<String> emails(JsonNode user, String primaryEmail, Path file, String record) {
    Set<String> emails = new LinkedHashSet<>();
    emails.add(lower(primaryEmail));
    List<JsonNode> entries = SnapshotJson.array(user, "emails", file, record);
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      if (!entry.isObject()) {
        throw new SnapshotException(
            file, record, "field 'emails[" + i + "]' is not an object with an 'address'");
      }
      String address = SnapshotJson.optionalText(entry, "address");
      if (address != null) {
        emails.add(lower(address));
      }
    }
    for (String field : List.of("aliases", "nonEditableAliases")) {
      List<JsonNode> aliases = SnapshotJson.array(user, field, file, record);
      for (int i = 0; i < aliases.size(); i++) {
        JsonNode alias = aliases.get(i);
        if (!alias.isTextual()) {
          throw new SnapshotException(
              file, record, "field '" + field + "[" + i + "]' is not a string");
        }
        if (!alias.asText().isBlank()) {
          emails.add(lower(alias.asText()));
        }
      }
    }
    return List.copyOf(emails);
  }

  private static String lower(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
