package dev.rollcall.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPathTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "ann@example.test | ann@example.test",
        "5f1a2b3c4d5e6f7a8b9c0d1e | 5f1a2b3c4d5e6f7a8b9c0d1e",
        "a b/../c | a%20b%2F..%2Fc",
        ".. | %2E%2E",
        ". | %2E",
        "zoë | zo%C3%AB",
        "~x | %7Ex",
        "CN=etl,OU=x | CN%3Detl%2COU%3Dx",
        "o'brien;$(id) | o%27brien%3B%24%28id%29"
      })
  void aValueIsOneSegment(String value, String segment) {
    assertEquals(segment, UrlPath.segment(value));
    assertTrue(Shell.plain(segment), "a segment is a word the shell reads as it is");
  }

  @Test
  void controlCharactersAreEncoded() {
    assertEquals("line1%0Aline2", UrlPath.segment("line1\nline2"));
    assertEquals("tab%09here%0D", UrlPath.segment("tab\there\r"));
  }
}
