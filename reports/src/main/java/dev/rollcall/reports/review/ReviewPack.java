package dev.rollcall.reports.review;

import dev.rollcall.model.ReviewDecision;
import dev.rollcall.reports.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The quarterly access review pack, as CSV and as an XLSX workbook: one row per person per account,
 * grouped by manager, with empty decision columns for the reviewer (keep, revoke or change;
 * reviewer; date; note), and the accounts nobody owns in a file of their own for the system owners.
 */
public final class ReviewPack {
  /** A review period: a year and a quarter, e.g. 2026Q4. */
  public static final Pattern PERIOD = Pattern.compile("\\d{4}Q[1-4]");

  static final List<String> PEOPLE_HEADER =
      List.of(
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
      List<InventoryRow> rows, Path dir, Map<String, ReviewDecision> previous) {
    List<InventoryRow> owned = rows.stream().filter(r -> !r.personId().isEmpty()).toList();
    List<InventoryRow> unowned = rows.stream().filter(r -> r.personId().isEmpty()).toList();
    try {
      AtomicFiles.createOwnerOnlyDirectories(dir);
      Path people = dir.resolve("people.csv");
      Path nobody = dir.resolve("unowned.csv");
      AtomicFiles.write(
          people, csv(owned, PEOPLE_HEADER, previous).getBytes(StandardCharsets.UTF_8));
      AtomicFiles.write(
          nobody,
          csv(unowned, PEOPLE_HEADER.subList(3, PEOPLE_HEADER.size()), previous)
              .getBytes(StandardCharsets.UTF_8));
      Path workbook = dir.resolve("review.xlsx");
      AtomicFiles.write(workbook, xlsx(owned, unowned, previous));
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
      InventoryRow r, boolean withPerson, Map<String, ReviewDecision> previous) {
    List<String> cells = new ArrayList<>();
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

  /** The same two lists as sheets of one workbook, for reviewers who work in a spreadsheet. */
  private static byte[] xlsx(
      List<InventoryRow> owned, List<InventoryRow> unowned, Map<String, ReviewDecision> previous)
      throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      sheet(book, "People", PEOPLE_HEADER, owned, true, previous);
      sheet(
          book,
          "Unowned",
          PEOPLE_HEADER.subList(3, PEOPLE_HEADER.size()),
          unowned,
          false,
          previous);
      book.write(bytes);
      return bytes.toByteArray();
    }
  }

  private static void sheet(
      XSSFWorkbook book,
      String name,
      List<String> header,
      List<InventoryRow> rows,
      boolean withPerson,
      Map<String, ReviewDecision> previous) {
    Sheet sheet = book.createSheet(name);
    CellStyle bold = book.createCellStyle();
    Font font = book.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row top = sheet.createRow(0);
    for (int c = 0; c < header.size(); c++) {
      Cell cell = top.createCell(c);
      cell.setCellValue(header.get(c));
      cell.setCellStyle(bold);
    }
    for (int i = 0; i < rows.size(); i++) {
      Row row = sheet.createRow(i + 1);
      List<String> cells = cells(rows.get(i), withPerson, previous);
      for (int c = 0; c < cells.size(); c++) {
        row.createCell(c).setCellValue(cells.get(c));
      }
    }
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(
        new org.apache.poi.ss.util.CellRangeAddress(
            0, Math.max(rows.size(), 1), 0, header.size() - 1));
  }

  private static String csv(
      List<InventoryRow> rows, List<String> header, Map<String, ReviewDecision> previous)
      throws IOException {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (InventoryRow r : rows) {
        List<String> cells = cells(r, header.size() == PEOPLE_HEADER.size(), previous);
        printer.printRecord(cells);
      }
    }
    return out.toString();
  }
}
