package dev.rollcall.jobs.lifecycle;

import dev.rollcall.model.Finding;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One accepted risk: a finding the company has decided to live with for a while, with the fields
 * its configuration management policy demands: what it covers, who owns it, why, who approved it,
 * and until when.
 *
 * @param id a stable id, e.g. EX-2026-014
 * @param fingerprint the finding it covers; or
 * @param rule with {@code account}, the rule whose findings it covers
 * @param account a glob ({@code *} and {@code ?}) over the account's id or sign-in name
 * @param owner the accountable owner of the risk (an email)
 * @param reason the business reason
 * @param approvedBy the person responsible who approved it (an email)
 * @param expires the last day it applies (inclusive)
 */
public record RiskException(
    String id,
    String fingerprint,
    String rule,
    String account,
    String owner,
    String reason,
    String approvedBy,
    LocalDate expires) {
  public RiskException {
    id = required(id, "id");
    if ((fingerprint == null) == (rule == null || account == null)) {
      throw new IllegalArgumentException(
          "give either fingerprint, or rule and account (a pattern over the account id or name)");
    }
    if (fingerprint == null && (rule == null || account == null)) {
      throw new IllegalArgumentException("rule and account go together");
    }
    owner = email(owner, "owner");
    reason = required(reason, "reason");
    approvedBy = email(approvedBy, "approvedBy");
    if (expires == null) {
      throw new IllegalArgumentException(
          "expires is required (yyyy-MM-dd): no risk is accepted forever");
    }
  }

  /** Whether it covers the finding (expiry aside). */
  public boolean matches(Finding finding) {
    if (fingerprint != null) {
      return fingerprint.equalsIgnoreCase(finding.fingerprint());
    }
    if (!rule.equals(finding.ruleId())) {
      return false;
    }
    Pattern glob = glob(account);
    return glob.matcher(finding.account().id().toLowerCase(Locale.ROOT)).matches()
        || glob.matcher(finding.accountName().toLowerCase(Locale.ROOT)).matches();
  }

  /** Whether it still applies on {@code day}. */
  public boolean activeOn(LocalDate day) {
    return !day.isAfter(expires);
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value.strip();
  }

  private static String email(String value, String field) {
    String text = required(value, field).toLowerCase(Locale.ROOT);
    if (!text.contains("@")) {
      throw new IllegalArgumentException(field + " must be an email (it holds no @)");
    }
    return text;
  }
}
