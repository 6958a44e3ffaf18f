package dev.rollcall.reports.review;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Finding;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.Owner;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.SourceSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds the access inventory of a run: who holds which account, with what and how used. */
public final class Inventory {
  private Inventory() {}

  /** One row per owner per account, and one per account nobody owns, in review order. */
  public static List<InventoryRow> rows(List<AccountView> views, List<Finding> findings) {
    List<InventoryRow> rows = new ArrayList<>(views.size());
    rowsByAccount(views, findings).forEach(rows::addAll);
    return sorted(rows);
  }

  /**
   * Each account's rows ({@link #rowsOf}), flagged with the rules of {@code findings} that found
   * it, in the views' order: made on every core, for a million accounts' rows.
   */
  public static List<List<InventoryRow>> rowsByAccount(
      List<AccountView> views, List<Finding> findings) {
    Map<String, List<String>> rulesByAccount = rulesByAccount(findings);
    return views.parallelStream()
        .map(v -> rowsOf(v, rulesByAccount.getOrDefault(v.account().id(), List.of())))
        .toList();
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
   * One account's rows, one per owner (one without an owner when nobody owns it), unsorted.
   *
   * @param rules the ids of the rules that flagged the account
   */
  private static List<InventoryRow> rowsOf(AccountView view, List<String> rules) {
    // What the rows say of the account is made once and shared by its owners' rows: a role every
    // user of an AWS account may assume has thousands of owners, and a million accounts' rows are
    // held together until they are stored.
    InventoryRow unowned = unownedRow(view.account(), rules);
    List<InventoryRow> rows = new ArrayList<>(Math.max(1, view.owners().size()));
    if (view.owners().isEmpty()) {
      rows.add(unowned);
    }
    for (Owner owner : view.owners()) {
      rows.add(
          unowned.ownedBy(
              owner.person().personId(),
              owner.person().displayName() == null ? "" : owner.person().displayName(),
              owner.person().manager() == null ? "" : owner.person().manager(),
              LINK_RULES.get(owner.rule()) + ": " + owner.evidence()));
    }
    return rows;
  }

  /** The account's row as nobody's: its own columns, and no person. */
  private static InventoryRow unownedRow(Account a, List<String> rules) {
    return new InventoryRow(
        "",
        "",
        "",
        SYSTEMS.get(a.key().system()),
        a.key().tenant(),
        a.id(),
        a.name(),
        KINDS.get(a.kind()),
        STATUSES.get(a.status()),
        a.grants().stream()
            .map(g -> g.name() + " (" + LEVELS.get(g.level()) + ", " + g.scope() + ")")
            .toList(),
        lastUse(a.lastActivity()),
        mfa(a.mfa()),
        rules.stream().distinct().sorted().toList(),
        "");
  }

  /** Each value's name in lower case, its underscores as spaces where {@code spaces}. */
  private static <E extends Enum<E>> Map<E, String> lowerNames(Class<E> type, boolean spaces) {
    Map<E, String> names = new EnumMap<>(type);
    for (E value : type.getEnumConstants()) {
      String name = value.name().toLowerCase(Locale.ROOT);
      names.put(value, spaces ? name.replace('_', ' ') : name);
    }
    return Collections.unmodifiableMap(names);
  }

  private static final Map<SourceSystem, String> SYSTEMS = lowerNames(SourceSystem.class, false);
  private static final Map<AccountKind, String> KINDS = lowerNames(AccountKind.class, false);
  private static final Map<AccountStatus, String> STATUSES = lowerNames(AccountStatus.class, false);
  private static final Map<PrivilegeLevel, String> LEVELS = lowerNames(PrivilegeLevel.class, true);
  private static final Map<LinkRule, String> LINK_RULES = lowerNames(LinkRule.class, false);

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
