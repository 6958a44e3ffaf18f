package dev.rollcall.jobs.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DetectorTest {
  @Test
  void subjectsGoInOneSliceABatchOfAccountsAtLeastOnePerCoreAndNeverMoreThanTheSubjects() {
    assertEquals(6, Detector.slices(40_000, 100_018, Detector.SLICE, 2));
    assertEquals(8, Detector.slices(40_000, 100_018, Detector.SLICE, 8), "eight cores: eight");
    assertEquals(51, Detector.slices(400_000, 1_000_180, Detector.SLICE, 2));
    assertEquals(50, Detector.slices(400_000, 1_000_000, Detector.SLICE, 2));
    assertEquals(2, Detector.slices(60, 130, Detector.SLICE, 2), "the demo: one per core");
    assertEquals(1, Detector.slices(1, 3, Detector.SLICE, 2), "one subject: one slice");
    assertEquals(1, Detector.slices(0, 0, Detector.SLICE, 2), "nothing to judge: one slice");
    assertEquals(60, Detector.slices(60, 130, 1, 2), "an account a slice: a subject a slice");
  }
}
