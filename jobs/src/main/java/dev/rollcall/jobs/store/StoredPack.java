package dev.rollcall.jobs.store;

import dev.rollcall.reports.review.InventoryRow;
import dev.rollcall.reports.review.PackSummary;
import java.util.List;

/**
 * A review pack as it was handed out: what an import of its filled-in copy is checked against.
 *
 * @param summary the pack's id, period, run and sources
 * @param rows its rows in the order of the pack
 */
public record StoredPack(PackSummary summary, List<InventoryRow> rows) {
  public StoredPack {
    rows = List.copyOf(rows);
  }
}
