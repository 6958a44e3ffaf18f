package dev.rollcall.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person from the directory of people (the identity provider, optionally an HR roster).
 *
 * @param personId the primary email, lower case: stable and unique across the directory
 * @param displayName the person's name, or null
 * @param givenName first name, or null
 * @param familyName last name, or null
 * @param emails the primary email and every alias, lower case
 * @param status active or left
 * @param statusEvidence what made the status (e.g. "Google Workspace: suspended")
 * @param leftAt when the person left, or null when unknown or still active
 * @param source the directory account this person comes from; null for a person known only from the
 *     HR roster
 * @param manager the manager's email from the HR roster, lower case, or null
 */
public record Identity(
    String personId,
    String displayName,
    String givenName,
    String familyName,
    List<String> emails,
    PersonStatus status,
    String statusEvidence,
    Instant leftAt,
    AccountKey source,
    String manager)
    implements Serializable {

  /** A person without a known manager. */
  public Identity(
      String personId,
      String displayName,
      String givenName,
      String familyName,
      List<String> emails,
      PersonStatus status,
      String statusEvidence,
      Instant leftAt,
      AccountKey source) {
    this(
        personId,
        displayName,
        givenName,
        familyName,
        emails,
        status,
        statusEvidence,
        leftAt,
        source,
        null);
  }

  public Identity {
    personId = Text.required(personId, "personId").toLowerCase(java.util.Locale.ROOT);
    displayName = Text.optional(displayName);
    givenName = Text.optional(givenName);
    familyName = Text.optional(familyName);
    emails = emails.stream().map(e -> e.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    Objects.requireNonNull(status, "status of " + personId);
    statusEvidence = Text.required(statusEvidence, "statusEvidence of " + personId);
    manager =
        manager == null ? null : Text.optional(manager.strip().toLowerCase(java.util.Locale.ROOT));
  }
}
