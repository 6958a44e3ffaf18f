package dev.rollcall.model;

/** The kinds of system rollcall takes the roll of; each account lives in exactly one. */
public enum SourceSystem {
  AWS_IAM("AWS IAM"),
  AWS_IDENTITY_CENTER("AWS IAM Identity Center"),
  GOOGLE_WORKSPACE("Google Workspace"),
  ATLAS_ORG("MongoDB Atlas organisation"),
  ATLAS_DATABASE("MongoDB Atlas database");

  private final String label;
  private final String id;

  SourceSystem(String label) {
    this.label = label;
    this.id = name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The system's part of an account id: its name in lower case ({@code aws_iam}). */
  public String id() {
    return id;
  }

  /**
   * Whether its sources are the directory of people (the identity provider) that accounts are tied
   * to: correlation depends on them.
   */
  public boolean knowsPeople() {
    return this == GOOGLE_WORKSPACE;
  }

  /** The name a person reads in a report. */
  public String label() {
    return label;
  }
}
