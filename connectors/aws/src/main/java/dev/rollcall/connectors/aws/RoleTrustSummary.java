package dev.rollcall.connectors.aws;

import dev.rollcall.model.RoleAssumer;
import java.util.ArrayList;
import java.util.List;

/** One line on who may assume a role, for the account's kind evidence. */
final class RoleTrustSummary {
  private static final int SHOWN = 4;

  private RoleTrustSummary() {}

  /** "assumed by AWS service ec2.amazonaws.com and IAM user alice", or "assumed by nobody". */
  static String of(List<RoleAssumer> assumers) {
    if (assumers.isEmpty()) {
      return "its trust policy admits nobody";
    }
    List<String> parts = new ArrayList<>();
    for (RoleAssumer a : assumers) {
      if (parts.size() == SHOWN) {
        parts.add((assumers.size() - SHOWN) + " more");
        break;
      }
      String name = a.principal();
      int slash = name.lastIndexOf('/');
      String shortName =
          (a.type() == RoleAssumer.Type.USER || a.type() == RoleAssumer.Type.ROLE) && slash >= 0
              ? name.substring(slash + 1)
              : name;
      parts.add(
          a.type().label() + " " + shortName + (a.conditions().isEmpty() ? "" : " (conditional)"));
    }
    String service =
        assumers.stream().allMatch(a -> a.type() == RoleAssumer.Type.SERVICE)
            ? "service role, "
            : "";
    return service + "assumed by " + String.join(", ", parts);
  }
}
