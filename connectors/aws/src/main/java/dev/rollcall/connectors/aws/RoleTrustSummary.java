package dev.rollcall.connectors.aws;

import dev.rollcall.model.RoleAssumer;
import java.util.ArrayList;
import java.util.List;

/** One line on who may assume a role, for the account's kind evidence. */
final class RoleTrustSummary {
  private static final int SHOWN = 4;

  private RoleTrustSummary() {}

  /**
   * "service role, trust admits AWS service ec2.amazonaws.com", then how many of the account's
   * users and roles can assume it.
   */
  static String of(TrustPolicy trust, List<RoleAssumer> assumers) {
    List<String> named = new ArrayList<>();
    boolean onlyServices = true;
    for (TrustPolicy.Statement st : trust.statements()) {
      if (!st.allow()) {
        continue;
      }
      for (TrustPolicy.Principal p : st.principals()) {
        onlyServices &= !st.notPrincipal() && p.type() == RoleAssumer.Type.SERVICE;
        String text =
            (st.notPrincipal() ? "everyone but " : p.type().label() + " ")
                + p.value()
                + (st.conditions().isEmpty() ? "" : " (conditional)");
        if (!named.contains(text)) {
          named.add(text);
        }
      }
    }
    if (named.isEmpty()) {
      return "its trust policy admits nobody";
    }
    List<String> shown = new ArrayList<>(named.subList(0, Math.min(SHOWN, named.size())));
    if (named.size() > SHOWN) {
      shown.add((named.size() - SHOWN) + " more");
    }
    long principals = assumers.stream().filter(a -> a.assumerId() != null).count();
    return (onlyServices ? "service role, " : "")
        + "trust admits "
        + String.join(", ", shown)
        + (principals == 0
            ? ""
            : "; " + principals + " of the account's users and roles can assume it");
  }
}
