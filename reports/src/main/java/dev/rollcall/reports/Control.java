package dev.rollcall.reports;

import dev.rollcall.model.PolicyClause;
import java.util.List;
import java.util.Objects;

/**
 * A clause of the run's policy profile (a section of the company's policy, or the HIPAA or HITRUST
 * requirement it maps to) and the rules that cite it: a control of the compliance roll-up.
 *
 * @param clause the clause
 * @param rules the ids of the switched-on rules that check it, in catalogue order
 * @param rulesOff the ids of the rules that cite it but are switched off in the profile
 */
public record Control(PolicyClause clause, List<String> rules, List<String> rulesOff) {
  public Control {
    Objects.requireNonNull(clause, "control: clause is required");
    rules = List.copyOf(rules);
    rulesOff = List.copyOf(rulesOff);
  }
}
