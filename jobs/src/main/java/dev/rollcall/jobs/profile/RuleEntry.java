package dev.rollcall.jobs.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import java.util.List;
import java.util.Map;

/**
 * One rule's entry in a profile file. Every field may be left out of a company's profile; what is
 * left out comes from the profile it extends, down to the default profile, which sets them all.
 *
 * @param enabled whether the rule runs
 * @param severity the severity of its findings
 * @param clauses ids of the clauses (from the profile's clauses section) its findings break
 * @param with the rule's own thresholds and lists as written; read into the rule's settings type
 *     once laid over what the profile extends, setting by setting
 * @param systems per system ({@code aws_iam}, {@code google_workspace} …), an on/off switch and a
 *     severity over the rule's own
 */
public record RuleEntry(
    Boolean enabled,
    Severity severity,
    List<ClauseRef> clauses,
    ObjectNode with,
    Map<SourceSystem, SystemOverride> systems) {

  /**
   * This entry with each missing field taken from the fallback; the {@code with:} blocks are merged
   * setting by setting (a setting this entry leaves out keeps the fallback's value).
   */
  public RuleEntry orElse(RuleEntry fallback) {
    if (fallback == null) {
      return this;
    }
    return new RuleEntry(
        enabled != null ? enabled : fallback.enabled(),
        severity != null ? severity : fallback.severity(),
        clauses != null ? clauses : fallback.clauses(),
        merged(with, fallback.with()),
        systems != null ? systems : fallback.systems());
  }

  private static ObjectNode merged(ObjectNode own, ObjectNode fallback) {
    if (own == null) {
      return fallback;
    }
    if (fallback == null) {
      return own;
    }
    ObjectNode merged = fallback.deepCopy();
    merged.setAll(own);
    return merged;
  }
}
