package dev.rollcall.jobs.profile;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/**
 * A policy profile file as written: its name, the clauses it cites, and per rule id an entry.
 *
 * @param name the profile's name, shown in reports
 * @param description what it is for
 * @param clauses clause id to clause
 * @param rules rule id to entry; each entry's {@code with:} block is read into that rule's type
 */
public record ProfileFile(
    String name,
    String description,
    Map<String, ClauseDef> clauses,
    @JsonDeserialize(using = RuleEntriesReader.class) Map<String, RuleEntry<?>> rules) {
  public ProfileFile {
    clauses = clauses == null ? Map.of() : clauses;
    rules = rules == null ? Map.of() : rules;
  }
}
