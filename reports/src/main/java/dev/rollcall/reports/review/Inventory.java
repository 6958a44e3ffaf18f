package dev.rollcall.reports.review;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.Owner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds the access inventory of a run: who holds which account, with what and how used. */
public final class Inventory {
  private Inventory() {}

  /** One row per owner per account, and one per account nobody owns, in review order. */
  public static List<InventoryRow> rows(Iterator<AccountView> views, List<Finding> findings) {
    Map<String, List<String>> rulesByAccount = rulesByAccount(findings);
    List<InventoryRow> rows = new ArrayList<>();
    while (views.hasNext()) {
      AccountView view = views.next();
      rows.addAll(rowsOf(view, rulesByAccount.getOrDefault(view.account().id(), List.of())));
    }
    return sorted(rows);
  }

  /** The ids of the rules that flagged each account, by account id. */
  public static Map<String, List<String>> rulesByAccount(List<Finding> findings) {
    Map<String, List<String>> rulesByAccount = new TreeMap<>();
    for (Finding f : findings) {
      rulesByAccount.computeIfAbsent(f.account().id(), k -> new ArrayList<>()).add(f.ruleId());
    }
    return rulesByAccount;
  }

  /**
   * One account's rows, one per owner (one without an owner when nobody owns it), unsorted: a step
   * that runs where the view is.
   *
   * @param rules the ids of the rules that flagged the account
   */
  public static List<InventoryRow> rowsOf(AccountView view, List<String> rules) {
    Account a = view.account();
    List<InventoryRow> rows = new ArrayList<>();
    if (view.owners().isEmpty()) {
      rows.add(row(a, "", "", "", rules, ""));
    }
    for (Owner owner : view.owners()) {
      rows.add(
          row(
              a,
              owner.person().personId(),
              owner.person().displayName() == null ? "" : owner.person().displayName(),
              owner.person().manager() == null ? "" : owner.person().manager(),
              rules,
              owner.rule().name().toLowerCase(Locale.ROOT) + ": " + owner.evidence()));
    }
    return rows;
  }

  /** The inventory's order: by manager, person, system, tenant and account name. */
  static final Comparator<InventoryRow> ORDER =
      (a, b) -> {
        int c = a.manager().compareTo(b.manager());
        if (c == 0) {
          c = a.personId().compareTo(b.personId());
        }
        if (c == 0) {
          c = a.system().compareTo(b.system());
        }
        if (c == 0) {
          c = a.tenant().compareTo(b.tenant());
        }
        return c != 0 ? c : a.accountName().compareTo(b.accountName());
      };

  /**
   * The rows in the inventory's order ({@link #ORDER}; rows equal in it keep their order), sorted
   * on every core: a million accounts have more than a million rows.
   */
  public static List<InventoryRow> sorted(List<InventoryRow> rows) {
    InventoryRow[] out = rows.toArray(InventoryRow[]::new);
    Arrays.parallelSort(out, ORDER);
    return new ArrayList<>(Arrays.asList(out));
  }

  private static InventoryRow row(
      Account a, String person, String name, String manager, List<String> rules, String ownership) {
    return new InventoryRow(
        person,
        name,
        manager,
        a.key().system().name().toLowerCase(Locale.ROOT),
        a.key().tenant(),
        a.id(),
        a.name(),
        a.kind().name().toLowerCase(Locale.ROOT),
        a.status().name().toLowerCase(Locale.ROOT),
        a.grants().stream()
            .map(
                g ->
                    g.name()
                        + " ("
                        + g.level().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ", "
                        + g.scope()
                        + ")")
            .toList(),
        lastUse(a.lastActivity()),
        mfa(a.mfa()),
        rules.stream().distinct().sorted().toList(),
        ownership);
  }

  private static String lastUse(Activity activity) {
    return switch (activity.state()) {
      case USED -> activity.at().toString();
      case NEVER_USED -> "never";
      case UNKNOWN -> "unknown";
    };
  }

  private static String mfa(Mfa mfa) {
    String state = mfa.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    if (mfa.factors().isEmpty()) {
      return state;
    }
    return state
        + " ("
        + mfa.factors().stream()
            .map(MfaFactor::type)
            .map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .distinct()
            .collect(Collectors.joining(", "))
        + ")";
  }
}
