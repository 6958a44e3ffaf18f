package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.run.RunOptions;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.model.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The review pack of the demo organisation, from the store of a run. */
@ExtendWith(SharedSpark.class)
class ReviewCommandTest {
  private static final Path CONFIG = Path.of("..", "examples", "demo", "rollcall.yaml");

  @TempDir Path out;
  private final StringWriter console = new StringWriter();
  private final StringWriter errors = new StringWriter();

  private int review(String period) {
    CommandLine cli = RollcallCommand.commandLine();
    cli.setOut(new PrintWriter(console, true));
    cli.setErr(new PrintWriter(errors, true));
    return cli.execute(
        "review", "--config", CONFIG.toString(), "--out", out.toString(), "--period", period);
  }

  @Test
  void thePackHasEveryPersonsAccountsAndTheUnownedApart(SparkSession spark) throws IOException {
    assertEquals(2, review("2026Q4"), "no run yet: a clear error");
    assertTrue(errors.toString().contains("no complete run"), errors.toString());

    new NightlyRun(() -> spark, "test")
        .run(
            new RunOptions(
                ConfigLoader.load(CONFIG),
                Severity.HIGH,
                out,
                Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC),
                Map.of()));
    assertEquals(0, review("2026Q4"), errors.toString());

    Path people = out.resolve("review-2026Q4/people.csv");
    List<String> lines = Files.readAllLines(people);
    assertEquals(
        "manager,person,name,system,tenant,account,account_id,kind,status,privileges,last_use,"
            + "mfa,findings,decision,reviewer,reviewed_on,note",
        lines.get(0));
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.contains(",kevin.otto@meridianhealth.example,")
                        && l.contains(",aws_iam,111122223333,kevin.otto,")
                        && l.contains("dormant-account")
                        && l.endsWith(",,,,")),
        String.join("\n", lines));
    List<String> unowned = Files.readAllLines(out.resolve("review-2026Q4/unowned.csv"));
    assertTrue(unowned.get(0).startsWith("system,tenant,account,"), unowned.get(0));
    assertTrue(
        unowned.stream()
            .anyMatch(l -> l.contains(",contractor-bob,") && l.contains("unowned-account")),
        String.join("\n", unowned));
    assertTrue(unowned.stream().noneMatch(l -> l.contains("kevin.otto")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(people)));
    assertTrue(console.toString().contains("review 2026Q4 from run"), console.toString());
  }

  @Test
  void aBadPeriodIsRefused() {
    assertEquals(2, review("2026-Q4"));
    assertTrue(errors.toString().contains("2026Q4"), errors.toString());
  }
}
