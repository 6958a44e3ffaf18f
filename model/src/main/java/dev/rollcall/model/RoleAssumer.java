package dev.rollcall.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Who may assume an IAM role, as its trust policy and the assumers' own policies decide it: a user
 * or role of an audited account (an owner through that account), a whole AWS account, anyone, a
 * service, or an identity provider whose users the snapshot does not list.
 *
 * @param type what kind of principal the trust admits
 * @param principal as the trust policy names it (an ARN, an account id, a service, {@code *})
 * @param assumerId for {@link Type#USER} and {@link Type#ROLE} of an audited account, that
 *     account's rollcall id (see {@link AccountKey#id()}); null otherwise
 * @param conditions the trust statement's conditions, empty when it has none
 * @param evidence why: the trust statement and, where the trust names an account, the assumer's own
 *     statement allowing {@code sts:AssumeRole}
 */
public record RoleAssumer(
    Type type, String principal, String assumerId, List<String> conditions, String evidence)
    implements Serializable {
  public RoleAssumer {
    Objects.requireNonNull(type, "type");
    principal = Text.required(principal, "principal");
    assumerId = Text.optional(assumerId);
    conditions = List.copyOf(conditions);
    evidence = Text.required(evidence, "evidence");
  }

  /** The kinds of principal a role's trust policy can admit. */
  public enum Type {
    /** An IAM user (same or another audited account). */
    USER("IAM user"),
    /** Another IAM role: a step of a role chain. */
    ROLE("IAM role"),
    /** A whole AWS account: any of its principals whose own policies allow sts:AssumeRole. */
    ACCOUNT("any principal of AWS account"),
    /** Every principal of every AWS account ({@code "AWS": "*"} or {@code "Principal": "*"}). */
    ANYONE("any principal of any AWS account"),
    /** An AWS service: a service role, not a person. */
    SERVICE("AWS service"),
    /** IAM Identity Center, through its SAML provider: the permission set's assignees. */
    PERMISSION_SET("IAM Identity Center permission set"),
    /** A SAML identity provider: its users are not in the snapshot. */
    SAML_PROVIDER("SAML identity provider"),
    /** An OIDC (web identity) provider: its users are not in the snapshot. */
    OIDC_PROVIDER("OIDC identity provider");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** True when a person can be behind it (everything but a service). */
  public boolean canBePerson() {
    return type != Type.SERVICE;
  }

  /** One line for evidence and explain: kind, principal, conditions. */
  public String describe() {
    return type.label()
        + " "
        + principal
        + (conditions.isEmpty() ? "" : " when " + String.join(" and ", conditions))
        + " ("
        + evidence
        + ")";
  }
}
