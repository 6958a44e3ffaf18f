package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.FailOn;
import dev.rollcall.model.Severity;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** --fail-on: a severity and above, or none for schedulers that fail on any non-zero exit. */
class FailOnTest {
  @Test
  void aSeverityFailsOnItselfAndAboveOnly() {
    assertTrue(FailOn.HIGH.failsOn(Severity.HIGH));
    assertTrue(FailOn.HIGH.failsOn(Severity.CRITICAL));
    assertFalse(FailOn.HIGH.failsOn(Severity.MEDIUM));
    assertTrue(FailOn.INFO.failsOn(Severity.INFO));
    for (Severity severity : Severity.values()) {
      assertEquals(severity.name().toLowerCase(Locale.ROOT), FailOn.atLeast(severity).label());
    }
  }

  @Test
  void noneFailsOnNothing() {
    for (Severity severity : Severity.values()) {
      assertFalse(FailOn.NONE.failsOn(severity), severity.name());
    }
    assertEquals("findings never fail the run (--fail-on none)", FailOn.NONE.sentence());
    assertEquals("the run fails on high findings and above", FailOn.HIGH.sentence());
  }

  @Test
  void parsesWithoutRegardToCaseAndNamesTheChoices() {
    assertEquals(FailOn.NONE, FailOn.parse(" None "));
    assertEquals(FailOn.CRITICAL, FailOn.parse("critical"));
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> FailOn.parse("urgent"));
    assertEquals(
        "unknown value 'urgent', expected one of info, low, medium, high, critical, none",
        bad.getMessage());
  }

  @Test
  void theRunCommandTakesNoneAndDefaultsToHigh() {
    assertEquals(FailOn.NONE, parsed("run", "--config", "x.yaml", "--fail-on", "NONE").failOn);
    assertEquals(FailOn.HIGH, parsed("run", "--config", "x.yaml").failOn);
  }

  private static RunCommand parsed(String... args) {
    return RollcallCommand.commandLine()
        .parseArgs(args)
        .subcommand()
        .commandSpec()
        .commandLine()
        .getCommand();
  }
}
