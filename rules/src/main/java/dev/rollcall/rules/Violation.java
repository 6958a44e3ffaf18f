package dev.rollcall.rules;

import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Severity;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a rule says about one account; the runner turns it into a {@link dev.rollcall.model.Finding}
 * with the rule's metadata and the profile's clauses.
 *
 * @param view the account
 * @param summary one sentence on what is wrong
 * @param evidence the facts that made it
 * @param remediation the concrete fix
 * @param severity a severity that overrides the profile's for this account, or null
 */
public record Violation(
    AccountView view,
    String summary,
    List<Evidence> evidence,
    String remediation,
    Severity severity)
    implements Serializable {
  public Violation {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(remediation, "remediation");
  }

  public Violation(AccountView view, String summary, List<Evidence> evidence, String remediation) {
    this(view, summary, evidence, remediation, null);
  }
}
