package dev.rollcall.jobs.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.rollcall.reports.review.InventoryRow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inventory rows as one text of JSON lines, an object a row with the fields a row document has: a
 * run's inventory is written once and read back whole, so a chunk of rows is one string to the
 * server, not a thousand documents it would decode, re-encode to measure and serialize field by
 * field (eight times slower to write, thirty to read, on the embedded server).
 */
final class InventoryLines {
  private static final JsonFactory JSON = new JsonFactory();

  /** The text fields of a row, in the order InventoryRow takes them. */
  private static final List<String> TEXT_FIELDS =
      List.of(
          "personId",
          "personName",
          "manager",
          "system",
          "tenant",
          "accountId",
          "accountName",
          "kind",
          "status",
          "lastUse",
          "mfa",
          "ownership");

  private InventoryLines() {}

  static String write(List<InventoryRow> rows) {
    StringWriter text = new StringWriter(rows.size() * 256);
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.setRootValueSeparator(new SerializedString("\n"));
      for (InventoryRow r : rows) {
        out.writeStartObject();
        out.writeStringField("personId", r.personId());
        out.writeStringField("personName", r.personName());
        out.writeStringField("manager", r.manager());
        out.writeStringField("system", r.system());
        out.writeStringField("tenant", r.tenant());
        out.writeStringField("accountId", r.accountId());
        out.writeStringField("accountName", r.accountName());
        out.writeStringField("kind", r.kind());
        out.writeStringField("status", r.status());
        list(out, "privileges", r.privileges());
        out.writeStringField("lastUse", r.lastUse());
        out.writeStringField("mfa", r.mfa());
        list(out, "findings", r.findings());
        out.writeStringField("ownership", r.ownership());
        out.writeEndObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write inventory rows as JSON", e);
    }
    return text.toString();
  }

  private static void list(JsonGenerator out, String name, List<String> values) throws IOException {
    out.writeArrayFieldStart(name);
    for (String v : values) {
      out.writeString(v);
    }
    out.writeEndArray();
  }

  /**
   * The rows of a text {@link #write} made.
   *
   * @param where what the text is, for the message when it cannot be read
   */
  static List<InventoryRow> read(String text, String where) {
    List<InventoryRow> rows = new ArrayList<>();
    try (JsonParser in = JSON.createParser(text)) {
      for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
        if (token != JsonToken.START_OBJECT) {
          throw new IllegalStateException("expected a row object, found " + token);
        }
        rows.add(row(in));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "state store: " + where + " cannot be read back: " + e.getMessage(), e);
    }
    return rows;
  }

  private static InventoryRow row(JsonParser in) throws IOException {
    String[] text = new String[12];
    List<String> privileges = List.of();
    List<String> findings = List.of();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      in.nextToken();
      switch (name) {
        case "privileges" -> privileges = strings(in);
        case "findings" -> findings = strings(in);
        default -> {
          int at = TEXT_FIELDS.indexOf(name);
          if (at < 0) {
            in.skipChildren(); // a field a later rollcall added
          } else {
            text[at] = in.currentToken() == JsonToken.VALUE_NULL ? null : in.getText();
          }
        }
      }
    }
    return new InventoryRow(
        text[0],
        text[1],
        text[2],
        text[3],
        text[4],
        text[5],
        text[6],
        text[7],
        text[8],
        privileges,
        text[9],
        text[10],
        findings,
        text[11]);
  }

  private static List<String> strings(JsonParser in) throws IOException {
    List<String> values = new ArrayList<>();
    if (in.currentToken() == JsonToken.START_ARRAY) {
      while (in.nextToken() != JsonToken.END_ARRAY) {
        values.add(in.getText());
      }
    }
    return values;
  }
}
