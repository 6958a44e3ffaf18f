package dev.rollcall.jobs.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.jobs.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every threshold of every rule has a range: its ends are accepted, one step past either end is
 * refused naming the rule and the key, never read as "off".
 */
class ThresholdRangesTest {
  @TempDir Path dir;

  /**
   * One threshold: where it is written, its range, and the other settings a value at an end needs
   * (adminDays may not exceed days).
   */
  private record Threshold(String rule, String key, long min, long max, String besides) {
    Threshold(String rule, String key, long min, long max) {
      this(rule, key, min, max, "");
    }
  }

  private static final List<Threshold> THRESHOLDS =
      List.of(
          new Threshold("access-after-termination", "deadlineHours", 1, 8760),
          new Threshold("concurrent-sign-ins", "windowMinutes", 1, 1440),
          new Threshold("dormant-account", "days", 1, 3650),
          new Threshold("dormant-account", "daysBySystem", 1, 3650),
          new Threshold("never-used-account", "graceDays", 1, 3650),
          new Threshold("unused-credential", "days", 1, 3650),
          new Threshold("unused-credential", "graceDays", 1, 3650),
          new Threshold("temporary-account-expired", "maxTermDays", 1, 3650),
          new Threshold("root-account-risk", "recentUseDays", 1, 3650),
          new Threshold("access-key-not-rotated", "days", 1, 3650),
          new Threshold("password-too-old", "days", 1, 3650, "      adminDays: 1\n"),
          new Threshold("password-too-old", "adminDays", 1, 3650, "      days: 3650\n"),
          new Threshold("too-many-admins", "max", 1, 100_000),
          new Threshold("too-many-admins", "maxBySystem", 1, 100_000),
          new Threshold("password-policy-weaker-than-policy", "minimumLength", 1, 128),
          new Threshold("password-policy-weaker-than-policy", "minimumCharacterClasses", 0, 4),
          new Threshold("password-policy-weaker-than-policy", "maxAgeDays", 1, 1095),
          new Threshold("password-policy-weaker-than-policy", "reusePrevention", 1, 24));

  @Test
  void eachEndIsAcceptedAndOnePastItRefused() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Threshold t : THRESHOLDS) {
      for (long value : new long[] {t.min(), t.max()}) {
        String problem = problem(t, value);
        if (problem != null) {
          wrong.add(t.rule() + "." + t.key() + " = " + value + " refused: " + problem);
        }
      }
      for (long value : new long[] {t.min() - 1, t.max() + 1}) {
        String problem = problem(t, value);
        String range = t.min() + " to " + t.max();
        if (problem == null) {
          wrong.add(t.rule() + "." + t.key() + " = " + value + " accepted");
        } else if (!problem.contains("rules." + t.rule() + ".with")
            || !problem.contains(t.key())
            || !problem.contains(range)
            || !problem.contains("was " + value)) {
          wrong.add(t.rule() + "." + t.key() + " = " + value + ": " + problem);
        }
      }
    }
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }

  @Test
  void twoBillionDaysAreRefusedRatherThanSwitchingTheRuleOff() throws IOException {
    String problem = problem(new Threshold("dormant-account", "days", 1, 3650), 2_000_000_000L);
    assertEquals(
        dir.resolve("profile.yaml")
            + " line 3: key rules.dormant-account.with: days must be 1 to 3650 days, was"
            + " 2000000000",
        problem);
  }

  @Test
  void exceptionsLastAtMostTenYears() throws IOException {
    Path file = dir.resolve("profile.yaml");
    Files.writeString(file, "exceptions:\n  maxDays: 3651\n");
    String problem = failure(file);
    assertEquals(
        true, problem != null && problem.contains("maxDays must be 1 to 3650 days"), problem);
    Files.writeString(file, "exceptions:\n  maxDays: 3650\n");
    assertEquals(null, failure(file));
  }

  /** The profile's refusal of the threshold at this value, or null when it loads. */
  private String problem(Threshold t, long value) throws IOException {
    String setting =
        t.key().endsWith("BySystem")
            ? "      " + t.key() + ": {aws_iam: " + value + "}\n"
            : "      " + t.key() + ": " + value + "\n";
    Path file = dir.resolve("profile.yaml");
    Files.writeString(file, "rules:\n  " + t.rule() + ":\n    with:\n" + setting + t.besides());
    return failure(file);
  }

  private String failure(Path file) {
    try {
      ProfileLoader.load(file.getFileName().toString(), dir);
      return null;
    } catch (ConfigException e) {
      return e.getMessage();
    }
  }
}
