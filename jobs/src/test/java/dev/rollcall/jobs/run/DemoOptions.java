package dev.rollcall.jobs.run;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.model.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** The run options of the bundled demo organisation, at a fixed instant, for the explain tests. */
final class DemoOptions {
  private DemoOptions() {}

  static RunOptions writingTo(Path out) {
    return new RunOptions(
        ConfigLoader.load(Path.of("..", "examples", "demo", "rollcall.yaml")),
        Severity.HIGH,
        out,
        Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC),
        Map.of());
  }
}
