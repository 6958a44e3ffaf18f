package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.jobs.run.DemoCopy;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A review pack is the document that was handed out: imported against itself after later nights
 * changed the accounts, its formula-like names neutralised and taken back unchanged, and a pack
 * made after a night a source failed says so and exits 4.
 */
@ExtendWith(SharedSpark.class)
class ReviewPackDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DB_USERS =
      "snapshot/atlas/5f1a2b3c4d5e6f7a8b9c0d1e/groups/6a1b2c3d4e5f6a7b8c9d0e1f/databaseUsers.json";
  private static final String ATLAS = "snapshot/atlas/5f1a2b3c4d5e6f7a8b9c0d1e/settings.json";
  private static final String FORMULA = "=app-orders+1";

  @TempDir Path dir;
  private final StringWriter console = new StringWriter();
  private final StringWriter errors = new StringWriter();

  @Test
  void aPackIsImportedAgainstItselfAfterLaterNights(SparkSession spark) throws IOException {
    DemoCopy.copy(dir);
    Path users = dir.resolve(DB_USERS);
    Files.writeString(
        users,
        Files.readString(users)
            .replace("\"username\": \"app-orders\"", "\"username\": \"" + FORMULA + "\""));
    NightlyRun job = new NightlyRun(SparkStart.of(spark), "test");
    DemoCopy.night(job, dir, "2026-11-20T07:00:00Z", null);
    assertEquals(0, review("2026Q4"), errors.toString());

    // The formula-like account name is neutralised in the CSV, as in findings.csv.
    Path people = dir.resolve("out/review-2026Q4/people.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(people));
    int formulaRow = -1;
    int bobRow = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).contains(",'" + FORMULA + ",")) {
        formulaRow = i;
      }
      if (lines.get(i).contains(",aws_iam,111122223333,contractor-bob,")) {
        bobRow = i;
      }
    }
    assertTrue(formulaRow > 0, "neutralised: " + String.join("\n", lines));
    assertTrue(lines.stream().noneMatch(l -> l.contains("," + FORMULA + ",")), "never bare");
    Path unowned = dir.resolve("out/review-2026Q4/unowned.csv");
    List<String> unownedLines = new ArrayList<>(Files.readAllLines(unowned));
    for (int i = 1; i < unownedLines.size(); i++) {
      if (unownedLines.get(i).contains(",aws_iam,111122223333,contractor-bob,")) {
        bobRow = i;
      }
    }
    assertTrue(bobRow > 0, "contractor-bob is in the pack");

    // The reviewer keeps the formula-named user and revokes contractor-bob ...
    lines.set(formulaRow, decided(lines.get(formulaRow), "keep"));
    unownedLines.set(bobRow, decided(unownedLines.get(bobRow), "revoke"));
    Path filledPeople = Files.write(dir.resolve("filled-people.csv"), lines);
    Path filledUnowned = Files.write(dir.resolve("filled-unowned.csv"), unownedLines);

    // ... and before the import, a night carries the revoke out: bob is gone from the account.
    DemoCopy.removeIamUser(dir, "contractor-bob");
    DemoCopy.night(job, dir, "2026-11-21T07:00:00Z", null);
    assertEquals(0, review("2026Q4", "--import", filledUnowned.toString()), errors.toString());
    assertEquals(0, review("2026Q4", "--import", filledPeople.toString()), errors.toString());

    // The next period's pack shows the decision on the account with the exact name.
    assertEquals(0, review("2027Q1"), errors.toString());
    String next =
        Files.readAllLines(dir.resolve("out/review-2027Q1/people.csv")).stream()
            .filter(l -> l.contains(",'" + FORMULA + ","))
            .findFirst()
            .orElseThrow();
    assertTrue(next.contains("keep by ciso@meridianhealth.example on 2026-12-15 (2026Q4)"), next);

    // A night with a failed source: the pack made from it says so, and exits 4.
    Files.writeString(dir.resolve(ATLAS), "{ broken");
    DemoCopy.night(job, dir, "2026-11-22T07:00:00Z", null);
    assertEquals(4, review("2027Q2"), errors.toString() + console);
    String said = console.toString() + errors;
    assertTrue(said.contains("atlas/5f1a2b3c4d5e6f7a8b9c0d1e"), said);
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            Files.newInputStream(dir.resolve("out/review-2027Q2/review.xlsx")))) {
      StringBuilder summary = new StringBuilder();
      book.getSheet("Summary").forEach(r -> r.forEach(c -> summary.append(c).append('|')));
      assertTrue(summary.toString().contains("WARNING"), summary.toString());
      assertTrue(summary.toString().contains("atlas/5f1a2b3c4d5e6f7a8b9c0d1e"), summary.toString());
    }
  }

  /** The row with a decision, a reviewer and a date (its last four columns were empty). */
  private static String decided(String row, String decision) {
    assertTrue(row.endsWith(",,,"), row);
    return row.substring(0, row.length() - 3)
        + decision
        + ",ciso@meridianhealth.example,2026-12-15,";
  }

  private int review(String period, String... more) {
    CommandLine cli = RollcallCommand.commandLine();
    cli.setOut(new PrintWriter(console, true));
    cli.setErr(new PrintWriter(errors, true));
    List<String> args =
        new ArrayList<>(
            List.of(
                "review",
                "--config",
                dir.resolve("rollcall.yaml").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--period",
                period));
    args.addAll(List.of(more));
    return cli.execute(args.toArray(String[]::new));
  }
}
