package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** IAM's wildcards: {@code *} any run of characters, {@code ?} exactly one. */
class GlobsTest {

  @Test
  void aPlainRequestOverlapsAPatternExactlyWhenThePatternMatchesIt() {
    assertTrue(Globs.overlaps("iam:*", "iam:PassRole", true));
    assertTrue(Globs.overlaps("IAM:passrole", "iam:PassRole", true));
    assertFalse(Globs.overlaps("iam:Pass?", "iam:PassRole", true));
    assertTrue(Globs.overlaps("iam:Pass????", "iam:PassRole", true));
    assertFalse(
        Globs.overlaps(
            "arn:aws:iam::111122223333:role/Admin", "arn:aws:iam::111122223333:role/admin", false),
        "resources are case-sensitive");
    assertTrue(
        Globs.overlaps(
            "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/admin", false));
  }

  @Test
  void twoPatternsOverlapWhenSomeStringMatchesBoth() {
    assertTrue(
        Globs.overlaps(
            "arn:aws:lambda:*:111122223333:function:*",
            "arn:aws:lambda:us-east-1:*:function:billing-*",
            false));
    assertFalse(
        Globs.overlaps("arn:aws:lambda:*:111122223333:function:*", "arn:aws:s3:::*", false),
        "the literal prefixes differ");
    assertFalse(Globs.overlaps("*-prod", "*-test", false), "the literal suffixes differ");
    assertTrue(Globs.overlaps("a*c", "?b?", false));
  }

  /** Every pair of short patterns over {a, b}, against every string that could witness both. */
  @Test
  void agreesWithBruteForceOnEveryShortPatternPair() {
    List<String> patterns = words("ab*?", 3);
    List<String> strings = words("ab", 6);
    for (String p : patterns) {
      Pattern rp = regex(p);
      for (String q : patterns) {
        Pattern rq = regex(q);
        boolean expected =
            strings.stream().anyMatch(s -> rp.matcher(s).matches() && rq.matcher(s).matches());
        assertEquals(expected, Globs.overlaps(p, q, false), p + " vs " + q);
      }
    }
  }

  /**
   * Without regard to case: every short pattern over {a, B, *, ?} against every mixed-case word.
   */
  @Test
  void ignoringCaseAgreesWithBruteForceOnLoweredStrings() {
    List<String> patterns = words("aB*?", 3);
    List<String> requests = words("aAbB", 3);
    List<String> strings = words("ab", 5);
    for (String p : patterns) {
      Pattern rp = regex(p.toLowerCase(java.util.Locale.ROOT));
      for (String q : requests) {
        String lowered = q.toLowerCase(java.util.Locale.ROOT);
        boolean expected =
            strings.stream().anyMatch(s -> rp.matcher(s).matches() && s.equals(lowered));
        assertEquals(expected, Globs.overlaps(p, q, true), p + " vs " + q);
      }
    }
    for (String p : patterns) {
      for (String q : words("aB*?", 3)) {
        assertEquals(
            Globs.covers(
                p.toLowerCase(java.util.Locale.ROOT), q.toLowerCase(java.util.Locale.ROOT), false),
            Globs.covers(p, q, true),
            p + " covers " + q);
      }
    }
    assertTrue(Globs.overlaps("IAM:Pass*", "iam:passrole", true));
    assertFalse(Globs.overlaps("s3:*", "iam:PassRole", true));
    assertTrue(Globs.overlaps("ÉTÉ:*", "été:x", true), "beyond ASCII, lowered as before");
  }

  private static List<String> words(String alphabet, int maxLength) {
    List<String> out = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int n = 1; n <= maxLength; n++) {
      List<String> next = new ArrayList<>();
      for (String w : last) {
        for (char ch : alphabet.toCharArray()) {
          next.add(w + ch);
        }
      }
      out.addAll(next);
      last = next;
    }
    return out;
  }

  private static Pattern regex(String glob) {
    StringBuilder re = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      re.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
    }
    return Pattern.compile(re.toString());
  }
}
