package dev.rollcall.jobs.detect;

import dev.rollcall.jobs.profile.RuleSettings;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Subject;
import dev.rollcall.rules.RuleInfo;
import dev.rollcall.rules.TenantFacts;
import dev.rollcall.rules.Violation;
import java.io.Serializable;
import java.util.List;

/**
 * A rule with its settings from the profile, as the detector runs it: what the rule says, turned
 * into findings with the rule's metadata, the profile's severity and clauses.
 *
 * @param <S> the rule's settings type
 */
public record ConfiguredRule<S>(RuleSettings<S> profile) implements Serializable {

  /** Runs the rule on one subject; a tenant rule or a rule switched off finds nothing here. */
  public List<Finding> evaluate(Subject subject) {
    if (!profile.enabled()) {
      return List.of();
    }
    RuleInfo info = profile.rule().info();
    return profile.rule().findIn(subject, profile.settings()).stream()
        .filter(v -> profile.enabledFor(v.view().account().key().system()))
        .map(v -> toFinding(info, v))
        .toList();
  }

  /** Runs the rule on one tenant; account and person rules find nothing here. */
  public List<Finding> evaluate(TenantFacts tenant) {
    if (!profile.enabledFor(tenant.system())) {
      return List.of();
    }
    RuleInfo info = profile.rule().info();
    return profile.rule().findIn(tenant, profile.settings()).stream()
        .map(
            v ->
                new Finding(
                    Finding.fingerprintOf(info.id(), tenant.key()),
                    info.id(),
                    info.title(),
                    profile.severityFor(tenant.system()),
                    tenant.key(),
                    tenant.label(),
                    List.of(),
                    v.summary(),
                    v.evidence(),
                    profile.clauses(),
                    v.remediation()))
        .toList();
  }

  private Finding toFinding(RuleInfo info, Violation violation) {
    var key = violation.view().account().key();
    return new Finding(
        Finding.fingerprintOf(info.id(), key),
        info.id(),
        info.title(),
        violation.severity() != null ? violation.severity() : profile.severityFor(key.system()),
        key,
        violation.view().account().name(),
        violation.view().personIds(),
        violation.summary(),
        violation.evidence(),
        profile.clauses(),
        violation.remediation());
  }
}
