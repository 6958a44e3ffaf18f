package dev.rollcall.jobs.profile;

import dev.rollcall.model.Severity;
import java.util.List;

/**
 * One rule's entry in a profile file. Every field may be left out of a company's profile; what is
 * left out comes from the default profile.
 *
 * @param enabled whether the rule runs
 * @param severity the severity of its findings
 * @param clauses ids of the clauses (from the profile's clauses section) its findings break
 * @param with the rule's own thresholds and lists, typed per rule
 * @param systems per system ({@code aws_iam}, {@code google_workspace} …), an on/off switch and a
 *     severity over the rule's own
 * @param <S> the rule's settings type
 */
public record RuleEntry<S>(
    Boolean enabled,
    Severity severity,
    List<ClauseRef> clauses,
    S with,
    java.util.Map<dev.rollcall.model.SourceSystem, SystemOverride> systems) {

  /** This entry with each missing field taken from the fallback. */
  public RuleEntry<S> orElse(RuleEntry<S> fallback) {
    if (fallback == null) {
      return this;
    }
    return new RuleEntry<>(
        enabled != null ? enabled : fallback.enabled(),
        severity != null ? severity : fallback.severity(),
        clauses != null ? clauses : fallback.clauses(),
        with != null ? with : fallback.with(),
        systems != null ? systems : fallback.systems());
  }
}
