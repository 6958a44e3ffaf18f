package dev.rollcall.connectors.aws;

import static dev.rollcall.connectors.aws.TestAccounts.assertMentions;
import static dev.rollcall.connectors.aws.TestAccounts.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FILE = Path.of("get-account-authorization-details.json");
  private static final String RECORD = "UserDetailList[0] (UserName=alice) UserPolicyList[0]";
  private static final String DOCUMENT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::a+b/*\"}]}";

  private static JsonNode parse(JsonNode value) {
    return PolicyDocuments.parse(value, FILE, RECORD);
  }

  @Test
  void aJsonObjectIsTakenAsItIs() throws Exception {
    JsonNode object = JSON.readTree(DOCUMENT);
    assertEquals(object, parse(object));
  }

  @Test
  void aUrlEncodedStringIsDecoded() throws Exception {
    String encoded =
        "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22"
            + "%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3A"
            + "a%2Bb%2F%2A%22%7D%5D%7D";
    assertEquals(JSON.readTree(DOCUMENT), parse(TextNode.valueOf(encoded)));
  }

  @Test
  void aPlusIsNotASpace() throws Exception {
    // RFC 3986 leaves '+' unencoded; URLDecoder would have turned it into a space.
    String encoded = DOCUMENT.replace("{", "%7B").replace("}", "%7D");
    assertEquals(JSON.readTree(DOCUMENT), parse(TextNode.valueOf(encoded)));
  }

  @Test
  void encodedWhitespaceAndNonAsciiAreDecoded() throws Exception {
    String encoded = "%7B%0A%20%20%22Sid%22%3A%20%22caf%C3%A9%22%0A%7D";
    assertEquals(JSON.readTree("{\"Sid\": \"café\"}"), parse(TextNode.valueOf(encoded)));
  }

  @Test
  void aPlainJsonStringIsParsed() throws Exception {
    assertEquals(JSON.readTree(DOCUMENT), parse(TextNode.valueOf("  " + DOCUMENT)));
  }

  @Test
  void aMalformedEscapeNamesFileAndRecord() {
    assertMentions(
        failure(() -> parse(TextNode.valueOf("%7B%22Version%2"))),
        FILE.toString(),
        RECORD,
        "malformed escape");
  }

  @Test
  void encodedBytesThatAreNotUtf8Fail() {
    assertMentions(failure(() -> parse(TextNode.valueOf("%7B%FF%7D"))), RECORD, "UTF-8");
  }

  @Test
  void invalidJsonInsideTheStringNamesFileAndRecord() {
    assertMentions(
        failure(() -> parse(TextNode.valueOf("%7B%22Version%22%3A%7D"))),
        FILE.toString(),
        RECORD,
        "not valid");
  }

  @Test
  void neitherJsonNorEncodedFails() {
    assertMentions(failure(() -> parse(TextNode.valueOf("Version=2012-10-17"))), RECORD, "neither");
  }

  @Test
  void aMissingDocumentFails() {
    assertMentions(failure(() -> parse(null)), RECORD, "missing");
    assertMentions(failure(() -> parse(JsonNodeFactory.instance.nullNode())), "missing");
  }

  @Test
  void aDocumentThatIsNotAnObjectFails() {
    assertMentions(failure(() -> parse(JsonNodeFactory.instance.numberNode(3))), "neither");
    assertMentions(failure(() -> parse(TextNode.valueOf("%5B%5D"))), "not a JSON object");
  }
}
