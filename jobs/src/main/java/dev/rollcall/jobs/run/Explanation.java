package dev.rollcall.jobs.run;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Finding;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.RoleAssumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How rollcall sees one account: every ownership claim it makes and whom each matched, the owners
 * the strongest claim gave it, and its findings.
 *
 * @param view the account with its owners, probable owners and unresolved claims
 * @param source the source it came from
 * @param claims every claim, strongest rule first
 * @param findings its findings in this run
 */
public record Explanation(
    AccountView view, String source, List<Claim> claims, List<Finding> findings) {
  public Explanation {
    claims = List.copyOf(claims);
    findings = List.copyOf(findings);
  }

  /**
   * Owned, shared or unowned; for a machine account, "service account" with the evidence that makes
   * it one and its owner when one is known; for an IAM role, "role" with the people who can assume
   * it, or who else can when no person is known.
   */
  public String outcome() {
    Account a = view.account();
    String ownership = view.ownership().name().toLowerCase(Locale.ROOT);
    if (a.kind() == AccountKind.ROLE) {
      return "role"
          + switch (view.ownership()) {
            case OWNED -> ", owned by " + view.personIds().get(0);
            case SHARED -> ", shared by " + String.join(", ", view.personIds());
            case UNOWNED -> ", owner unknown: " + assumedBy(a.assumers());
          };
    }
    if (a.kind() != AccountKind.SERVICE) {
      return ownership;
    }
    return "service account"
        + (a.kindEvidence() == null ? "" : " (" + a.kindEvidence() + ")")
        + switch (view.ownership()) {
          case OWNED -> ", owned by " + view.personIds().get(0);
          case SHARED -> ", shared by " + String.join(", ", view.personIds());
          case UNOWNED -> ", with no owner";
        };
  }

  /**
   * Who can assume a role nobody is known to own, in short: services together ("service role
   * (ecs-tasks.amazonaws.com)"), then every other principal by kind and name.
   */
  static String assumedBy(List<RoleAssumer> assumers) {
    if (assumers.isEmpty()) {
      return "nobody the snapshot shows can assume it";
    }
    List<String> parts = new ArrayList<>();
    List<String> services =
        assumers.stream()
            .filter(r -> !r.canBePerson())
            .map(RoleAssumer::principal)
            .distinct()
            .sorted()
            .toList();
    if (!services.isEmpty()) {
      parts.add("service role (" + String.join(", ", services) + ")");
    }
    assumers.stream()
        .filter(RoleAssumer::canBePerson)
        .map(r -> r.type().label() + " " + r.principal())
        .distinct()
        .forEach(parts::add);
    return "assumed by " + String.join("; ", parts);
  }

  /**
   * One ownership claim.
   *
   * @param rule the correlation rule
   * @param address the address (or name key) it looked up
   * @param evidence the value that made the claim
   * @param people the people it matched (several where they share the address); empty for nobody
   */
  public record Claim(LinkRule rule, String address, String evidence, List<String> people) {
    public Claim {
      people = List.copyOf(people);
    }
  }
}
