package dev.rollcall.jobs.correlate;

import dev.rollcall.model.Account;
import dev.rollcall.model.RoleAssumer;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accounts whose correlation and judging decide a few accounts' views and findings, so that
 * {@code rollcall explain} can run the same {@link Correlator} and detector on them alone and get
 * what a whole run gets for those accounts.
 *
 * <p>Why it is enough (each step a superset of what the step needs, which adds nothing wrong):
 *
 * <ul>
 *   <li>An account's view reads its own claims against the whole directory of people (always kept
 *       whole), and, for a role, the direct owners of every account that can assume it along a
 *       chain: its <em>ancestors</em> in the graph of {@link RoleAssumer#assumerId()}. A chain's
 *       evidence, the shortest path found breadth first from each assumer, only ever passes through
 *       ancestors, so accounts that are not ancestors change none of it. The closure is closed
 *       under ancestors, so every view in it is the whole run's view.
 *   <li>An account's findings come from the subjects that hold it: for each owner, that person's
 *       every account (those whose claims reach the person, and the roles they can assume, which
 *       get the person through {@link dev.rollcall.model.LinkRule#ASSUMES_ROLE}); otherwise the
 *       account alone. Rules read nothing but their subject, so those subjects, whole and with
 *       whole views, give the same findings for the account.
 * </ul>
 *
 * Tenant rules read a tenant's accounts, but their findings carry the tenant's own key, never an
 * account's, so no account's explanation depends on them.
 */
public final class AccountClosure {
  private final List<Account> accounts;
  private final LinkCandidates claims;
  private final Directory directory;
  private final Map<String, Set<String>> assumersOf = new HashMap<>();
  private final Map<String, Set<String>> assumableBy = new HashMap<>();
  private final Map<String, Set<String>> claimantsOf = new HashMap<>();
  private final Map<String, Account> byId = new HashMap<>();

  /**
   * @param accounts every account of the run
   * @param directory the whole directory of people
   * @param claims how accounts claim owners
   */
  public AccountClosure(List<Account> accounts, Directory directory, LinkCandidates claims) {
    this.accounts = List.copyOf(accounts);
    this.claims = claims;
    this.directory = directory;
    for (Account a : accounts) {
      byId.putIfAbsent(a.id(), a);
      for (RoleAssumer r : a.assumers()) {
        // Every assumer that names an account, whatever its type: a superset of the edges
        // RoleOwners follows.
        if (r.assumerId() != null && !r.assumerId().equals(a.id())) {
          assumersOf.computeIfAbsent(a.id(), k -> new HashSet<>()).add(r.assumerId());
          assumableBy.computeIfAbsent(r.assumerId(), k -> new HashSet<>()).add(a.id());
        }
      }
      for (String person : claimedPeople(a)) {
        claimantsOf.computeIfAbsent(person, k -> new HashSet<>()).add(a.id());
      }
    }
  }

  /**
   * The accounts, in the run's order, that the views and findings of {@code wanted} depend on;
   * {@code wanted} among them.
   */
  public List<Account> of(Collection<Account> wanted) {
    Set<String> seeds = new HashSet<>();
    wanted.forEach(a -> seeds.add(a.id()));
    // The wanted accounts' views.
    Set<String> viewed = closed(seeds, assumersOf);
    // Everyone who may own them, and every account each of those people may own.
    Set<String> people = new HashSet<>();
    for (String id : viewed) {
      people.addAll(claimedPeople(byId.get(id)));
    }
    Set<String> claimants = new HashSet<>();
    for (String person : people) {
      claimants.addAll(claimantsOf.getOrDefault(person, Set.of()));
    }
    Set<String> members = closed(claimants, assumableBy);
    // Their views, whole.
    Set<String> needed = new HashSet<>(viewed);
    needed.addAll(closed(members, assumersOf));
    return accounts.stream().filter(a -> needed.contains(a.id())).toList();
  }

  /** The people any claim of the account reaches, whether or not that claim wins. */
  private Set<String> claimedPeople(Account account) {
    Set<String> people = new HashSet<>();
    for (LinkCandidate c : claims.of(account)) {
      people.addAll(directory.people(c.address()));
    }
    return people;
  }

  /** The ids and everything reachable from them along {@code edges}, at any depth. */
  private static Set<String> closed(Set<String> ids, Map<String, Set<String>> edges) {
    Set<String> reached = new HashSet<>(ids);
    Deque<String> frontier = new ArrayDeque<>(ids);
    while (!frontier.isEmpty()) {
      for (String next : edges.getOrDefault(frontier.poll(), Set.of())) {
        if (reached.add(next)) {
          frontier.add(next);
        }
      }
    }
    return reached;
  }
}
