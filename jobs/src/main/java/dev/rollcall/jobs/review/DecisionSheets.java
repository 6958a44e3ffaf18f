package dev.rollcall.jobs.review;

import dev.rollcall.connectors.snapshot.CsvSyntax;
import dev.rollcall.connectors.snapshot.Utf8Input;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.TextFiles;
import dev.rollcall.reports.CsvFindingsRenderer;
import dev.rollcall.reports.review.ReviewPack;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The rows of a filled-in review pack, from people.csv, unowned.csv or review.xlsx alike, with each
 * cell as the pack wrote it (CSV neutralising undone; workbook date cells as ISO dates).
 */
final class DecisionSheets {
  static final List<String> REQUIRED =
      List.of("pack_id", "account_id", "decision", "reviewer", "reviewed_on", "note");

  private DecisionSheets() {}

  /**
   * One row of a sheet.
   *
   * @param where "line 3" or "sheet People row 3", for messages
   * @param cells the cells by column name
   */
  record DecisionRow(String where, Map<String, String> cells) {
    String get(String column) {
      return cells.getOrDefault(column, "");
    }
  }

  /**
   * One sheet or CSV file.
   *
   * @param people whether its rows name a person (people), or not (unowned)
   */
  record DecisionSheet(boolean people, List<DecisionRow> rows) {}

  static List<DecisionSheet> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": decisions file not found");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".xlsx") ? List.copyOf(xlsx(file)) : List.of(csv(file));
  }

  private static DecisionSheet csv(Path file) {
    String text;
    try {
      // Excel's "CSV UTF-8" starts with a byte order mark, which is dropped.
      text = TextFiles.read(file);
    } catch (ConfigException e) {
      if (e.getCause() instanceof Utf8Input.NotUtf8) {
        throw new ConfigException(
            e.getMessage() + ": save it as \"CSV UTF-8\", or import the review.xlsx", e);
      }
      throw e;
    }
    String first = text.lines().findFirst().orElse("");
    // Excel in a locale whose decimal mark is a comma saves CSV with semicolons.
    char delimiter = first.contains(";") && !first.contains(",") ? ';' : ',';
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .get();
    try (CSVParser parser = format.parse(new StringReader(text))) {
      List<String> header = parser.getHeaderNames();
      required(file, "line 1", header);
      List<DecisionRow> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        Map<String, String> cells = new HashMap<>();
        for (String column : header) {
          String cell = record.isSet(column) ? record.get(column) : "";
          cells.put(column, CsvFindingsRenderer.restore(cell));
        }
        rows.add(new DecisionRow("line " + parser.getCurrentLineNumber(), cells));
      }
      return new DecisionSheet(header.contains("person"), rows);
    } catch (IOException | java.io.UncheckedIOException e) {
      // Commons CSV's messages quote the cells around the problem.
      throw new ConfigException(file + ": cannot read as CSV: " + CsvSyntax.problem(e), e);
    }
  }

  private static List<DecisionSheet> xlsx(Path file) {
    try (InputStream in = Files.newInputStream(file);
        Workbook book = new XSSFWorkbook(in)) {
      List<DecisionSheet> sheets = new ArrayList<>();
      FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      for (String name : List.of(ReviewPack.PEOPLE_SHEET, ReviewPack.UNOWNED_SHEET)) {
        Sheet sheet = book.getSheet(name);
        if (sheet == null) {
          throw new ConfigException(
              file + ": sheet " + name + " is missing (is this a rollcall review.xlsx?)");
        }
        sheets.add(sheet(file, sheet, formatter, evaluator));
      }
      return sheets;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ConfigException c) {
        throw c;
      }
      throw new ConfigException(
          file + ": cannot read as an XLSX workbook (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static DecisionSheet sheet(
      Path file, Sheet sheet, DataFormatter formatter, FormulaEvaluator evaluator) {
    String at = "sheet " + sheet.getSheetName() + " row ";
    Row top = sheet.getRow(0);
    List<String> header = new ArrayList<>();
    if (top != null) {
      for (int c = 0; c < top.getLastCellNum(); c++) {
        header.add(formatter.formatCellValue(top.getCell(c)).strip());
      }
    }
    required(file, at + "1", header);
    List<DecisionRow> rows = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, String> cells = new HashMap<>();
      boolean empty = true;
      for (int c = 0; c < header.size(); c++) {
        String value = value(row.getCell(c), formatter, evaluator).strip();
        empty &= value.isEmpty();
        cells.put(header.get(c), value);
      }
      if (!empty) {
        rows.add(new DecisionRow(at + (r + 1), cells));
      }
    }
    return new DecisionSheet(header.contains("person"), rows);
  }

  /** A cell as text; a date cell as an ISO date, whatever format it shows in. */
  private static String value(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
    if (cell == null) {
      return "";
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue().toLocalDate().toString();
    }
    return formatter.formatCellValue(cell, evaluator);
  }

  private static void required(Path file, String where, List<String> header) {
    for (String column : REQUIRED) {
      if (!header.contains(column)) {
        throw new ConfigException(
            file
                + " "
                + where
                + ": column "
                + column
                + " is missing (is this a rollcall review pack?)");
      }
    }
  }
}
