package dev.rollcall.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellTest {
  private static final Path DASH = Path.of("/usr/bin/dash");

  /** Every ASCII character but NUL, alone, between letters and at both ends of a word. */
  private static List<String> ascii() {
    List<String> values = new ArrayList<>();
    for (char c = 1; c < 128; c++) {
      values.add(String.valueOf(c));
      values.add("a" + c + "b");
      values.add(c + "x" + c);
      values.add(String.valueOf(c) + c);
    }
    values.add(IntStream.range(1, 128).mapToObj(Character::toString).collect(Collectors.joining()));
    return values;
  }

  private static List<String> nonAscii() {
    return List.of(
        "zoë",
        "Łódź",
        "日本語",
        "emoji 😀",
        "e\u0301", // a combining accent
        "\u00a0", // no-break space
        "\u0085", // NEL, a C1 control
        "a\u009bb", // CSI, the C1 form of ESC [
        "\u200b", // zero-width space
        "\u2028", // line separator
        "\u2029",
        "\u202e", // right-to-left override: "Trojan Source"
        "\u2066x\u2069",
        "\ufeff",
        "\ufffd",
        "it's\n",
        "\\'",
        "\\x41",
        "\\n",
        "$'x'",
        "'",
        "''",
        "!x",
        "!!",
        "~root",
        "*",
        "{a,b}",
        "-rf",
        "--user-name",
        "=ls",
        "a=b",
        "%1",
        "x\n",
        "\ny",
        "\u001b[31mred",
        "tab\there",
        "cr\rlf\n",
        "\u0001\u0002\u007f");
  }

  private static List<String> all() {
    List<String> values = new ArrayList<>(ascii());
    values.addAll(nonAscii());
    values.add("");
    return values;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alice",
        "ann@example.test",
        "lisa.park",
        "111122223333",
        "6a1b2c3d4e5f6a7b8c9d0e1f",
        "AKIAIOSFODNN7EXAMPLE",
        "arn:aws:iam::111122223333:policy/Admin",
        "CN=etl,OU=x",
        "a+b=c%d_e-f",
        "admin/ann@example.test"
      })
  void anOrdinaryValueStaysBare(String value) {
    assertEquals(value, Shell.quote(value));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "o'brien | 'o'\\''brien'",
        "a b | 'a b'",
        "$(touch x) | '$(touch x)'",
        "`id` | '`id`'",
        "x;rm -rf ~ | 'x;rm -rf ~'",
        "back\\slash | 'back\\slash'",
        "=ls | '=ls'",
        "zoë | 'zoë'",
        "~ | '~'"
      })
  void anyOtherValueIsSingleQuoted(String value, String quoted) {
    assertEquals(quoted, Shell.quote(value));
  }

  @Test
  void theEmptyValueIsAnEmptyWord() {
    assertEquals("''", Shell.quote(""));
  }

  @Test
  void controlCharactersAreWrittenAsEscapesOnOneLine() {
    assertEquals("$'line1\\nline2'", Shell.quote("line1\nline2"));
    assertEquals("$'tab\\there'", Shell.quote("tab\there"));
    assertEquals("$'it\\'s\\r\\n'", Shell.quote("it's\r\n"));
    assertEquals("$'a\\\\b\\x1bc'", Shell.quote("a\\b\u001bc"));
    assertEquals("$'\\x7f1'", Shell.quote("\u007f1"));
    assertEquals("$'zoë\\xe2\\x80\\xae'", Shell.quote("zoë\u202e"));
  }

  /** Each value comes back from bash as the one argument it was, in a UTF-8 and a C locale. */
  @ParameterizedTest
  @ValueSource(strings = {"C.UTF-8", "C"})
  void everyValueRoundTripsThroughBash(String locale, @TempDir Path home) {
    List<String> values = all();
    List<String> lines = values.stream().map(v -> "aws " + Shell.quote(v)).toList();
    lines.forEach(line -> assertFalse(hasControl(line), () -> "not one line: " + line));
    List<PastedIntoShell.Pasted> pasted =
        PastedIntoShell.paste(PastedIntoShell.BASH, lines, home, locale);
    for (int i = 0; i < values.size(); i++) {
      PastedIntoShell.Pasted p = pasted.get(i);
      assertEquals(0, p.status(), p::toString);
      assertEquals(List.of(List.of("aws", values.get(i))), p.calls(), p.line());
    }
  }

  /** The single-quoted form is plain POSIX: dash, which has no $'...', reads it the same. */
  @Test
  void singleQuotedValuesRoundTripThroughDash(@TempDir Path home) {
    List<String> values = all().stream().filter(v -> !Shell.quote(v).startsWith("$'")).toList();
    assertTrue(values.size() > 300, "values left: " + values.size());
    if (!Files.isExecutable(DASH)) {
      org.junit.jupiter.api.Assumptions.abort(DASH + " is not installed");
    }
    List<String> lines = values.stream().map(v -> "aws " + Shell.quote(v)).toList();
    List<PastedIntoShell.Pasted> pasted = PastedIntoShell.paste(DASH, lines, home, "C.UTF-8");
    for (int i = 0; i < values.size(); i++) {
      assertEquals(List.of(List.of("aws", values.get(i))), pasted.get(i).calls(), lines.get(i));
    }
  }

  /**
   * No argument can hold NUL: it comes back as U+FFFD, so that the command names no real account
   * rather than the one named by the text before the NUL; so does half a surrogate pair.
   */
  @Test
  void nulAndUnpairedSurrogatesBecomeTheReplacementCharacter(@TempDir Path home) {
    List<String> values = List.of("alice\0evil", "\0", "a\ud800b", "\udc00", "x\0\n");
    List<String> expected = List.of("alice\ufffdevil", "\ufffd", "a\ufffdb", "\ufffd", "x\ufffd\n");
    List<String> lines = values.stream().map(v -> "aws " + Shell.quote(v)).toList();
    List<PastedIntoShell.Pasted> pasted = PastedIntoShell.paste(lines, home);
    for (int i = 0; i < values.size(); i++) {
      assertEquals(List.of(List.of("aws", expected.get(i))), pasted.get(i).calls(), lines.get(i));
    }
    assertEquals("\ud83d\ude00", Shell.quote("\ud83d\ude00").replace("'", ""), "a pair is kept");
  }

  @Test
  void proseStaysAsItIsUnlessItHoldsAControlCharacter() {
    assertEquals("access key 1", Shell.oneLine("access key 1"));
    assertEquals(
        "secret mdb_sa_sk_…abcd (expires 2026-12-01)",
        Shell.oneLine("secret mdb_sa_sk_…abcd (expires 2026-12-01)"));
    assertEquals("$'secret\\naws iam delete-user'", Shell.oneLine("secret\naws iam delete-user"));
    assertEquals("a\ufffdb", Shell.oneLine("a\0b"));
  }

  private static boolean hasControl(String text) {
    return text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028);
  }
}
