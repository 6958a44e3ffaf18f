package dev.rollcall.reports.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InventoryOrderTest {
  /**
   * Enough rows for the sort to be split across cores (Arrays.parallelSort sorts fewer than 8,192
   * on one), drawn from small alphabets so that most rows tie on most keys and many on all of them:
   * the order must be the one a plain stable sort by the five keys gives, ties in input order.
   */
  @Test
  void rowsSortByManagerPersonSystemTenantAndNameWithTiesInTheirOrder() {
    Random random = new Random(18);
    List<InventoryRow> rows = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      rows.add(
          new InventoryRow(
              pick(random, "ann", "bob", "", "Åsa"),
              "name",
              pick(random, "", "mgr-a", "mgr-b"),
              pick(random, "aws_iam", "atlas_org"),
              pick(random, "111122223333", "org-1"),
              "id-" + i, // the input order, to see that ties keep it
              pick(random, "x", "y", "z", "Z"),
              "human",
              "active",
              List.of(),
              "never",
              "none",
              List.of(),
              "directory: x"));
    }
    List<InventoryRow> expected = new ArrayList<>(rows);
    expected.sort(
        Comparator.comparing(InventoryRow::manager)
            .thenComparing(InventoryRow::personId)
            .thenComparing(InventoryRow::system)
            .thenComparing(InventoryRow::tenant)
            .thenComparing(InventoryRow::accountName));
    List<String> before = ids(rows);
    List<InventoryRow> sorted = Inventory.sorted(rows);
    assertEquals(ids(expected), ids(sorted));
    assertEquals(before, ids(rows), "the input is left as it was");
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }

  private static List<String> ids(List<InventoryRow> rows) {
    return rows.stream().map(InventoryRow::accountId).toList();
  }
}
