package dev.rollcall.reports.review;

import dev.rollcall.model.ReviewDecision;
import dev.rollcall.reports.AtomicFiles;
import dev.rollcall.reports.CsvFindingsRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The quarterly access review pack, as CSV and as an XLSX workbook: one row per person per account,
 * grouped by manager, with empty decision columns for the reviewer (keep, revoke or change;
 * reviewer; date; note), and the accounts nobody owns in a file of their own for the system owners.
 */
public final class ReviewPack {
  /** A review period: a year and a quarter, e.g. 2026Q4. */
  public static final Pattern PERIOD = Pattern.compile("\\d{4}Q[1-4]");

  /** The sheets of review.xlsx that hold the rows. */
  public static final String PEOPLE_SHEET = "People";

  public static final String UNOWNED_SHEET = "Unowned";

  /** The files of a pack in its folder. */
  public static final List<String> FILES = List.of("people.csv", "unowned.csv", "review.xlsx");

  static final List<String> PEOPLE_HEADER =
      List.of(
          "pack_id",
          "manager",
          "person",
          "name",
          "system",
          "tenant",
          "account",
          "account_id",
          "kind",
          "status",
          "privileges",
          "last_use",
          "mfa",
          "findings",
          "previous_decision",
          "revoke_done",
          "decision",
          "reviewer",
          "reviewed_on",
          "note");

  static final List<String> UNOWNED_HEADER =
      java.util.stream.Stream.concat(
              Stream.of("pack_id"), PEOPLE_HEADER.subList(4, PEOPLE_HEADER.size()).stream())
          .toList();

  private ReviewPack() {}

  /** The rows grouped by manager (then person) or by system (then tenant, then person). */
  public static List<InventoryRow> ordered(List<InventoryRow> rows, String groupBy) {
    java.util.Comparator<InventoryRow> order =
        groupBy.equals("system")
            ? java.util.Comparator.comparing(InventoryRow::system)
                .thenComparing(InventoryRow::tenant)
                .thenComparing(InventoryRow::personId)
                .thenComparing(InventoryRow::accountName)
            : java.util.Comparator.comparing(InventoryRow::manager)
                .thenComparing(InventoryRow::personId)
                .thenComparing(InventoryRow::system)
                .thenComparing(InventoryRow::tenant)
                .thenComparing(InventoryRow::accountName);
    return rows.stream().sorted(order).toList();
  }

  /**
   * Writes {@code people.csv} and {@code unowned.csv} into {@code dir}, owner-only.
   *
   * @return the files written
   */
  public static List<Path> write(
      List<InventoryRow> rows,
      Path dir,
      Map<String, ReviewDecision> previous,
      PackSummary summary) {
    List<InventoryRow> owned = rows.stream().filter(r -> !r.personId().isEmpty()).toList();
    List<InventoryRow> unowned = rows.stream().filter(r -> r.personId().isEmpty()).toList();
    try {
      AtomicFiles.createOwnerOnlyDirectories(dir);
      Path people = dir.resolve("people.csv");
      Path nobody = dir.resolve("unowned.csv");
      AtomicFiles.write(
          people,
          csv(owned, PEOPLE_HEADER, previous, summary.packId()).getBytes(StandardCharsets.UTF_8));
      AtomicFiles.write(
          nobody,
          csv(unowned, UNOWNED_HEADER, previous, summary.packId())
              .getBytes(StandardCharsets.UTF_8));
      Path workbook = dir.resolve("review.xlsx");
      AtomicFiles.write(workbook, xlsx(owned, unowned, previous, summary));
      return List.of(people, nobody, workbook);
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot write the review pack", e);
    }
  }

  /**
   * For a row revoked in an earlier review that is still in the inventory: "no" while the account
   * still grants access, "yes" once it no longer does; "" when nothing was revoked.
   */
  private static String revokeDone(ReviewDecision before, InventoryRow row) {
    if (before == null || before.decision() != ReviewDecision.Decision.REVOKE) {
      return "";
    }
    return row.status().equals("active") || row.status().equals("pending")
        ? "no: the account still grants access"
        : "yes";
  }

  /** The cells of one row, as both the CSV and the workbook show them. */
  private static List<String> cells(
      InventoryRow r, boolean withPerson, Map<String, ReviewDecision> previous, String packId) {
    List<String> cells = new ArrayList<>();
    cells.add(packId);
    if (withPerson) {
      cells.add(r.manager());
      cells.add(r.personId());
      cells.add(r.personName());
    }
    cells.add(r.system());
    cells.add(r.tenant());
    cells.add(r.accountName());
    cells.add(r.accountId());
    cells.add(r.kind());
    cells.add(r.status());
    cells.add(String.join("; ", r.privileges()));
    cells.add(r.lastUse());
    cells.add(r.mfa());
    cells.add(String.join("; ", r.findings()));
    ReviewDecision before = previous.get(ReviewDecision.key(r.accountId(), r.personId()));
    cells.add(
        before == null
            ? ""
            : before.decision().label()
                + " by "
                + before.reviewer()
                + " on "
                + before.reviewedOn()
                + " ("
                + before.period()
                + ")");
    cells.add(revokeDone(before, r));
    cells.add("");
    cells.add("");
    cells.add("");
    cells.add("");
    return cells;
  }

  /**
   * The same two lists as sheets of one workbook, for reviewers who work in a spreadsheet, after a
   * Summary sheet that says what the pack is and where the sign-off goes.
   */
  private static byte[] xlsx(
      List<InventoryRow> owned,
      List<InventoryRow> unowned,
      Map<String, ReviewDecision> previous,
      PackSummary summary)
      throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      summarySheet(book, bold, summary, owned, unowned);
      sheet(book, bold, PEOPLE_SHEET, PEOPLE_HEADER, owned, true, previous, summary.packId());
      sheet(book, bold, UNOWNED_SHEET, UNOWNED_HEADER, unowned, false, previous, summary.packId());
      book.write(bytes);
      return bytes.toByteArray();
    }
  }

  private static void summarySheet(
      XSSFWorkbook book,
      CellStyle bold,
      PackSummary summary,
      List<InventoryRow> owned,
      List<InventoryRow> unowned) {
    Sheet sheet = book.createSheet("Summary");
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of("Access review " + summary.period()));
    lines.add(List.of());
    lines.add(List.of("Period", summary.period()));
    lines.add(List.of("Pack id", summary.packId()));
    lines.add(List.of("Made", summary.madeAt().toString()));
    lines.add(List.of("Run", summary.runId()));
    lines.add(List.of("Data captured", summary.dataCapturedAt().toString()));
    lines.add(List.of());
    List<PackSummary.Source> incomplete = summary.incomplete();
    if (!incomplete.isEmpty()) {
      lines.add(
          List.of(
              "WARNING",
              incomplete.size()
                  + " source(s) were not fully read by this run ("
                  + String.join(
                      ", ",
                      incomplete.stream()
                          .map(s -> s.name() + " " + s.status().name().toLowerCase(Locale.ROOT))
                          .toList())
                  + "): their accounts are missing or incomplete in this pack."));
      lines.add(List.of());
    }
    lines.add(List.of("Source", "Status", "Data captured", "Problems"));
    for (PackSummary.Source s : summary.sources()) {
      lines.add(
          List.of(
              s.name(),
              s.status().name().toLowerCase(Locale.ROOT),
              s.observedAt().toString(),
              String.join("; ", s.errors())));
    }
    lines.add(List.of());
    lines.add(List.of("People rows", Integer.toString(owned.size())));
    lines.add(
        List.of(
            "People",
            Long.toString(owned.stream().map(InventoryRow::personId).distinct().count())));
    lines.add(List.of("Unowned accounts", Integer.toString(unowned.size())));
    lines.add(
        List.of(
            "Rows with findings",
            Long.toString(
                Stream.concat(owned.stream(), unowned.stream())
                    .filter(r -> !r.findings().isEmpty())
                    .count())));
    lines.add(List.of());
    lines.add(List.of("Sign-off", "Name", "Date", "Signature"));
    lines.add(List.of("Reviewer", "", "", ""));
    lines.add(List.of("Approver", "", "", ""));
    for (int i = 0; i < lines.size(); i++) {
      Row row = sheet.createRow(i);
      List<String> line = lines.get(i);
      for (int c = 0; c < line.size(); c++) {
        Cell cell = row.createCell(c);
        cell.setCellValue(line.get(c));
        if (c == 0 || line.get(0).equals("Source") || line.get(0).equals("Sign-off")) {
          cell.setCellStyle(bold);
        }
      }
    }
    int[] widths = {20, 40, 24, 60};
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
  }

  private static void sheet(
      XSSFWorkbook book,
      CellStyle bold,
      String name,
      List<String> header,
      List<InventoryRow> rows,
      boolean withPerson,
      Map<String, ReviewDecision> previous,
      String packId) {
    Sheet sheet = book.createSheet(name);
    int[] widths = new int[header.size()];
    Row top = sheet.createRow(0);
    for (int c = 0; c < header.size(); c++) {
      Cell cell = top.createCell(c);
      cell.setCellValue(header.get(c));
      cell.setCellStyle(bold);
      widths[c] = header.get(c).length();
    }
    for (int i = 0; i < rows.size(); i++) {
      Row row = sheet.createRow(i + 1);
      List<String> cells = cells(rows.get(i), withPerson, previous, packId);
      for (int c = 0; c < cells.size(); c++) {
        // A string cell is never evaluated, so the workbook needs no neutralising.
        row.createCell(c).setCellValue(cells.get(c));
        widths[c] = Math.max(widths[c], cells.get(c).length());
      }
    }
    for (int c = 0; c < widths.length; c++) {
      // Wide enough for the content, not so wide that a long privilege list hides the rest.
      sheet.setColumnWidth(c, Math.min(Math.max(widths[c], 10) + 2, 50) * 256);
    }
    int decision = header.indexOf("decision");
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidation choice =
        helper.createValidation(
            helper.createExplicitListConstraint(
                Stream.of(ReviewDecision.Decision.values())
                    .map(ReviewDecision.Decision::label)
                    .toArray(String[]::new)),
            new CellRangeAddressList(1, Math.max(rows.size(), 1), decision, decision));
    choice.setShowErrorBox(true);
    choice.createErrorBox("decision", "keep, revoke or change");
    sheet.addValidationData(choice);
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, header.size() - 1));
  }

  private static String csv(
      List<InventoryRow> rows,
      List<String> header,
      Map<String, ReviewDecision> previous,
      String packId)
      throws IOException {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (InventoryRow r : rows) {
        printer.printRecord(
            cells(r, header.size() == PEOPLE_HEADER.size(), previous, packId).stream()
                .map(CsvFindingsRenderer::neutralise)
                .toList());
      }
    }
    return out.toString();
  }
}
