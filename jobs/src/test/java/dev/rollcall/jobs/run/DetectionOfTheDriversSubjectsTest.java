package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.correlate.Correlator;
import dev.rollcall.jobs.detect.Detector;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkEngine;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Subject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subjects are made on the driver and shipped to the executors in slices: what the rules find
 * must not depend on how they are sliced or in what order they come, and a shared account, judged
 * in each of its owners' subjects (which may be in different tasks), is reported once.
 */
@ExtendWith(SharedSpark.class)
class DetectionOfTheDriversSubjectsTest {
  @Test
  void theFindingsAreTheSameHoweverTheSubjectsAreSlicedAndOrdered(
      SparkSession spark, @TempDir Path out) {
    NightlyRun.Inputs in =
        new NightlyRun(SparkStart.of(spark), "test").inputs(DemoOptions.writingTo(out));
    List<AccountView> views = Correlator.correlate(in.accounts(), in.directory(), in.claims());
    List<Subject> subjects = Correlator.subjects(views);
    SparkEngine engine = SparkEngine.of(spark);

    List<Finding> once = Detector.detect(engine, subjects, in.profile());
    List<Subject> reversed = new ArrayList<>(subjects);
    Collections.reverse(reversed);
    // One subject a task, last first: every shared account's owners are judged in different tasks.
    List<Finding> apart = Detector.detect(engine, reversed, in.profile(), 1);

    assertTrue(once.size() > 20, "the demo trips most rules: " + once.size());
    assertEquals(once, apart);
    Set<String> fingerprints = new HashSet<>();
    once.forEach(f -> assertTrue(fingerprints.add(f.fingerprint()), "twice: " + f));
    Set<String> shared = new HashSet<>();
    for (AccountView view : views) {
      if (view.personIds().size() > 1) {
        shared.add(view.account().id());
      }
    }
    assertTrue(
        once.stream().anyMatch(f -> shared.contains(f.account().id())),
        "a shared account of the demo has a finding, so the dedup above is tested: " + shared);
    assertEquals(List.of(), Detector.detect(engine, List.of(), in.profile()));
  }
}
