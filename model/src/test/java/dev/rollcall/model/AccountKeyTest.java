package dev.rollcall.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountKeyTest {
  /**
   * Keys whose parts are prefixes of each other, or differ right at a separator (':' sorts after
   * '-' and '9', before 'a'), compare as their ids do.
   */
  @Test
  void keysCompareAsTheirIdsCompare() {
    List<AccountKey> keys = new ArrayList<>();
    for (SourceSystem system : SourceSystem.values()) {
      for (String tenant : List.of("a", "a-b", "a:b", "ab", "a9", "111122223333", "é")) {
        for (String id : List.of("x", "x:y", "-", ":", "xy", "AIDA1", "Ω")) {
          keys.add(new AccountKey(system, tenant, id));
        }
      }
    }
    for (AccountKey a : keys) {
      for (AccountKey b : keys) {
        assertEquals(
            Integer.signum(a.id().compareTo(b.id())),
            Integer.signum(a.compareTo(b)),
            a.id() + " against " + b.id());
      }
    }
  }
}
