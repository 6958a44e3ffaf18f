package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an IAM policy document in each shape a snapshot holds it: a JSON object (the AWS CLI
 * decodes documents), a URL-encoded JSON string (the raw API and the Java SDK return them encoded
 * "compliant with RFC 3986", see
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PolicyVersion.html), or a plain JSON
 * string.
 */
final class PolicyDocuments {
  private PolicyDocuments() {}

  /**
   * The document as a JSON object.
   *
   * @param value the document field's value
   * @param file the file it comes from, for messages
   * @param record the record that holds it (e.g. {@code UserDetailList[2] (UserName=bob)
   *     UserPolicyList[0] (PolicyName=x)}), for messages
   */
  static JsonNode parse(JsonNode value, Path file, String record) {
    if (value == null || value.isNull()) {
      throw new SnapshotException(file, record, "the policy document is missing");
    }
    if (value.isObject()) {
      return value;
    }
    if (!value.isTextual()) {
      throw new SnapshotException(
          file, record, "the policy document is neither a JSON object nor a string");
    }
    String text = value.textValue().strip();
    if (!text.startsWith("{")) {
      if (!text.startsWith("%")) {
        throw new SnapshotException(
            file,
            record,
            "the policy document is neither JSON nor URL-encoded JSON: it starts with neither"
                + " '{' nor '%'");
      }
      text = percentDecode(text, file, record).strip();
    }
    JsonNode document = SnapshotJson.parse(text, file, record);
    if (!document.isObject()) {
      throw new SnapshotException(file, record, "the policy document is not a JSON object");
    }
    return document;
  }

  /**
   * Decodes RFC 3986 percent-encoding as UTF-8. Unlike {@link java.net.URLDecoder} it leaves a
   * {@code +} alone: RFC 3986 does not encode a space as {@code +}, and a policy may hold a literal
   * {@code +} (in an ARN or a condition value).
   */
  static String percentDecode(String text, Path file, String record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '%') {
        int codePoint = text.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(codePoint) - 1;
        continue;
      }
      int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
      if (high < 0 || low < 0) {
        throw new SnapshotException(
            file,
            record,
            "the URL-encoded policy document has a malformed escape at character " + (i + 1));
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SnapshotException(
          file, record, "the URL-encoded policy document does not decode to UTF-8 text", e);
    }
  }

  /**
   * The statements of a policy document (JSON or URL-encoded): its {@code Statement} array, or the
   * one statement object; fails naming the file and record when it has neither.
   */
  static List<JsonNode> statements(JsonNode value, String what, Path file, String record) {
    JsonNode statement = parse(value, file, record).get("Statement");
    List<JsonNode> nodes = new ArrayList<>();
    if (statement != null && statement.isArray()) {
      statement.forEach(nodes::add);
    } else if (statement != null && statement.isObject()) {
      nodes.add(statement);
    } else {
      throw new SnapshotException(
          file, record, "the " + what + " has no 'Statement' object or array");
    }
    return nodes;
  }
}
