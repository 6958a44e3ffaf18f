package dev.rollcall.connectors.aws;

import java.util.Locale;

/**
 * IAM's wildcards ({@code *} any run of characters, {@code ?} one character) over action names
 * (case-insensitive) and resource ARNs (case-sensitive). A candidate may itself be a pattern (e.g.
 * {@code arn:aws:lambda:*:111122223333:function:*}, "some function of the account"): {@link
 * #covers} asks whether a pattern reaches every string the candidate stands for, {@link #overlaps}
 * whether it reaches at least one.
 */
final class Globs {
  private Globs() {}

  /** True when {@code pattern} matches every string {@code candidate} stands for. */
  static boolean covers(String pattern, String candidate, boolean ignoreCase) {
    // A pattern that matches the candidate's text (its wildcards read as literal characters, which
    // only a '*' of the pattern can match) covers everything the candidate stands for.
    if (ignoreCase && ascii(pattern) && ascii(candidate)) {
      return literal(pattern, candidate, true);
    }
    String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
    String c = ignoreCase ? candidate.toLowerCase(Locale.ROOT) : candidate;
    return literal(p, c);
  }

  /** True when some string matches both patterns. */
  static boolean overlaps(String pattern, String candidate, boolean ignoreCase) {
    if (ignoreCase && !wild(candidate) && ascii(pattern) && ascii(candidate)) {
      // An action against a policy's pattern, most often of another service: in ASCII, case is
      // ignored character by character, and the pattern's text before its first wildcard must
      // begin the action, without either being lowered.
      int lead = firstWild(pattern);
      if (lead < 0) {
        return pattern.equalsIgnoreCase(candidate);
      }
      return candidate.regionMatches(true, 0, pattern, 0, lead)
          && literal(pattern, candidate, true);
    }
    String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
    String c = ignoreCase ? candidate.toLowerCase(Locale.ROOT) : candidate;
    boolean patternWild = wild(p);
    boolean candidateWild = wild(c);
    // Most requests name one action or one ARN: a plain string overlaps a pattern exactly when the
    // pattern matches it, which the linear matcher answers without a table.
    if (!candidateWild) {
      return patternWild ? literal(p, c) : p.equals(c);
    }
    if (!patternWild) {
      return literal(c, p);
    }
    // Two patterns: the text before the first wildcard of either and after the last must agree
    // character for character; only what lies between needs the table.
    int start = 0;
    while (start < p.length()
        && start < c.length()
        && !wild(p.charAt(start))
        && !wild(c.charAt(start))) {
      if (p.charAt(start) != c.charAt(start)) {
        return false;
      }
      start++;
    }
    int pe = p.length();
    int ce = c.length();
    while (pe > start && ce > start && !wild(p.charAt(pe - 1)) && !wild(c.charAt(ce - 1))) {
      if (p.charAt(pe - 1) != c.charAt(ce - 1)) {
        return false;
      }
      pe--;
      ce--;
    }
    String pm = p.substring(start, pe);
    String cm = c.substring(start, ce);
    Boolean[][] memo = new Boolean[pm.length() + 1][cm.length() + 1];
    return overlap(pm, 0, cm, 0, memo);
  }

  private static boolean wild(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }

  private static int firstWild(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (wild(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean wild(char ch) {
    return ch == '*' || ch == '?';
  }

  private static boolean literal(String p, String text) {
    return literal(p, text, false);
  }

  /**
   * Whether the pattern matches the plain text; {@code asciiCase} ignores the case of ASCII
   * letters, for callers that checked both strings are ASCII.
   */
  private static boolean literal(String p, String text, boolean asciiCase) {
    // Classic wildcard matching, linear in practice: remember the last '*' and retry from it.
    int i = 0;
    int j = 0;
    int star = -1;
    int mark = 0;
    while (j < text.length()) {
      if (i < p.length() && p.charAt(i) == '*') {
        star = i++;
        mark = j;
      } else if (i < p.length()
          && (same(p.charAt(i), text.charAt(j), asciiCase)
              || (p.charAt(i) == '?' && text.charAt(j) != '*'))) {
        i++;
        j++;
      } else if (star >= 0) {
        i = star + 1;
        j = ++mark;
      } else {
        return false;
      }
    }
    while (i < p.length() && p.charAt(i) == '*') {
      i++;
    }
    return i == p.length();
  }

  private static boolean same(char a, char b, boolean asciiCase) {
    return a == b || (asciiCase && lowerAscii(a) == lowerAscii(b));
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static boolean overlap(String p, int i, String q, int j, Boolean[][] memo) {
    if (memo[i][j] != null) {
      return memo[i][j];
    }
    boolean result;
    if (i == p.length() && j == q.length()) {
      result = true;
    } else if (i < p.length() && p.charAt(i) == '*') {
      result = overlap(p, i + 1, q, j, memo) || (j < q.length() && overlap(p, i, q, j + 1, memo));
    } else if (j < q.length() && q.charAt(j) == '*') {
      result = overlap(p, i, q, j + 1, memo) || (i < p.length() && overlap(p, i + 1, q, j, memo));
    } else if (i < p.length() && j < q.length()) {
      char a = p.charAt(i);
      char b = q.charAt(j);
      result = (a == b || a == '?' || b == '?') && overlap(p, i + 1, q, j + 1, memo);
    } else {
      result = false;
    }
    memo[i][j] = result;
    return result;
  }
}
