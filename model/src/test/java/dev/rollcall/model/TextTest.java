package dev.rollcall.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void plainTextIsKeptAsItIs() {
    String name = "zoë o'brien <b>$(id)</b> 名前 😀";
    assertSame(name, Text.printable(name));
    assertSame(name, Text.visible(name));
  }

  @Test
  void hiddenCharactersAreEscapedOnOneLine() {
    assertEquals(
        "a\\nb\\rc\\td\\u001be\\u202ef\\u200bg\\u0085h\\u2028i\\ufeffj\\u{e0041}k",
        Text.printable("a\nb\rc\td\u001be\u202ef\u200bg\u0085h\u2028i\ufeffj\uDB40\uDC41k"));
  }

  @Test
  void visibleTurnsEachHiddenCharacterIntoASpace() {
    assertEquals("a b c d", Text.visible("a\nb\u202ec\uDB40\uDC41d"));
  }

  @Test
  void everyControlAndFormatCharacterIsHiddenAndNoLetterIs() {
    for (int c = 0; c < 0x20; c++) {
      assertTrue(Text.isHidden(c), Integer.toHexString(c));
    }
    for (int c = 0x7f; c <= 0x9f; c++) {
      assertTrue(Text.isHidden(c), Integer.toHexString(c));
    }
    for (int c : new int[] {0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0xad, 0xe0001}) {
      assertTrue(Text.isHidden(c), Integer.toHexString(c));
    }
    for (int c : new int[] {' ', 'a', 'é', 'ß', '名', 0x1f600, '\u00a0'}) {
      assertFalse(Text.isHidden(c), Integer.toHexString(c));
    }
  }

  @Test
  void printableAsciiIsNeverHiddenSoItsShortcutAgreesAndEveryOtherLatin1CharacterIsJudged() {
    for (char c = 0; c < 0x100; c++) {
      String value = "a" + c + "b";
      boolean hidden = Text.isHidden(c);
      if (c >= 0x20 && c <= 0x7e) {
        assertFalse(hidden, "U+" + Integer.toHexString(c));
      }
      assertEquals(hidden ? "a b" : value, Text.visible(value), "U+" + Integer.toHexString(c));
      assertEquals(!hidden, Text.printable(value).equals(value), "U+" + Integer.toHexString(c));
    }
  }
}
