package dev.rollcall.connectors.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Well-formed UTF-8 passes whole; the first byte of anything else is named by its offset. */
class Utf8InputTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7b2261223a317d", // {"a":1}
        "efbbbf7b7d", // a UTF-8 byte order mark, then {}
        "c3a9", // é
        "e282ac", // €
        "f09f9880", // an emoji, four bytes
        "ed9fbf", // U+D7FF, the last code point before the surrogates
        "ee8080", // U+E000, the first after them
        "f48fbfbf", // U+10FFFF, the last code point
        "0a0a0a"
      })
  void wellFormedTextPassesWhole(String hex) throws IOException {
    byte[] bytes = HexFormat.of().parseHex(hex);
    Utf8Input.check(bytes);
    for (int chunk : new int[] {1, 2, 3, 8192}) {
      assertArrayEquals(bytes, readAll(bytes, chunk));
    }
  }

  @ParameterizedTest
  @CsvSource({
    // bytes, offset of the first bad byte, its line
    "7b0aff7d, 2, 2", // 0xFF never occurs
    "636166e9206f6c6522, 3, 1", // Latin-1 'café ole': 0xE9 starts a sequence a space does not go on
    "6180, 1, 1", // a continuation byte without a lead
    "c0af, 0, 1", // an overlong '/'
    "e08080, 0, 1", // an overlong NUL in three bytes
    "eda080, 0, 1", // a UTF-16 surrogate
    "f4908080, 0, 1", // beyond U+10FFFF
    "f5808080, 0, 1",
    "616263e282, 3, 1", // cut short at the end
    "fffe7b00, 0, 1", // UTF-16LE with its byte order mark
    "7b0022, 1, 1", // UTF-16 without one: a NUL byte
    "0a0a61c3, 3, 3"
  })
  void theFirstBadByteIsNamedByItsOffsetAndLine(String hex, long offset, long line) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    Utf8Input.NotUtf8 whole = assertThrows(Utf8Input.NotUtf8.class, () -> Utf8Input.check(bytes));
    assertEquals(offset, whole.offset(), whole.getMessage());
    assertEquals(line, whole.line(), whole.getMessage());
    assertTrue(
        whole.getMessage().startsWith("not valid UTF-8 at byte offset " + offset + " (line "),
        whole.getMessage());
    for (int chunk : new int[] {1, 2, 3, 8192}) {
      Utf8Input.NotUtf8 streamed =
          assertThrows(Utf8Input.NotUtf8.class, () -> readAll(bytes, chunk));
      assertEquals(whole.getMessage(), streamed.getMessage(), "read " + chunk + " at a time");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4095, 4096, 4097, 100_000})
  void theOffsetCountsAcrossReads(int at) {
    byte[] bytes = "x".repeat(at + 10).getBytes(StandardCharsets.US_ASCII);
    bytes[at] = (byte) 0xFF;
    Utf8Input.NotUtf8 e = assertThrows(Utf8Input.NotUtf8.class, () -> readAll(bytes, 4096));
    assertEquals(at, e.offset());
  }

  @Test
  void singleByteReadsAreCheckedToo() {
    byte[] bytes = HexFormat.of().parseHex("616263e9");
    InputStream in = new Utf8Input(new ByteArrayInputStream(bytes));
    Utf8Input.NotUtf8 e =
        assertThrows(
            Utf8Input.NotUtf8.class,
            () -> {
              while (in.read() >= 0) {
                // reads byte by byte to the end
              }
            });
    assertEquals(3, e.offset());
  }

  private static byte[] readAll(byte[] bytes, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new Utf8Input(new ByteArrayInputStream(bytes))) {
      byte[] buffer = new byte[chunk];
      for (int n; (n = in.read(buffer, 0, chunk)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }
}
