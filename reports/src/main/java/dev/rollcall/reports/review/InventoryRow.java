package dev.rollcall.reports.review;

import java.util.List;

/**
 * One line of the access inventory a review is made from: one person (or nobody) and one account
 * they hold, with what the reviewer needs to decide.
 *
 * @param personId the person's id (email), or "" for an account nobody owns
 * @param personName the person's name, or ""
 * @param manager the person's manager from the HR roster, or ""
 * @param system the system, e.g. aws_iam
 * @param tenant the tenant
 * @param accountId the account's id
 * @param accountName the account's sign-in name
 * @param kind human, service or unknown
 * @param status active, suspended …
 * @param privileges each grant as "name (level, scope)"
 * @param lastUse the last use as its source says, or "unknown"
 * @param mfa enabled, not enabled or unknown, with factors
 * @param findings the rule ids of the account's findings in that run
 * @param ownership why the account is the person's: the link rule and its evidence ("" when nobody
 *     owns it, or for rows stored before rollcall recorded it)
 */
public record InventoryRow(
    String personId,
    String personName,
    String manager,
    String system,
    String tenant,
    String accountId,
    String accountName,
    String kind,
    String status,
    List<String> privileges,
    String lastUse,
    String mfa,
    List<String> findings,
    String ownership)
    implements java.io.Serializable {
  public InventoryRow {
    privileges = List.copyOf(privileges);
    findings = List.copyOf(findings);
    ownership = ownership == null ? "" : ownership;
  }

  /** A row without the ownership's evidence. */
  public InventoryRow(
      String personId,
      String personName,
      String manager,
      String system,
      String tenant,
      String accountId,
      String accountName,
      String kind,
      String status,
      List<String> privileges,
      String lastUse,
      String mfa,
      List<String> findings) {
    this(
        personId,
        personName,
        manager,
        system,
        tenant,
        accountId,
        accountName,
        kind,
        status,
        privileges,
        lastUse,
        mfa,
        findings,
        "");
  }

  /**
   * This row's account as owned by a person, for the reason {@code ownership}: the account's
   * columns (its lists included) are this row's own, shared rather than copied.
   */
  public InventoryRow ownedBy(
      String personId, String personName, String manager, String ownership) {
    return new InventoryRow(
        personId,
        personName,
        manager,
        system,
        tenant,
        accountId,
        accountName,
        kind,
        status,
        privileges,
        lastUse,
        mfa,
        findings,
        ownership);
  }
}
