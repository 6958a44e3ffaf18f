package dev.rollcall.jobs.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A policy profile file as written: its name, the profile it extends, the clauses it cites, and per
 * rule id an entry.
 *
 * @param name the profile's name, shown in reports
 * @param description what it is for
 * @param base the profile it extends: {@code default} (when absent), a bundled profile's name, or
 *     another file; written {@code extends:}
 * @param clauses clause id to clause
 * @param rules rule id to entry; each entry's {@code with:} block is read into that rule's type
 * @param exceptions how accepted-risk exceptions are limited
 */
public record ProfileFile(
    String name,
    String description,
    @JsonProperty("extends") String base,
    Map<String, ClauseDef> clauses,
    @JsonDeserialize(using = RuleEntriesReader.class) Map<String, RuleEntry> rules,
    ExceptionLimits exceptions) {
  /**
   * How long accepted risks may last.
   *
   * @param maxDays the longest an exception may run from the day it is checked
   */
  public record ExceptionLimits(Integer maxDays) {
    public ExceptionLimits {
      if (maxDays != null && (maxDays < 1 || maxDays > 3650)) {
        throw new IllegalArgumentException("maxDays must be 1 to 3650 days, was " + maxDays);
      }
    }
  }

  public ProfileFile {
    clauses = clauses == null ? Map.of() : clauses;
    rules = rules == null ? Map.of() : rules;
  }

  /**
   * This file laid over {@code fallback}: its clauses added, and each rule entry's missing fields
   * taken from the fallback's entry.
   */
  public ProfileFile over(ProfileFile fallback) {
    Map<String, ClauseDef> mergedClauses = new LinkedHashMap<>(fallback.clauses());
    mergedClauses.putAll(clauses);
    Map<String, RuleEntry> mergedRules = new LinkedHashMap<>(fallback.rules());
    rules.forEach((id, entry) -> mergedRules.put(id, entry.orElse(fallback.rules().get(id))));
    return new ProfileFile(
        name != null ? name : fallback.name(),
        description != null ? description : fallback.description(),
        null,
        mergedClauses,
        mergedRules,
        exceptions != null && exceptions.maxDays() != null ? exceptions : fallback.exceptions());
  }
}
