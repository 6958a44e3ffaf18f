package dev.rollcall.jobs.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded server's unique indexes (every collection's {@code _id}): H2 stores
 * and orders those keys as Java-serialized objects, and compares two of them by serializing both (a
 * few microseconds, about forty times per insert or update). This type stores them the same way but
 * orders the common key, one ASCII string, without serializing it, in exactly the order the
 * serialized bytes have (their length first, then their characters), so that files written before
 * it read the same and the same file stays readable by a rollcall without it. Any other key is
 * compared as H2 does.
 */
final class IndexKeyType extends ObjectDataType {
  /** Strings this long or longer serialize with a longer length prefix. */
  private static final int SHORT_STRING = 0xFFFF;

  @Override
  public int compare(Object a, Object b) {
    String left = asciiKey(a);
    String right = left == null ? null : asciiKey(b);
    if (right == null) {
      return super.compare(a, b);
    }
    // Java serialization writes a short string as its length (two bytes), then its modified UTF-8
    // bytes, which are the characters themselves for 1 to 127; H2 compares the bytes unsigned.
    if (left.length() != right.length()) {
      return left.length() < right.length() ? -1 : 1;
    }
    for (int i = 0; i < left.length(); i++) {
      char l = left.charAt(i);
      char r = right.charAt(i);
      if (l != r) {
        return l < r ? -1 : 1;
      }
    }
    return 0;
  }

  /** The key's one string, when it is short and every character is 1 to 127; else null. */
  private static String asciiKey(Object key) {
    if (!(key instanceof KeyValue value) || value.size() != 1) {
      return null;
    }
    if (!(value.get(0) instanceof String s) || s.length() >= SHORT_STRING) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0 || c > 127) {
        return null;
      }
    }
    return s;
  }
}
