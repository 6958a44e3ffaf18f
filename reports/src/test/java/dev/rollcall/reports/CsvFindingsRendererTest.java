package dev.rollcall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Finding;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvFindingsRendererTest {

  private static CSVParser parse(String csv) throws IOException {
    return CSVParser.parse(
        new StringReader(csv),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get());
  }

  @Test
  void writesTheHeaderAndOneRowPerFindingInReportOrder() throws IOException {
    try (CSVParser parser = parse(CsvFindingsRenderer.render(Reports.run()))) {
      assertEquals(
          List.of(
              "fingerprint",
              "severity",
              "new",
              "status",
              "first_seen",
              "last_seen",
              "days_open",
              "rule_id",
              "title",
              "system",
              "tenant",
              "account",
              "account_name",
              "people",
              "summary",
              "evidence",
              "clauses",
              "remediation",
              "source",
              "exception",
              "not_rechecked_because"),
          parser.getHeaderNames());
      List<CSVRecord> rows = parser.getRecords();
      assertEquals(
          Reports.REPORT_ORDER.stream().map(Finding::fingerprint).toList(),
          rows.stream().map(r -> r.get("fingerprint")).toList());

      CSVRecord leaver = rows.get(0);
      assertEquals("critical", leaver.get("severity"));
      assertEquals("true", leaver.get("new"));
      assertEquals("access-left-after-termination", leaver.get("rule_id"));
      assertEquals("aws_iam", leaver.get("system"));
      assertEquals(Reports.AWS, leaver.get("tenant"));
      assertEquals("aws_iam:111122223333:AIDAOLIVIA", leaver.get("account"));
      assertEquals("olivia.grant", leaver.get("account_name"));
      assertEquals(
          "person status: TERMINATED since 2026-10-31; console password: enabled",
          leaver.get("evidence"));
      assertEquals(
          "System Access Policy §7.2.9: Access ends on the last day of work.;"
              + " HIPAA 164.308(a)(3)(ii)(C): Termination procedures.",
          leaver.get("clauses"));
      assertEquals("false", rows.get(1).get("new"));
      assertEquals("", rows.get(5).get("clauses"));
    }
  }

  @Test
  void quotesCommasQuotesAndNewlinesSoTheyRoundTrip() throws IOException {
    String csv = CsvFindingsRenderer.render(Reports.run());
    assertTrue(csv.contains("\"Shared name, \"\"admin\"\"-like"), csv);
    try (CSVParser parser = parse(csv)) {
      CSVRecord formula = parser.getRecords().get(4);
      assertEquals(Reports.FORMULA.summary(), formula.get("summary"));
      assertEquals("name: =cmd; roles: atlasAdmin, readWrite", formula.get("evidence"));
    }
  }

  @Test
  void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() throws IOException {
    try (CSVParser parser = parse(CsvFindingsRenderer.render(Reports.run()))) {
      CSVRecord formula = parser.getRecords().get(4);
      assertEquals("'=cmd|' /C calc'!A0", formula.get("account_name"));
      assertEquals("'@SUM(1+1); ops@meridian.example", formula.get("people"));
      assertEquals("atlas_database:" + Reports.PROJECT + ":admin/=cmd", formula.get("account"));
    }
  }

  @Test
  void neutralisesEveryFormulaStartOwaspNames() {
    for (String cell : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      assertEquals("'" + cell, CsvFindingsRenderer.neutralise(cell), cell);
    }
    for (String cell : List.of("", "a=b", "1-2", "'plain", " =1")) {
      assertEquals(cell, CsvFindingsRenderer.neutralise(cell), cell);
    }
    // A cell that looks neutralised already gets one more apostrophe, so restore is exact.
    assertEquals("''=already", CsvFindingsRenderer.neutralise("'=already"));
    assertEquals("'=already", CsvFindingsRenderer.restore("''=already"));
  }

  @Test
  void writesOnlyTheHeaderWhenThereAreNoFindings() throws IOException {
    String csv = CsvFindingsRenderer.render(Reports.clean());
    assertEquals(String.join(",", CsvFindingsRenderer.HEADER) + "\r\n", csv);
    try (CSVParser parser = parse(csv)) {
      assertEquals(List.of(), parser.getRecords());
    }
  }
}
