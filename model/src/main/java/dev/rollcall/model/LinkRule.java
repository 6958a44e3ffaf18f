package dev.rollcall.model;

/**
 * How an account was tied to a person, strongest first. The ordinal is the strength: a lower
 * ordinal wins when several rules link one account.
 */
public enum LinkRule {
  /** The account is the person's own entry in the directory of people. */
  DIRECTORY("is the person's directory account"),
  /** A row of the explicit mapping file. */
  MAPPING_FILE("listed in the mapping file"),
  /** An owner or email tag (AWS tag, Atlas label). */
  OWNER_TAG("owner/email tag"),
  /** An IAM Identity Center user's email. */
  IDENTITY_CENTER("Identity Center user's email"),
  /** A federated session (CloudTrail) of an IAM role carried the person's address as its name. */
  FEDERATED_SESSION("federated session name (CloudTrail) is the person's address"),
  /** The account's name or email is one of the person's addresses or aliases. */
  EMAIL_NAME("email-shaped name matches the person's address or alias"),
  /** The account's name, with one of the company's domains, is one of the person's addresses. */
  NAME_AT_COMPANY_DOMAIN("name at a company domain matches the person's address"),
  /** An Atlas organisation user's username is one of the person's addresses. */
  ATLAS_ORG_USERNAME("Atlas organisation username matches the person's address"),
  /**
   * An IAM role the person can assume through an account they own: its trust policy admits that
   * account and, where it names a whole AWS account, that account's policies allow it.
   */
  ASSUMES_ROLE("can assume the role through an account they own"),
  /**
   * The account's display name is the person's name: weak, reported as a probable owner and never
   * enough on its own to make an account owned.
   */
  NAME_MATCH("display name matches the person's name (probable)");

  private final String description;

  LinkRule(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
