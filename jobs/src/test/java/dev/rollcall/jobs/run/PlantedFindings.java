package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Finding;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Compares a run's findings with the ones planted in its organisation, line for line. */
final class PlantedFindings {
  private PlantedFindings() {}

  /** A finding as expected-findings.csv writes it: rule, system, tenant, account name. */
  static String line(Finding f) {
    return String.join(
        ",",
        f.ruleId(),
        f.account().system().name().toLowerCase(Locale.ROOT),
        f.account().tenant(),
        f.accountName());
  }

  /** Fails naming what was planted but not found, and what was found but not planted. */
  static void assertExactly(Set<String> expected, Collection<Finding> findings) {
    TreeSet<String> actual = new TreeSet<>();
    findings.forEach(f -> actual.add(line(f)));
    TreeSet<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    TreeSet<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    assertTrue(
        missing.isEmpty() && unexpected.isEmpty(),
        "planted but not found: " + missing + "\nfound but not planted: " + unexpected);
  }
}
