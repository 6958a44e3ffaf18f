package dev.rollcall.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How long each stage of a run took and what it handled, with the JVM's peak heap: what {@code
 * --timings FILE} writes and what the benchmark reads. Holds counts and durations only, never a
 * name or a secret.
 *
 * @param stages the stages in the order they ran (load, correlate, detect, store, report)
 * @param heapPeakBytes the most heap in use at any sample during the run
 * @param heapMaxBytes the most heap the JVM may use ({@code -Xmx}), or -1 when unbounded
 */
public record RunTimings(List<Stage> stages, long heapPeakBytes, long heapMaxBytes) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One stage.
   *
   * @param name the stage (load, correlate, detect, store, report)
   * @param count how many things it handled
   * @param unit what they are (accounts, findings, files)
   * @param took how long it took
   */
  public record Stage(String name, long count, String unit, Duration took) {
    public Stage {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(took, "took");
    }
  }

  /** Timings of a run that recorded none (a run that failed before its first stage). */
  public static final RunTimings NONE = new RunTimings(List.of(), 0, -1);

  public RunTimings {
    stages = List.copyOf(stages);
  }

  /** The whole of every stage. */
  public Duration total() {
    return stages.stream().map(Stage::took).reduce(Duration.ZERO, Duration::plus);
  }

  /** The timings as a JSON document, ending with a newline. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("stages");
    for (Stage s : stages) {
      list.addObject()
          .put("name", s.name())
          .put("count", s.count())
          .put("unit", s.unit())
          .put("seconds", seconds(s.took()));
    }
    root.put("totalSeconds", seconds(total()));
    root.put("heapPeakBytes", heapPeakBytes);
    root.put("heapMaxBytes", heapMaxBytes);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
