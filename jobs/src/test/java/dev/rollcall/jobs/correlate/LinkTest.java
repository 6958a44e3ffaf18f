package dev.rollcall.jobs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.LinkRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTest {

  @Test
  void textIsOrderedByItsUtf8BytesAsSparksMinAndSortAreNotByUtf16Units() {
    // U+FF5E (three UTF-8 bytes, one UTF-16 unit above the surrogates) and U+1F600 (four bytes,
    // a surrogate pair): UTF-16 order puts the emoji first, byte order puts it last.
    List<String> texts =
        List.of("tag=a\uFF5E", "tag=a\uD83D\uDE00", "tag=a", "tag=ab", "tag=b", "Tag=z", "tag=é");
    for (String a : texts) {
      for (String b : texts) {
        assertEquals(
            Integer.signum(unsignedBytes(a, b)),
            Integer.signum(Link.byCodePoint(a, b)),
            a + " vs " + b);
      }
    }
    assertTrue("tag=a\uD83D\uDE00".compareTo("tag=a\uFF5E") < 0, "UTF-16 order differs");
  }

  @Test
  void theStrongerRuleThenTheShorterChainThenTheLeastEvidenceIsBest() {
    Link tag = new Link("ana", LinkRule.OWNER_TAG, 0, "owner=ana");
    Link farRole = new Link("ana", LinkRule.ASSUMES_ROLE, 3, "a");
    Link nearRole = new Link("ana", LinkRule.ASSUMES_ROLE, 1, "z");
    Link nearRoleB = new Link("ana", LinkRule.ASSUMES_ROLE, 1, "b");
    List<Link> links = new ArrayList<>(List.of(farRole, nearRoleB, nearRole, tag));
    links.sort(Link.BEST);
    assertEquals(List.of(tag, nearRoleB, nearRole, farRole), links);
  }

  private static int unsignedBytes(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
