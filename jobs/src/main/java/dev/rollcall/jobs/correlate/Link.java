package dev.rollcall.jobs.correlate;

import dev.rollcall.model.LinkRule;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * One link of an account to a person, before it becomes an {@link dev.rollcall.model.Owner}.
 *
 * @param personId the person
 * @param rule the rule that made it
 * @param hops how many roles a chain went through to reach it (0 for a direct link)
 * @param evidence why
 */
record Link(String personId, LinkRule rule, int hops, String evidence) implements Serializable {
  Link {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(evidence, "evidence");
  }

  /**
   * Which of two links to one person is kept: the stronger rule, then the shorter chain, then the
   * evidence in code point order (so that the same one wins every night).
   */
  static final Comparator<Link> BEST =
      Comparator.comparing(Link::rule)
          .thenComparingInt(Link::hops)
          .thenComparing(Link::evidence, Link::byCodePoint);

  /** Compares text by code point (the order of its UTF-8 bytes), not by UTF-16 unit. */
  static int byCodePoint(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
