package dev.rollcall.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One way into an account, with its dates. Never holds a secret: {@code label} names the credential
 * (for AWS access keys, the slot or a masked key id such as {@code AKIA…WXYZ}).
 *
 * @param type what kind of credential
 * @param label a non-secret name for it
 * @param active whether it works today
 * @param created when it was created or last rotated; null if the source does not say
 * @param lastUsed when it was last used; null if never used or unknown (see {@code usage})
 * @param usage what the source says about its use
 */
public record Credential(
    CredentialType type,
    String label,
    boolean active,
    Instant created,
    Instant lastUsed,
    Activity.State usage)
    implements Serializable {

  public Credential {
    Objects.requireNonNull(type, "type");
    label = Text.required(label, "label");
    Objects.requireNonNull(usage, "usage");
    if ((usage == Activity.State.USED) != (lastUsed != null)) {
      throw new IllegalArgumentException(
          "credential " + label + ": lastUsed must be set exactly when usage is USED");
    }
  }
}
