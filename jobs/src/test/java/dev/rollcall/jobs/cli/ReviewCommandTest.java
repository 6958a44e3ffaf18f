package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.run.RunOptions;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
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

  /** One night of the demo organisation into {@code out}, so the store has a complete run. */
  private void runDemo(SparkSession spark) {
    new NightlyRun(SparkStart.of(spark), "test")
        .run(
            new RunOptions(
                ConfigLoader.load(CONFIG),
                Severity.HIGH,
                out,
                Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC),
                Map.of()));
  }

  private int review(String period, String... more) {
    CommandLine cli = RollcallCommand.commandLine();
    cli.setOut(new PrintWriter(console, true));
    cli.setErr(new PrintWriter(errors, true));
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "review",
                "--config",
                CONFIG.toString(),
                "--out",
                out.toString(),
                "--period",
                period));
    args.addAll(List.of(more));
    return cli.execute(args.toArray(String[]::new));
  }

  @Test
  void thePackHasEveryPersonsAccountsAndTheUnownedApart(SparkSession spark) throws IOException {
    assertEquals(2, review("2026Q4"), "no run yet: a clear error");
    assertTrue(errors.toString().contains("no complete run"), errors.toString());

    runDemo(spark);
    assertEquals(0, review("2026Q4"), errors.toString());

    Path people = out.resolve("review-2026Q4/people.csv");
    List<String> lines = Files.readAllLines(people);
    assertEquals(
        "pack_id,manager,person,name,system,tenant,account,account_id,kind,status,privileges,last_use,"
            + "mfa,findings,previous_decision,revoke_done,decision,reviewer,reviewed_on,note",
        lines.get(0));
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.contains(",kevin.otto@meridianhealth.example,")
                        && l.contains(",aws_iam,111122223333,kevin.otto,")
                        && l.contains("dormant-account")
                        && l.endsWith(",,,,,,")),
        String.join("\n", lines));
    List<String> unowned = Files.readAllLines(out.resolve("review-2026Q4/unowned.csv"));
    assertTrue(unowned.get(0).startsWith("pack_id,system,tenant,account,"), unowned.get(0));
    assertTrue(
        unowned.stream()
            .anyMatch(l -> l.contains(",contractor-bob,") && l.contains("unowned-account")),
        String.join("\n", unowned));
    assertTrue(unowned.stream().noneMatch(l -> l.contains("kevin.otto")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(people)));
    assertTrue(console.toString().contains("review 2026Q4 (pack 2026Q4-"), console.toString());
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            Files.newInputStream(out.resolve("review-2026Q4/review.xlsx")))) {
      assertEquals("Summary", book.getSheetAt(0).getSheetName());
      assertEquals("People", book.getSheetAt(1).getSheetName());
      assertEquals("Unowned", book.getSheetAt(2).getSheetName());
      var header = book.getSheetAt(1).getRow(0);
      assertEquals("pack_id", header.getCell(0).getStringCellValue());
      assertEquals(1, book.getSheetAt(1).getDataValidations().size(), "a dropdown on decision");
      assertTrue(book.getSheetAt(1).getColumnWidth(2) > 256 * 10);
      StringBuilder summary = new StringBuilder();
      book.getSheetAt(0).forEach(r -> r.forEach(c -> summary.append(c).append('|')));
      assertTrue(summary.toString().contains("Period|2026Q4|"), summary.toString());
      assertTrue(summary.toString().contains("Approver|"), summary.toString());
      assertEquals("note", header.getCell(header.getLastCellNum() - 1).getStringCellValue());
      assertEquals(lines.size() - 1, book.getSheetAt(1).getLastRowNum());
      assertEquals(unowned.size() - 1, book.getSheetAt(2).getLastRowNum());
      boolean kevin = false;
      for (var row : book.getSheetAt(1)) {
        kevin |=
            row.getCell(6).getStringCellValue().equals("kevin.otto")
                && row.getCell(4).getStringCellValue().equals("aws_iam");
      }
      assertTrue(kevin, "kevin.otto's IAM user is in the People sheet");
    }

    // Last quarter's reviewer revoked kevin.otto's production user; the pack shows it not done.
    assertEquals(0, review("2026Q3"), errors.toString());
    List<String> decided =
        new java.util.ArrayList<>(Files.readAllLines(out.resolve("review-2026Q3/people.csv")));
    for (int i = 1; i < decided.size(); i++) {
      if (decided.get(i).contains(",aws_iam,111122223333,kevin.otto,")) {
        String line = decided.get(i);
        decided.set(
            i,
            line.substring(0, line.length() - 3)
                + "revoke,ciso@meridianhealth.example,2026-09-30,left the team");
      }
    }
    Path filled = Files.write(out.resolve("filled.csv"), decided);
    assertEquals(0, review("2026Q3", "--import", filled.toString()), errors.toString());
    assertTrue(console.toString().contains("1 decision(s) of pack 2026Q3-"), console.toString());
    assertEquals(2, review("2026Q4"), "the pack handed out is not overwritten");
    assertTrue(errors.toString().contains("already exists"), errors.toString());
    assertTrue(errors.toString().contains("--force"), errors.toString());
    assertEquals(0, review("2026Q4", "--force"), errors.toString());
    String kevin =
        Files.readAllLines(people).stream()
            .filter(l -> l.contains(",aws_iam,111122223333,kevin.otto,"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        kevin.contains(
            "revoke by ciso@meridianhealth.example on 2026-09-30 (2026Q3),"
                + "no: the account still grants access,"),
        kevin);
  }

  @Test
  void aBadDecisionsFileIsRefusedWholeWithEveryLineNamed(SparkSession spark) throws IOException {
    runDemo(spark);
    assertEquals(0, review("2026Q4"));
    List<String> lines = Files.readAllLines(out.resolve("review-2026Q4/people.csv"));
    List<String> bad = new java.util.ArrayList<>(List.of(lines.get(0)));
    String first = lines.get(1);
    bad.add(
        first.substring(0, first.length() - 3) + "keep,ciso@meridianhealth.example,2026-11-25,");
    bad.add(
        first.substring(0, first.length() - 3) + "delete,ciso@meridianhealth.example,2026-11-25,");
    bad.add(lines.get(2).substring(0, lines.get(2).length() - 3) + "keep,,2026-11-25,");
    bad.add(
        lines.get(1).split(",")[0]
            + ",,ghost@meridianhealth.example,Ghost,aws_iam,111122223333,ghost,aws_iam:111122223333:X,"
            + "human,active,,,,,,,keep,ciso@meridianhealth.example,2026-11-25,");
    Path file = Files.write(out.resolve("bad.csv"), bad);
    assertEquals(2, review("2026Q3", "--import", file.toString()));
    assertTrue(errors.toString().contains("not of 2026Q3"), errors.toString());
    assertEquals(2, review("2026Q4", "--import", file.toString()));
    String message = errors.toString();
    assertTrue(message.contains("nothing was stored"), message);
    assertTrue(
        message.contains("line 3: column decision must be keep, revoke or change")
            && !message.contains("delete"),
        message);
    assertTrue(message.contains("line 4: column reviewer must be the reviewer's email"), message);
    assertTrue(
        message.contains("line 5: its account_id and person are not in the 2026Q4 review pack"),
        message);
    assertEquals(0, review("2027Q1"));
    assertTrue(
        Files.readAllLines(out.resolve("review-2027Q1/people.csv")).stream()
            .noneMatch(l -> l.contains("(2026Q4)")),
        "the good row of a refused file is not stored either");
  }

  @Test
  void theWorkbookIsImportedWithDateCellsAndBadFilesAreRefused(SparkSession spark)
      throws IOException {
    runDemo(spark);
    assertEquals(0, review("2026Q4"), errors.toString());
    Path xlsx = out.resolve("review-2026Q4/review.xlsx");
    Path filled = out.resolve("filled.xlsx");
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
      var sheet = book.getSheet("People");
      var header = sheet.getRow(0);
      int decision = -1;
      for (int c = 0; c < header.getLastCellNum(); c++) {
        if (header.getCell(c).getStringCellValue().equals("decision")) {
          decision = c;
        }
      }
      var date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat("m/d/yy"));
      var row = sheet.getRow(1);
      row.getCell(decision).setCellValue("revoke");
      row.getCell(decision + 1).setCellValue("ciso@meridianhealth.example");
      row.getCell(decision + 2).setCellValue(java.time.LocalDate.of(2026, 12, 15));
      row.getCell(decision + 2).setCellStyle(date);
      var text = sheet.getRow(2);
      text.getCell(decision).setCellValue("keep");
      text.getCell(decision + 1).setCellValue("ciso@meridianhealth.example");
      text.getCell(decision + 2).setCellValue("15.12.2026");
      try (var os = Files.newOutputStream(filled)) {
        book.write(os);
      }
      book.removeSheetAt(book.getSheetIndex("Unowned"));
      try (var os = Files.newOutputStream(out.resolve("nosheet.xlsx"))) {
        book.write(os);
      }
    }
    assertEquals(0, review("2026Q4", "--import", filled.toString()), errors.toString());
    assertTrue(console.toString().contains("2 decision(s) of pack"), console.toString());

    assertEquals(2, review("2026Q4", "--import", out.resolve("nosheet.xlsx").toString()));
    assertTrue(errors.toString().contains("sheet Unowned is missing"), errors.toString());

    List<String> lines = Files.readAllLines(out.resolve("review-2026Q4/people.csv"));
    String packId = lines.get(1).split(",")[0];
    List<String> other = new java.util.ArrayList<>(List.of(lines.get(0)));
    other.add(lines.get(1).replace(packId, "2026Q4-nosuchpk"));
    Path ghost = Files.write(out.resolve("ghost.csv"), other);
    assertEquals(2, review("2026Q4", "--import", ghost.toString()));
    assertTrue(errors.toString().contains("never made"), errors.toString());

    List<String> ambiguous = new java.util.ArrayList<>(List.of(lines.get(0)));
    String first = lines.get(1);
    ambiguous.add(
        first.substring(0, first.length() - 3) + "keep,ciso@meridianhealth.example,05/06/2026,");
    Path dates = Files.write(out.resolve("dates.csv"), ambiguous);
    assertEquals(2, review("2026Q4", "--import", dates.toString()));
    assertTrue(
        errors.toString().contains("line 2: column reviewed_on could be month/day or day/month")
            && !errors.toString().contains("05/06/2026"),
        errors.toString());
    assertEquals(
        0,
        review("2026Q4", "--import", dates.toString(), "--date-order", "dmy"),
        errors.toString());
  }

  @Test
  void thePackCanBeGroupedBySystem(SparkSession spark) throws IOException {
    runDemo(spark);
    assertEquals(0, review("2026Q4", "--group-by", "system"), errors.toString());
    List<String> systems =
        Files.readAllLines(out.resolve("review-2026Q4/people.csv")).stream()
            .skip(1)
            .map(l -> l.split(",")[4])
            .toList();
    assertEquals(systems.stream().sorted().toList(), systems, "rows come system by system");
    assertEquals(2, review("2026Q4", "--group-by", "colour"));
    assertTrue(
        errors.toString().contains("--group-by must be manager or system"), errors.toString());
  }

  @Test
  void aBadPeriodIsRefused() {
    assertEquals(2, review("2026-Q4"));
    assertTrue(errors.toString().contains("2026Q4"), errors.toString());
  }
}
