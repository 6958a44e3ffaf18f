package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.jobs.run.DemoCopy;
import dev.rollcall.jobs.run.ExitCode;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.run.RunOutcome;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.model.FailOn;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.TrackedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One truth per night: with a source broken for a night (and then the directory of people), every
 * output of the run (findings.json, findings.csv, summary.md, summary-short.md, report.html,
 * findings.ocsf.jsonl, the console) lists the same findings, finding by finding, as the state store
 * holds after that night, and says the same total.
 */
@ExtendWith(SharedSpark.class)
class OneTruthPerNightTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ATLAS = "snapshot/atlas/5f1a2b3c4d5e6f7a8b9c0d1e/settings.json";
  private static final String PROD = "snapshot/aws/111122223333";
  private static final String USERS = "snapshot/google/meridianhealth.example/users/page-2.json";

  @TempDir Path dir;

  @Test
  void everyOutputHoldsToTheStoreWhenASourceOrTheDirectoryFails(SparkSession spark)
      throws IOException {
    DemoCopy.copy(dir);
    NightlyRun job = new NightlyRun(SparkStart.of(spark), "test");
    RunOutcome night1 = DemoCopy.night(job, dir, "2026-11-20T07:00:00Z", null);
    Map<String, OutputsAgainstTheStore.Standing> first =
        OutputsAgainstTheStore.heldToTheStore(dir, night1, "2026-11-20T07:00:00Z");
    assertEquals(night1.findings().size(), first.size(), "the first night: every finding open");

    // Night 2: Atlas breaks, contractor-bob leaves the AWS account, an exception is granted.
    Files.writeString(dir.resolve(ATLAS), "{ this is not json");
    DemoCopy.removeIamUser(dir, "contractor-bob");
    Files.writeString(dir.resolve("exceptions.yaml"), DemoCopy.DAN_BREAK_GLASS);
    RunOutcome night2 = DemoCopy.night(job, dir, "2026-11-21T07:00:00Z", "exceptions.yaml");
    assertEquals(ExitCode.SOURCE_FAILED, night2.exitCode());
    Map<String, OutputsAgainstTheStore.Standing> second =
        OutputsAgainstTheStore.heldToTheStore(dir, night2, "2026-11-21T07:00:00Z");
    assertTrue(
        second.containsValue(OutputsAgainstTheStore.Standing.NOT_RECHECKED),
        "Atlas kept open: " + second);
    assertTrue(
        second.containsValue(OutputsAgainstTheStore.Standing.RESOLVED),
        "bob's findings resolved: " + second);
    assertTrue(
        second.containsValue(OutputsAgainstTheStore.Standing.SUPPRESSED),
        "the exception: " + second);
    assertEquals(
        first.size(),
        OutputsAgainstTheStore.count(second, OutputsAgainstTheStore.Standing.OPEN)
            + OutputsAgainstTheStore.count(second, OutputsAgainstTheStore.Standing.NOT_RECHECKED)
            + OutputsAgainstTheStore.count(second, OutputsAgainstTheStore.Standing.SUPPRESSED)
            + OutputsAgainstTheStore.count(second, OutputsAgainstTheStore.Standing.RESOLVED),
        "nothing is lost between nights");

    // Night 3: Atlas is back, the Google users pages break: no ownership finding is raised or
    // resolved, the leavers' findings are kept, and nobody becomes unowned.
    Files.copy(
        DemoCopy.DEMO.resolve(ATLAS), dir.resolve(ATLAS), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve(USERS), "{ \"users\": [ broken");
    RunOutcome night3 = DemoCopy.night(job, dir, "2026-11-22T07:00:00Z", "exceptions.yaml");
    assertEquals(ExitCode.SOURCE_FAILED, night3.exitCode());
    Map<String, OutputsAgainstTheStore.Standing> third =
        OutputsAgainstTheStore.heldToTheStore(dir, night3, "2026-11-22T07:00:00Z");
    assertEquals(Set.of(), night3.fresh(), "no finding is new on a night without a directory");
    for (TrackedFinding t : night3.tracked()) {
      String rule = t.finding().ruleId();
      if (rule.equals("unowned-account") || rule.equals("access-after-termination")) {
        assertEquals(FindingStatus.NOT_RECHECKED, t.status(), t.toString());
        assertTrue(t.notRecheckedBecause().contains("directory of people"), t.toString());
      }
    }
    long leavers =
        night1.findings().stream()
            .filter(f -> f.ruleId().equals("access-after-termination"))
            .count();
    assertTrue(leavers > 0);
    assertEquals(
        leavers,
        night3.tracked().stream()
            .filter(t -> t.finding().ruleId().equals("access-after-termination"))
            .filter(TrackedFinding::isOpen)
            .count(),
        "the leavers' findings stay open");
    assertTrue(third.containsValue(OutputsAgainstTheStore.Standing.NOT_RECHECKED));
    String console = ConsoleSummary.render(night3, FailOn.HIGH);
    assertTrue(console.contains("! not re-checked: the directory of people"), console);
  }
}
