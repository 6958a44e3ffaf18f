package dev.rollcall.connectors.aws;

import static dev.rollcall.connectors.aws.TestAccounts.assertMentions;
import static dev.rollcall.connectors.aws.TestAccounts.assertQuotesNone;
import static dev.rollcall.connectors.aws.TestAccounts.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.aws.CredentialReportRow.AccessKeySlot;
import dev.rollcall.connectors.aws.CredentialReportRow.CertificateSlot;
import dev.rollcall.connectors.aws.CredentialReportRow.Special;
import dev.rollcall.connectors.snapshot.TenantFolder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialReportParserTest {
  private static final Path FILE = Path.of("aws", "111122223333", "credential-report.csv");
  private static final String HEADER =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
          + "access_key_1_last_used_date,access_key_1_last_used_region,"
          + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
          + "access_key_2_last_used_date,access_key_2_last_used_region,"
          + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,"
          + "cert_2_last_rotated\n";
  private static final String ROOT =
      "<root_account>,arn:aws:iam::111122223333:root,2020-03-01T09:00:00+00:00,not_supported,"
          + "2026-10-01T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,"
          + "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
  private static final String ALICE =
      "alice,arn:aws:iam::111122223333:user/alice,2024-01-15T09:30:00+00:00,true,"
          + "2026-11-19T17:42:10+00:00,2026-09-01T08:00:00+00:00,2026-11-30T08:00:00+00:00,true,"
          + "true,2026-07-01T12:00:00+00:00,2026-11-15T08:30:00+00:00,us-west-2,s3,false,"
          + "2025-01-10T00:00:00+00:00,N/A,N/A,N/A,true,2025-02-01T00:10:00+00:00,false,N/A\n";

  private static List<CredentialReportRow> rows(String csv) {
    return CredentialReportParser.parse(csv, FILE).rows();
  }

  private static CredentialReportRow row(String line) {
    return rows(HEADER + line).get(0);
  }

  /** Alice's row with one cell replaced; cells are counted from 0 in header order. */
  private static String alice(int cell, String value) {
    String[] cells = ALICE.strip().split(",", -1);
    cells[cell] = value;
    return String.join(",", cells) + "\n";
  }

  @Test
  void readsEveryColumnOfAUserRow() {
    CredentialReportRow alice = row(ALICE);
    assertEquals(2, alice.row());
    assertEquals("alice", alice.user());
    assertEquals("arn:aws:iam::111122223333:user/alice", alice.arn());
    assertFalse(alice.isRoot());
    assertEquals(Instant.parse("2024-01-15T09:30:00Z"), alice.created());
    assertEquals(Boolean.TRUE, alice.passwordEnabled());
    assertEquals(Instant.parse("2026-11-19T17:42:10Z"), alice.passwordLastUsed());
    assertNull(alice.passwordLastUsedSpecial());
    assertEquals(Instant.parse("2026-09-01T08:00:00Z"), alice.passwordLastChanged());
    assertTrue(alice.mfaActive());
    assertEquals(
        List.of(
            new AccessKeySlot(
                1,
                true,
                Instant.parse("2026-07-01T12:00:00Z"),
                Instant.parse("2026-11-15T08:30:00Z")),
            new AccessKeySlot(2, false, Instant.parse("2025-01-10T00:00:00Z"), null)),
        alice.accessKeys());
    assertEquals(
        List.of(
            new CertificateSlot(1, true, Instant.parse("2025-02-01T00:10:00Z")),
            new CertificateSlot(2, false, null)),
        alice.certificates());
  }

  @Test
  void rootRowHasNotSupportedPasswordColumns() {
    CredentialReportRow root = row(ROOT);
    assertTrue(root.isRoot());
    assertEquals("<root_account>", root.user());
    assertNull(root.passwordEnabled());
    assertNull(root.passwordLastChanged());
    assertEquals(Instant.parse("2026-10-01T08:00:00Z"), root.passwordLastUsed());
    assertTrue(root.mfaActive());
  }

  @Test
  void notApplicableMeansNoSuchCredential() {
    CredentialReportRow row =
        row(
            "svc,arn:aws:iam::111122223333:user/svc,2025-02-01T00:00:00+00:00,false,N/A,N/A,N/A,"
                + "false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
    assertEquals(Boolean.FALSE, row.passwordEnabled());
    assertNull(row.passwordLastUsed());
    assertEquals(Special.NOT_APPLICABLE, row.passwordLastUsedSpecial());
    assertNull(row.passwordLastChanged());
    assertTrue(row.accessKeys().stream().noneMatch(AccessKeySlot::exists));
    assertNull(row.certificates().get(0).lastRotated());
  }

  @Test
  void noInformationMeansThePasswordWasNeverUsed() {
    CredentialReportRow row = row(alice(4, "no_information"));
    assertNull(row.passwordLastUsed());
    assertEquals(Special.NO_INFORMATION, row.passwordLastUsedSpecial());
  }

  @Test
  void notSupportedDatesAreNull() {
    CredentialReportRow row = row(alice(5, "not_supported"));
    assertNull(row.passwordLastChanged());
    assertEquals(Special.NOT_SUPPORTED, row(alice(4, "not_supported")).passwordLastUsedSpecial());
  }

  @Test
  void specialValuesAreReadInAnyCase() {
    CredentialReportRow row = row(alice(4, "NO_INFORMATION").replace("N/A", "n/a"));
    assertEquals(Special.NO_INFORMATION, row.passwordLastUsedSpecial());
    assertNull(row.accessKeys().get(1).lastUsed());
  }

  @ParameterizedTest
  @CsvSource({"true,true", "TRUE,true", "True,true", "false,false", "FALSE,false", "False,false"})
  void booleansAreReadInAnyCase(String cell, boolean expected) {
    assertEquals(expected, row(alice(7, cell)).mfaActive());
    assertEquals(expected, row(alice(3, cell)).passwordEnabled());
    assertEquals(expected, row(alice(8, cell)).accessKeys().get(0).active());
    assertEquals(expected, row(alice(18, cell)).certificates().get(0).active());
  }

  @Test
  void datesWithAnOffsetOrZuluAreRead() {
    assertEquals(
        Instant.parse("2026-01-02T01:04:05Z"),
        row(alice(2, "2026-01-02T03:04:05+02:00")).created());
    assertEquals(
        Instant.parse("2026-01-02T03:04:05Z"), row(alice(2, "2026-01-02T03:04:05Z")).created());
  }

  @Test
  void rowsAreKeptInFileOrderAndNumberedAsASpreadsheetShowsThem() {
    List<CredentialReportRow> rows = rows(HEADER + ROOT + ALICE);
    assertEquals(List.of("<root_account>", "alice"), rows.stream().map(r -> r.user()).toList());
    assertEquals(List.of(2, 3), rows.stream().map(CredentialReportRow::row).toList());
  }

  @Test
  void regionServiceAndRotationColumnsMayBeAbsent() {
    String header =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
            + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";
    String line =
        "bob,arn:aws:iam::111122223333:user/bob,2026-11-01T12:00:00+00:00,TRUE,no_information,"
            + "2026-11-01T12:00:00+00:00,FALSE,FALSE,N/A,N/A,FALSE,N/A,N/A,FALSE,N/A,FALSE,N/A\n";
    assertEquals("bob", rows(header + line).get(0).user());
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    assertEquals("alice", rows("\uFEFF" + HEADER + ALICE).get(0).user());
  }

  @Test
  void aBadDateNamesTheFileRowUserAndColumn() {
    String message = failure(() -> rows(HEADER + ROOT + alice(4, "yesterday")));
    assertMentions(message, FILE.toString(), "row 3: ", "'password_last_used'");
    assertQuotesNone(message, "alice", "yesterday");
  }

  @Test
  void aSpecialValueWhereADateIsRequiredFails() {
    assertMentions(
        failure(() -> rows(HEADER + alice(2, "N/A"))), "row 2: ", "'user_creation_time'");
  }

  @Test
  void aBadBooleanNamesTheColumn() {
    String message = failure(() -> rows(HEADER + alice(7, "yes")));
    assertMentions(message, FILE.toString(), "row 2: ", "'mfa_active'", "true or false");
    assertQuotesNone(message, "alice", "yes");
  }

  @Test
  void notSupportedPasswordOnAUserRowFails() {
    assertMentions(
        failure(() -> rows(HEADER + alice(3, "not_supported"))),
        "row 2: ",
        "'password_enabled'",
        "<root_account>");
  }

  @Test
  void aShortRowNamesTheFirstMissingColumn() {
    String shortRow = ALICE.strip().substring(0, ALICE.strip().lastIndexOf(',')) + "\n";
    assertMentions(
        failure(() -> rows(HEADER + ROOT + shortRow)),
        "row 3: ",
        "column 'cert_2_last_rotated' is missing");
  }

  @Test
  void aLongRowFails() {
    assertMentions(
        failure(() -> rows(HEADER + ALICE.strip() + ",extra\n")),
        "row 2: ",
        "23 cells",
        "22 columns");
  }

  @Test
  void aMissingHeaderColumnFails() {
    assertMentions(
        failure(() -> rows(HEADER.replace("mfa_active", "mfa") + ALICE)),
        FILE.toString(),
        "header",
        "'mfa_active'");
  }

  @Test
  void aDuplicateHeaderColumnFails() {
    String message = failure(() -> rows(HEADER.replace("user,arn,", "user,arn,arn,") + ALICE));
    assertMentions(message, FILE.toString(), "line 1", "names a column twice");
    // Commons CSV's own message quotes the whole header.
    assertQuotesNone(message, "arn", "user_creation_time");
  }

  @Test
  void anEmptyUserFails() {
    assertMentions(failure(() -> rows(HEADER + alice(0, ""))), "row 2: ", "'user'");
  }

  @Test
  void aUserListedTwiceFails() {
    assertMentions(
        failure(() -> rows(HEADER + ALICE + ROOT + ALICE)), "row 4: ", "listed twice", "row 2");
  }

  @Test
  void anEmptyFileFails() {
    assertMentions(failure(() -> rows("")), FILE.toString(), "empty");
  }

  @Test
  void anUnterminatedQuoteFails() {
    assertMentions(
        failure(() -> rows(HEADER + "\"alice," + ALICE)), FILE.toString(), "not a valid CSV file");
  }

  @Test
  void readsTheSavedReport() {
    Path file = TestAccounts.dir(TestAccounts.CLI).resolve("credential-report.csv");
    CredentialReport report =
        CredentialReportParser.parse(TenantFolder.of(file.getParent()).text(file), file);
    assertEquals(9, report.rows().size());
    assertTrue(report.rows().get(0).isRoot());
    assertTrue(report.file().endsWith("credential-report.csv"));
  }
}
