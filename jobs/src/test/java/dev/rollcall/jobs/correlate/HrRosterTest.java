package dev.rollcall.jobs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Identity;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.SourceSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HrRosterTest {
  private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
  @TempDir Path dir;

  private static Identity google(String email, PersonStatus status, String... aliases) {
    List<String> emails = new java.util.ArrayList<>(List.of(email));
    emails.addAll(List.of(aliases));
    return new Identity(
        email,
        null,
        null,
        null,
        emails,
        status,
        "Google Workspace: " + (status == PersonStatus.LEFT ? "suspended" : "active"),
        status == PersonStatus.LEFT ? NOW.minusSeconds(86_400 * 10) : null,
        new AccountKey(SourceSystem.GOOGLE_WORKSPACE, "example.test", "1" + email.hashCode()));
  }

  private HrRoster roster(String body) throws IOException {
    Path file = dir.resolve("roster.csv");
    Files.writeString(file, "email,name,status,end_date,manager\n" + body);
    return HrRoster.read(file);
  }

  @Test
  void theStricterStatusWinsAndTheManagerIsKept() throws IOException {
    HrRoster roster =
        roster(
            """
            ana@example.test,Ana Ortiz,terminated,2026-11-18,boss@example.test
            ben@example.test,Ben,active,2026-12-31,boss@example.test
            cy@example.test,Cy,active,,
            dee@example.test,Dee,active,2026-11-19,
            eve@example.test,Eve Contractor,active,,boss@example.test
            """);
    Map<String, Identity> people =
        roster
            .merge(
                List.of(
                    google("ana@example.test", PersonStatus.ACTIVE),
                    google("ben@example.test", PersonStatus.ACTIVE),
                    google("cy.new@example.test", PersonStatus.LEFT, "cy@example.test"),
                    google("dee@example.test", PersonStatus.ACTIVE)),
                NOW)
            .stream()
            .collect(Collectors.toMap(Identity::personId, Function.identity()));

    Identity ana = people.get("ana@example.test");
    assertEquals(PersonStatus.LEFT, ana.status(), "terminated in HR, active in Google");
    assertEquals(Instant.parse("2026-11-19T00:00:00Z"), ana.leftAt());
    assertTrue(
        ana.statusEvidence().startsWith("HR roster (roster.csv line 2): terminated"),
        ana.statusEvidence());
    assertEquals("boss@example.test", ana.manager());

    assertEquals(PersonStatus.ACTIVE, people.get("ben@example.test").status(), "ends next month");
    assertEquals(
        PersonStatus.LEFT, people.get("cy.new@example.test").status(), "suspended in Google");
    assertEquals(PersonStatus.LEFT, people.get("dee@example.test").status(), "end date has passed");

    Identity eve = people.get("eve@example.test");
    assertEquals(PersonStatus.ACTIVE, eve.status());
    assertNull(eve.source(), "known from the roster only");
    assertEquals(List.of("eve@example.test"), eve.emails());
    assertEquals(5, people.size());
  }

  @Test
  void badRowsNameTheFileLineAndColumn() throws IOException {
    assertRefused("ana@example.test,Ana,fired,,\n", "line 2: column status must be one of");
    assertRefused(
        "ana@example.test,Ana,active,18/11/2026,\n", "line 2: column end_date must be a date");
    assertRefused("ana,Ana,active,,\n", "line 2: column email must be an email");
    assertRefused(
        "ana@example.test,Ana,active,,\nANA@example.test,Ana,active,,\n",
        "line 3: column email: the email is listed twice");
    Path file = dir.resolve("bad-header.csv");
    Files.writeString(file, "mail,name\n");
    assertTrue(
        assertThrows(ConfigException.class, () -> HrRoster.read(file))
            .getMessage()
            .contains("line 1: the header must be email,name,status,end_date,manager"));
  }

  @Test
  void aRosterThatIsNotUtf8IsRefusedWithTheOffsetOfItsFirstBadByte() throws IOException {
    // José in Latin-1: 0xE9 at byte 56, on line 2 (the header is 35 bytes with its newline).
    byte[] latin1 =
        "email,name,status,end_date,manager\njose@example.test,Jos\u00e9,active,,\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("roster.csv"), latin1);
    assertEquals(
        file + ": not valid UTF-8 at byte offset 56 (line 2)",
        assertThrows(ConfigException.class, () -> HrRoster.read(file)).getMessage());
  }

  @Test
  void aSyntaxErrorNamesTheLineNotTheCells() throws IOException {
    Path file = dir.resolve("roster.csv");
    Files.writeString(
        file,
        "email,name,status,end_date,manager\nana@example.test,\"xoxb-1234\"secret,active,,\n");
    String message = assertThrows(ConfigException.class, () -> HrRoster.read(file)).getMessage();
    assertTrue(message.startsWith(file + " line 2: not valid CSV: "), message);
    assertTrue(!message.contains("xoxb") && !message.contains("secret"), message);
    Files.writeString(file, "email,xoxb-1234,status,end_date,manager\n");
    String header = assertThrows(ConfigException.class, () -> HrRoster.read(file)).getMessage();
    assertTrue(header.contains("line 1: the header must be email,name,status"), header);
    assertTrue(header.contains("column 2 is not name"), header);
    assertTrue(!header.contains("xoxb"), header);
  }

  private void assertRefused(String body, String message) {
    String text = assertThrows(ConfigException.class, () -> roster(body)).getMessage();
    assertTrue(text.contains("roster.csv " + message), text);
  }
}
