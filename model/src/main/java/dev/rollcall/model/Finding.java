package dev.rollcall.model;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One breach of the access policy by one account.
 *
 * @param fingerprint stable across runs: a hash of rule, system, tenant and account
 * @param ruleId the rule's stable id
 * @param title the rule's title
 * @param severity how urgent
 * @param account the account
 * @param accountName the account's sign-in name
 * @param personIds the people the account belongs to (empty when unowned)
 * @param summary one sentence saying what is wrong with this account
 * @param evidence the facts that made the finding
 * @param clauses the policy clauses it breaks, from the policy profile
 * @param remediation the concrete fix
 */
public record Finding(
    String fingerprint,
    String ruleId,
    String title,
    Severity severity,
    AccountKey account,
    String accountName,
    List<String> personIds,
    String summary,
    List<Evidence> evidence,
    List<PolicyClause> clauses,
    String remediation)
    implements Serializable {

  public Finding {
    fingerprint = Text.required(fingerprint, "fingerprint");
    ruleId = Text.required(ruleId, "ruleId");
    title = Text.required(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(account, "account");
    accountName = Text.required(accountName, "accountName");
    personIds = List.copyOf(personIds);
    summary = Text.required(summary, "summary");
    evidence = List.copyOf(evidence);
    clauses = List.copyOf(clauses);
    remediation = Text.required(remediation, "remediation");
  }

  /** The fingerprint of a rule's finding on an account: the same every night. */
  public static String fingerprintOf(String ruleId, AccountKey account) {
    String material =
        String.join("\n", ruleId, account.system().name(), account.tenant(), account.nativeId());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
