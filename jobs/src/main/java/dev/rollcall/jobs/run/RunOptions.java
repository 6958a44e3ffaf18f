package dev.rollcall.jobs.run;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.model.FailOn;
import dev.rollcall.model.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What one nightly run is asked to do.
 *
 * @param config the loaded configuration
 * @param failOn which findings make the run exit with {@link ExitCode#FINDINGS}
 * @param outputDir the output folder (reports and the embedded store)
 * @param clock the clock ("now" for run ids and for sources without a capture time)
 * @param environment where secret references are looked up
 * @param saveSnapshot where live sources' pulls are kept as a snapshot; null to pull into a
 *     temporary folder removed after the run
 */
public record RunOptions(
    ConfigLoader.Loaded config,
    FailOn failOn,
    Path outputDir,
    Clock clock,
    Map<String, String> environment,
    Path saveSnapshot) {
  /** Options that fail on findings at or above a severity. */
  public RunOptions(
      ConfigLoader.Loaded config,
      Severity failOn,
      Path outputDir,
      Clock clock,
      Map<String, String> environment,
      Path saveSnapshot) {
    this(config, FailOn.atLeast(failOn), outputDir, clock, environment, saveSnapshot);
  }

  /** Options that keep no snapshot of the live pulls. */
  public RunOptions(
      ConfigLoader.Loaded config,
      Severity failOn,
      Path outputDir,
      Clock clock,
      Map<String, String> environment) {
    this(config, FailOn.atLeast(failOn), outputDir, clock, environment, null);
  }

  public RunOptions {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(failOn, "failOn");
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(clock, "clock");
    environment = Map.copyOf(environment);
  }
}
