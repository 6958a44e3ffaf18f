package dev.rollcall.jobs.profile;

import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.rules.Rule;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A rule with what the profile says of it (data only; the detector runs it as a {@link
 * dev.rollcall.jobs.detect.ConfiguredRule}).
 *
 * @param rule the rule
 * @param enabled whether it runs
 * @param severity the severity of its findings
 * @param clauses the clauses its findings cite
 * @param settings its thresholds
 * @param systems per-system switches and severities over the rule's own
 * @param <S> its settings type
 */
public record RuleSettings<S>(
    Rule<S> rule,
    boolean enabled,
    Severity severity,
    List<PolicyClause> clauses,
    S settings,
    Map<SourceSystem, SystemOverride> systems)
    implements Serializable {

  public RuleSettings {
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
}
