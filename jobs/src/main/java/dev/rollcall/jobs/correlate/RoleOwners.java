package dev.rollcall.jobs.correlate;

import dev.rollcall.model.Account;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.RoleAssumer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Gives an IAM role the owners of the accounts that can assume it ({@link LinkRule#ASSUMES_ROLE}):
 * a role is held by whoever can become it, and roles hold most admin access in AWS. Role chains are
 * followed at most {@link #MAX_ROUNDS} steps deep.
 *
 * <p>The roles' graph (one edge per account that can assume a role) and what its assumers give are
 * small beside the accounts, and gathered from the accounts the driver has read, in a pass that
 * costs milliseconds. The chains are followed breadth first from each assumer, and what each role
 * gets comes back as a map the correlation looks each role up in.
 */
final class RoleOwners {
  /**
   * How deep a role chain is followed; AWS itself caps chained sessions at an hour, not a depth.
   */
  static final int MAX_ROUNDS = 10;

  /** One edge of the roles' graph: a role and an account that can assume it, and how. */
  record Edge(String roleId, String assumerId, RoleAssumer.Type type, String conditions) {}

  /** An assumer's name and the direct owners it gives the roles it can reach. */
  record Origin(String id, String name, List<Link> gives) {}

  private RoleOwners() {}

  /**
   * The links every role gets from the accounts that can assume it, directly or along a chain of
   * roles: one per role and person, the shortest chain (then the least evidence) kept. An assumer
   * gives its own direct owners; a name match is only a probable owner, never enough to own the
   * roles it can reach.
   *
   * @param accounts every account
   * @return by role id; roles nobody known can assume are absent
   */
  static Map<String, List<Link>> derive(
      List<Account> accounts, LinkCandidates claims, Directory directory) {
    List<Edge> raw = new ArrayList<>();
    for (Account account : accounts) {
      if (!account.assumers().isEmpty()) {
        raw.addAll(edgesOf(account));
      }
    }
    if (raw.isEmpty()) {
      return Map.of();
    }
    Set<String> wanted = new HashSet<>();
    raw.forEach(e -> wanted.add(e.assumerId()));
    // Every user of an account may assume a role that trusts the account: the assumers can be
    // half the accounts, so their direct owners are matched on every core.
    Map<String, Origin> origins = new HashMap<>();
    accounts.stream().filter(a -> wanted.contains(a.id())).toList().parallelStream()
        .map(a -> origin(a, claims, directory))
        .toList()
        .forEach(o -> origins.put(o.id(), o));
    // Who can assume what, as far as the inventory knows the assumer: an assumer id no source
    // listed (a user of an account nobody audits) has no owners to give.
    List<Row> edges = new ArrayList<>();
    for (Edge e : raw) {
      Origin origin = origins.get(e.assumerId());
      if (origin != null) {
        edges.add(
            RowFactory.create(
                e.roleId(),
                e.assumerId(),
                e.type().label()
                    + " "
                    + origin.name()
                    + (e.conditions().isEmpty() ? "" : " when " + e.conditions()),
                origin.name()));
      }
    }
    Map<String, Map<String, Link>> best = new HashMap<>();
    for (Row chain : chains(edges)) {
      for (Link link : origins.get(chain.getString(1)).gives()) {
        Link derived =
            new Link(
                link.personId(),
                LinkRule.ASSUMES_ROLE,
                chain.getInt(2),
                chain.getString(3)
                    + link.rule().description()
                    + ": "
                    + link.evidence()
                    + chain.getString(4));
        best.computeIfAbsent(chain.getString(0), k -> new HashMap<>())
            .merge(
                link.personId(),
                derived,
                (was, now) -> Link.BEST.compare(was, now) <= 0 ? was : now);
      }
    }
    Map<String, List<Link>> out = new HashMap<>();
    best.forEach((role, links) -> out.put(role, List.copyOf(links.values())));
    return out;
  }

  /** The roles an account can assume, as edges of the roles' graph (for a role, who assumes it). */
  private static List<Edge> edgesOf(Account a) {
    return a.assumers().stream()
        .filter(RoleOwners::namesAnAccount)
        .filter(r -> !r.assumerId().equals(a.id()))
        .map(r -> new Edge(a.id(), r.assumerId(), r.type(), String.join(" and ", r.conditions())))
        .distinct()
        .toList();
  }

  /** An assumer's name and the direct owners it gives: a name match gives none. */
  private static Origin origin(Account a, LinkCandidates claims, Directory directory) {
    List<Link> gives =
        AccountOwnership.direct(a, claims, directory).links().stream()
            .filter(link -> link.rule() != LinkRule.NAME_MATCH)
            .toList();
    return new Origin(a.id(), a.name(), gives);
  }

  /**
   * Every chain from an assumer to a role, the shortest from each assumer to each role, at most
   * {@link #MAX_ROUNDS} steps: its evidence as the text before and after the first assumer's own
   * link, which {@link #derive} puts between. It reads from the inside out: the first step says
   * whose account the assumer is ("can assume it as IAM user bob (bob owned by owner/email tag:
   * owner=bob@…)"), each further step wraps it in the role it went through ("can assume it as IAM
   * role hop (hop: can assume it as IAM user bob (…))").
   */
  private static List<Row> chains(List<Row> edges) {
    Map<String, List<Row>> byAssumer = new HashMap<>();
    for (Row e : edges) {
      byAssumer.computeIfAbsent(e.getString(1), k -> new ArrayList<>()).add(e);
    }
    // Sorted, so that among chains of one length the same one wins every night.
    byAssumer
        .values()
        .forEach(
            l ->
                l.sort(
                    Comparator.comparing((Row e) -> e.getString(2))
                        .thenComparing(e -> e.getString(0))));
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, List<Row>> start : byAssumer.entrySet()) {
      String origin = start.getKey();
      Map<String, String[]> reached = new HashMap<>();
      reached.put(origin, null);
      Deque<String> frontier = new ArrayDeque<>();
      for (Row e : start.getValue()) {
        String role = e.getString(0);
        if (!reached.containsKey(role)) {
          String[] chain = {
            "can assume it as " + e.getString(2) + " (" + e.getString(3) + " owned by ", ")"
          };
          reached.put(role, chain);
          out.add(RowFactory.create(role, origin, 1, chain[0], chain[1]));
          frontier.add(role);
        }
      }
      for (int hops = 2; hops <= MAX_ROUNDS && !frontier.isEmpty(); hops++) {
        Deque<String> next = new ArrayDeque<>();
        for (String via : frontier) {
          String[] inner = reached.get(via);
          for (Row e : byAssumer.getOrDefault(via, List.of())) {
            String role = e.getString(0);
            if (reached.containsKey(role)) {
              continue;
            }
            String[] chain = {
              "can assume it as " + e.getString(2) + " (" + e.getString(3) + ": " + inner[0],
              inner[1] + ")"
            };
            reached.put(role, chain);
            out.add(RowFactory.create(role, origin, hops, chain[0], chain[1]));
            next.add(role);
          }
        }
        frontier = next;
      }
    }
    return out;
  }

  private static boolean namesAnAccount(RoleAssumer r) {
    return (r.type() == RoleAssumer.Type.USER || r.type() == RoleAssumer.Type.ROLE)
        && r.assumerId() != null;
  }
}
