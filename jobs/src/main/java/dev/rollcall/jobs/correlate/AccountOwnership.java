package dev.rollcall.jobs.correlate;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Owner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How one account is tied to people, computed where the account is: its claims matched against the
 * (broadcast) directory, and for a role the links its assumers give it.
 */
final class AccountOwnership {
  private AccountOwnership() {}

  /**
   * The direct links of an account: the strongest rule that reaches anybody decides, and equally
   * strong links to several people make the account shared; per person the least evidence is kept.
   * Also the explicit claims (mapping rows, owner tags) that name nobody, kept as evidence.
   *
   * @param links one per person, all of the strongest rule that matched, no chain
   * @param unresolved explicit claims that matched nobody, sorted, without repeats
   */
  record Direct(List<Link> links, List<String> unresolved) {}

  static Direct direct(Account account, LinkCandidates claims, Directory directory) {
    LinkRule best = null;
    Map<String, String> evidenceOf = new LinkedHashMap<>();
    TreeSet<String> unresolved = new TreeSet<>();
    for (LinkCandidate c : claims.of(account)) {
      List<String> people = directory.people(c.address());
      if (people.isEmpty()) {
        if (c.rule() == LinkRule.MAPPING_FILE || c.rule() == LinkRule.OWNER_TAG) {
          unresolved.add(c.address() + " (" + c.evidence() + ")");
        }
        continue;
      }
      int stronger = best == null ? -1 : c.rule().compareTo(best);
      if (stronger < 0) {
        best = c.rule();
        evidenceOf.clear();
      }
      if (stronger <= 0) {
        for (String person : people) {
          evidenceOf.merge(
              person, c.evidence(), (was, now) -> Link.byCodePoint(was, now) <= 0 ? was : now);
        }
      }
    }
    List<Link> links = new ArrayList<>();
    for (Map.Entry<String, String> e : evidenceOf.entrySet()) {
      links.add(new Link(e.getKey(), best, 0, e.getValue()));
    }
    return new Direct(links, List.copyOf(unresolved));
  }

  /**
   * The account's view: its direct links and those its assumers give it (a role's), the best one
   * per person ({@link Link#BEST}); name matches are probable owners, left out when anybody owns
   * the account by a stronger rule.
   *
   * @param derived the links the account gets as a role from the accounts that can assume it
   */
  static AccountView view(
      Account account, LinkCandidates claims, Directory directory, List<Link> derived) {
    Direct direct = direct(account, claims, directory);
    Map<String, Link> best = new LinkedHashMap<>();
    for (List<Link> links : List.of(direct.links(), derived)) {
      for (Link link : links) {
        best.merge(
            link.personId(), link, (was, now) -> Link.BEST.compare(was, now) <= 0 ? was : now);
      }
    }
    List<Owner> owners = new ArrayList<>();
    List<Owner> probable = new ArrayList<>();
    for (Link link : best.values()) {
      Owner owner = new Owner(directory.person(link.personId()), link.rule(), link.evidence());
      (link.rule() == LinkRule.NAME_MATCH ? probable : owners).add(owner);
    }
    if (!owners.isEmpty()) {
      // A role's assumers make owners beside a name match: the stronger link leaves no probable.
      probable.clear();
    }
    Comparator<Owner> byPerson = Comparator.comparing(o -> o.person().personId());
    owners.sort(byPerson);
    probable.sort(byPerson);
    return new AccountView(account, owners, direct.unresolved(), probable);
  }
}
