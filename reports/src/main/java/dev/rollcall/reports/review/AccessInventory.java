package dev.rollcall.reports.review;

import dev.rollcall.model.Identity;
import java.util.List;
import java.util.Map;

/**
 * What inventory.csv is made of besides the run's findings: every person's accounts as the review
 * pack lists them, each account's highest privilege, and the directory of people.
 *
 * @param rows the inventory rows
 * @param privilege each account's highest privilege as the privilege column shows it, by account id
 * @param people the directory of people
 */
public record AccessInventory(
    List<InventoryRow> rows, Map<String, String> privilege, List<Identity> people) {
  public AccessInventory {
    rows = List.copyOf(rows);
    privilege = Map.copyOf(privilege);
    people = List.copyOf(people);
  }
}
