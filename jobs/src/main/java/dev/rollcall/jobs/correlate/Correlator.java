package dev.rollcall.jobs.correlate;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Owner;
import dev.rollcall.model.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ties accounts to people: every account's ownership claims are matched against the directory of
 * people's addresses, the strongest rule wins per account, an IAM role also gets the owners of the
 * accounts that can assume it (see {@link RoleOwners}), and accounts are grouped into subjects (a
 * person with their accounts, or an unowned account alone).
 *
 * <p>The driver read the accounts and holds them, so this is done where they are, on every core of
 * the driver: each account becomes its view (its owners are matched against the directory and the
 * claims, a few microseconds an account), and the views are grouped into subjects by the people
 * they name. Nothing here is serialized: the subjects go to Spark's executors once, to be judged
 * (see {@link dev.rollcall.jobs.detect.Detector}). Done on Spark, the same work made the accounts
 * travel to the executors, their views to disk and back, and every view through a shuffle to its
 * subjects, which cost far more than the matching itself.
 */
public final class Correlator {
  private Correlator() {}

  /**
   * Correlates accounts with the directory of people: one view per account, in the accounts' order.
   */
  public static List<AccountView> correlate(
      List<Account> accounts, Directory people, LinkCandidates claims) {
    Map<String, List<Link>> roles = RoleOwners.derive(accounts, claims, people);
    return accounts.parallelStream()
        .map(
            account ->
                AccountOwnership.view(
                    account, claims, people, roles.getOrDefault(account.id(), List.of())))
        .toList();
  }

  /**
   * Groups views into subjects: one per person, one per account nobody owns, and one per role held
   * only through the accounts that can assume it. Such a role stands alone because its owners are
   * everyone who can reach it (every user of its account, for a role trusting the account): copied
   * into each of their subjects it would be judged once per owner, and the person rules leave roles
   * out anyway. A shared account is in the subject of each of its owners. In the order of each
   * subject's first view.
   */
  public static List<Subject> subjects(List<AccountView> views) {
    Map<String, List<AccountView>> grouped = new LinkedHashMap<>();
    for (AccountView view : views) {
      for (String key : subjectKeys(view)) {
        grouped.computeIfAbsent(key, k -> new ArrayList<>(2)).add(view);
      }
    }
    List<Subject> subjects = new ArrayList<>(grouped.size());
    grouped.forEach((key, list) -> subjects.add(subject(key, list)));
    return subjects;
  }

  /** The keys of the subjects a view belongs to. */
  private static List<String> subjectKeys(AccountView view) {
    if (heldThroughAssumers(view)) {
      return List.of(ROLE_KEY + view.account().id());
    }
    List<String> persons = view.personIds();
    return persons.isEmpty() ? List.of(UNOWNED_KEY + view.account().id()) : persons;
  }

  /** The key of an unowned account's own subject: {@code unowned:<account id>}. */
  static final String UNOWNED_KEY = "unowned:";

  /** The key of a role's own subject: {@code role:<account id>}. */
  static final String ROLE_KEY = "role:";

  /** A role whose every owner comes from an account that can assume it. */
  static boolean heldThroughAssumers(AccountView view) {
    return view.account().kind() == AccountKind.ROLE
        && !view.owners().isEmpty()
        && view.owners().stream().allMatch(o -> o.rule() == LinkRule.ASSUMES_ROLE);
  }

  private static Subject subject(String key, List<AccountView> list) {
    // In the order of the account ids, without making them (AccountKey orders as its id does).
    list.sort(Comparator.comparing(v -> v.account().key()));
    Identity person =
        list.stream()
            .flatMap(v -> v.owners().stream())
            .map(Owner::person)
            .filter(p -> p.personId().equals(key))
            .findFirst()
            .orElse(null);
    return new Subject(key, person, list);
  }
}
