package dev.rollcall.jobs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * The order of the embedded server's index keys must be H2's own, key for key, or an index written
 * by H2's type would not be found by ours (and the other way round).
 */
class IndexKeyTypeTest {
  @Test
  void ordersEveryKeyExactlyAsH2Does() {
    List<KeyValue> keys = new ArrayList<>();
    for (String s :
        List.of(
            "",
            "a",
            "b",
            "A",
            "~",
            "ab",
            "ba",
            "run-20261201T020000Z-1a2b3c4d|0",
            "run-20261201T020000Z-1a2b3c4d|10",
            "run-20261201T020000Z-1a2b3c4d|#whole",
            "run-20261201T020000Z-1a2b3c4d|chunk|9",
            "nightly",
            "caf\u00e9",
            "cafe",
            "\u0000",
            "a\u0000b",
            "\u20ac",
            "\uD83D\uDE00",
            "x".repeat(0xFFFE),
            "x".repeat(0xFFFF),
            "x".repeat(0x10000))) {
      keys.add(new KeyValue(s));
    }
    Random random = new Random(18);
    for (int i = 0; i < 300; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(40);
      for (int c = 0; c < length; c++) {
        // Mostly what ids are made of, now and then a character outside ASCII.
        s.append(
            random.nextInt(20) == 0
                ? (char) (128 + random.nextInt(3000))
                : (char) (32 + random.nextInt(95)));
      }
      keys.add(new KeyValue(s.toString()));
    }
    keys.add(new KeyValue(new ObjectId("0123456789abcdef01234567")));
    keys.add(new KeyValue(new ObjectId("0123456789abcdef01234568")));
    keys.add(new KeyValue(42));
    keys.add(new KeyValue(42L));
    keys.add(new KeyValue("a", "b"));
    keys.add(new KeyValue("a", 1));

    ObjectDataType h2 = new ObjectDataType();
    IndexKeyType ours = new IndexKeyType();
    for (KeyValue a : keys) {
      for (KeyValue b : keys) {
        assertEquals(
            Integer.signum(h2.compare(a, b)),
            Integer.signum(ours.compare(a, b)),
            () -> "the order of " + abbreviate(a) + " and " + abbreviate(b));
      }
    }
  }

  private static String abbreviate(KeyValue key) {
    String s = key.toString();
    return s.length() > 60 ? s.substring(0, 60) + "… (" + s.length() + " characters)" : s;
  }
}
