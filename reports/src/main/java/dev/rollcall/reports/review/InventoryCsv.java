package dev.rollcall.reports.review;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Identity;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.reports.CsvFindingsRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Renders inventory.csv, the identity inventory of a run: every person with each account they hold
 * (a person without accounts gets one row with the account columns empty), then every account
 * nobody owns. Made from the same {@link Inventory} rows as the quarterly review pack.
 */
public final class InventoryCsv {
  public static final String FILE = "inventory.csv";

  static final List<String> HEADER =
      List.of(
          "person_id",
          "person_name",
          "person_status",
          "system",
          "tenant",
          "account_id",
          "account_name",
          "kind",
          "account_status",
          "mfa",
          "privilege",
          "last_use",
          "open_findings",
          "owned_because");

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

  private InventoryCsv() {}

  /**
   * The CSV document of a list of accounts (the rows are made here).
   *
   * @param views every account with its owners
   * @param people the directory of people
   * @param openFindings the run's active findings (suppressed ones are not open)
   */
  public static String render(
      List<AccountView> views, List<Identity> people, List<Finding> openFindings) {
    Map<String, String> privilege = new HashMap<>();
    views.forEach(v -> privilege.put(v.account().id(), privilegeOf(v.account())));
    return render(Inventory.rows(views, List.of()), privilege, people, openFindings);
  }

  /** The highest privilege of an account as the privilege column shows it. */
  public static String privilegeOf(Account account) {
    PrivilegeLevel level = account.highestPrivilege();
    return level == null ? "none" : level.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /**
   * The CSV document.
   *
   * @param inventory the run's inventory rows
   * @param privilege each account's {@link #privilegeOf highest privilege}, by account id
   * @param people the directory of people
   * @param openFindings the run's active findings (suppressed ones are not open)
   */
  public static String render(
      List<InventoryRow> inventory,
      Map<String, String> privilege,
      List<Identity> people,
      List<Finding> openFindings) {
    StringWriter out = new StringWriter();
    try {
      write(inventory, privilege, people, openFindings, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  /**
   * Writes the document to {@code out} as {@link #render} gives it, a row at a time: a million
   * accounts' inventory need not be held as one string.
   */
  public static void write(
      List<InventoryRow> inventory,
      Map<String, String> privilege,
      List<Identity> people,
      List<Finding> openFindings,
      Appendable out)
      throws IOException {
    Map<String, Integer> open = new HashMap<>();
    openFindings.forEach(f -> open.merge(f.account().id(), 1, Integer::sum));
    Map<String, List<InventoryRow>> byPerson = new HashMap<>();
    List<InventoryRow> unowned = new ArrayList<>();
    for (InventoryRow row : inventory) {
      if (row.personId().isEmpty()) {
        unowned.add(row);
      } else {
        byPerson.computeIfAbsent(row.personId(), k -> new ArrayList<>()).add(row);
      }
    }
    Comparator<InventoryRow> accountOrder =
        Comparator.comparing(InventoryRow::system)
            .thenComparing(InventoryRow::tenant)
            .thenComparing(InventoryRow::accountName)
            .thenComparing(InventoryRow::accountId);
    CSVPrinter printer = new CSVPrinter(out, FORMAT);
    {
      for (Identity person :
          people.stream().sorted(Comparator.comparing(Identity::personId)).toList()) {
        List<String> who =
            List.of(
                person.personId(),
                person.displayName() == null ? "" : person.displayName(),
                person.status().name().toLowerCase(Locale.ROOT));
        List<InventoryRow> rows = byPerson.remove(person.personId());
        if (rows == null) {
          printer.printRecord(cells(who, null, privilege, open));
          continue;
        }
        for (InventoryRow row : rows.stream().sorted(accountOrder).toList()) {
          printer.printRecord(cells(who, row, privilege, open));
        }
      }
      // An owner outside the directory cannot happen after correlation; kept rather than lost.
      for (List<InventoryRow> rows : byPerson.values()) {
        for (InventoryRow row : rows.stream().sorted(accountOrder).toList()) {
          printer.printRecord(
              cells(List.of(row.personId(), row.personName(), ""), row, privilege, open));
        }
      }
      for (InventoryRow row : unowned.stream().sorted(accountOrder).toList()) {
        printer.printRecord(cells(List.of("", "", ""), row, privilege, open));
      }
    }
    printer.flush();
  }

  private static List<String> cells(
      List<String> who,
      InventoryRow row,
      Map<String, String> privilege,
      Map<String, Integer> open) {
    List<String> cells = new ArrayList<>(who);
    if (row == null) {
      cells.addAll(List.of("", "", "", "", "", "", "", "", "", "", ""));
    } else {
      cells.addAll(
          List.of(
              row.system(),
              row.tenant(),
              row.accountId(),
              row.accountName(),
              row.kind(),
              row.status(),
              row.mfa(),
              privilege.getOrDefault(row.accountId(), "none"),
              row.lastUse(),
              Integer.toString(open.getOrDefault(row.accountId(), 0)),
              row.ownership()));
    }
    return cells.stream().map(CsvFindingsRenderer::neutralise).toList();
  }
}
