package dev.rollcall.jobs.detect;

import dev.rollcall.jobs.profile.SystemOverride;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import dev.rollcall.rules.Rule;
import dev.rollcall.rules.RuleInfo;
import dev.rollcall.rules.TenantFacts;
import dev.rollcall.rules.TenantRule;
import dev.rollcall.rules.Violation;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A rule with its settings from the profile: what the detector runs.
 *
 * @param rule the rule
 * @param enabled whether it runs
 * @param severity the severity of its findings
 * @param clauses the clauses its findings cite
 * @param settings its thresholds
 * @param systems per-system switches and severities over the rule's own
 * @param <S> its settings type
 */
public record ConfiguredRule<S>(
    Rule<S> rule,
    boolean enabled,
    Severity severity,
    List<PolicyClause> clauses,
    S settings,
    Map<SourceSystem, SystemOverride> systems)
    implements Serializable {

  public ConfiguredRule {
    clauses = List.copyOf(clauses);
    systems = Map.copyOf(systems);
  }

  /** Whether the rule judges this system's accounts. */
  public boolean enabledFor(SourceSystem system) {
    SystemOverride override = systems.get(system);
    return enabled && (override == null || override.enabled() == null || override.enabled());
  }

  /** The severity of its findings in this system, before a rule's own per-account severity. */
  public Severity severityFor(SourceSystem system) {
    SystemOverride override = systems.get(system);
    return override != null && override.severity() != null ? override.severity() : severity;
  }

  public String id() {
    return rule.info().id();
  }

  /** Runs the rule on one subject and turns what it finds into findings. */
  public List<Finding> evaluate(Subject subject) {
    if (!enabled) {
      return List.of();
    }
    RuleInfo info = rule.info();
    return rule.check(subject, settings).stream()
        .filter(v -> enabledFor(v.view().account().key().system()))
        .map(v -> toFinding(info, v))
        .toList();
  }

  /** Runs a tenant rule on one tenant; other rules find nothing here. */
  public List<Finding> evaluateTenant(TenantFacts tenant) {
    if (!enabledFor(tenant.system()) || !(rule instanceof TenantRule<S> tenantRule)) {
      return List.of();
    }
    RuleInfo info = rule.info();
    return tenantRule.check(tenant, settings).stream()
        .map(
            v ->
                new Finding(
                    Finding.fingerprintOf(info.id(), tenant.key()),
                    info.id(),
                    info.title(),
                    severityFor(tenant.system()),
                    tenant.key(),
                    tenant.label(),
                    List.of(),
                    v.summary(),
                    v.evidence(),
                    clauses,
                    v.remediation()))
        .toList();
  }

  private Finding toFinding(RuleInfo info, Violation violation) {
    var key = violation.view().account().key();
    return new Finding(
        Finding.fingerprintOf(info.id(), key),
        info.id(),
        info.title(),
        violation.severity() != null ? violation.severity() : severityFor(key.system()),
        key,
        violation.view().account().name(),
        violation.view().personIds(),
        violation.summary(),
        violation.evidence(),
        clauses,
        violation.remediation());
  }
}
