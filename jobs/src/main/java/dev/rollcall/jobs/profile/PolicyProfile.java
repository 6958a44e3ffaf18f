package dev.rollcall.jobs.profile;

import java.io.Serializable;
import java.util.List;

/**
 * A loaded, validated policy profile: every rule of the catalogue with its settings.
 *
 * @param name the profile's name
 * @param source where it was read from (a file path, or the default in the jar)
 * @param rules every rule, in catalogue order
 * @param exceptionMaxDays the longest an accepted-risk exception may run
 */
public record PolicyProfile(
    String name, String source, List<RuleSettings<?>> rules, int exceptionMaxDays)
    implements Serializable {
  public PolicyProfile {
    rules = List.copyOf(rules);
    if (exceptionMaxDays < 1) {
      throw new IllegalArgumentException("exceptions.maxDays must be positive");
    }
  }

  /** The rules that are switched on. */
  public List<RuleSettings<?>> enabledRules() {
    return rules.stream().filter(RuleSettings::enabled).toList();
  }
}
