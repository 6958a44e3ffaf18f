package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.model.PrivilegeLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides how much an IAM policy document allows: admin, privilege escalation, write or read. Only
 * Allow statements count; a Deny can narrow a policy but is left to a later, finer analysis.
 */
final class PolicyClassifier {
  /**
   * IAM and STS actions that let a principal grant itself more; after the privilege escalation
   * paths Rhino Security Labs documented for IAM.
   */
  private static final List<String> ESCALATION =
      List.of(
          "iam:createpolicyversion",
          "iam:setdefaultpolicyversion",
          "iam:attachuserpolicy",
          "iam:attachgrouppolicy",
          "iam:attachrolepolicy",
          "iam:putuserpolicy",
          "iam:putgrouppolicy",
          "iam:putrolepolicy",
          "iam:addusertogroup",
          "iam:createaccesskey",
          "iam:createloginprofile",
          "iam:updateloginprofile",
          "iam:updateassumerolepolicy",
          "iam:passrole",
          "iam:createuser",
          "iam:createrole",
          "sts:assumerole");

  private static final Pattern READ_VERB =
      Pattern.compile(
          "^(get|list|describe|head|batchget|view|search|lookup|select|query|scan|generate).*");

  /** AWS managed policies by name, for when the snapshot lacks their documents. */
  private static final Map<String, PrivilegeLevel> MANAGED =
      Map.of(
          "AdministratorAccess", PrivilegeLevel.ADMIN,
          "IAMFullAccess", PrivilegeLevel.PRIVILEGE_ESCALATION,
          "PowerUserAccess", PrivilegeLevel.WRITE,
          "ReadOnlyAccess", PrivilegeLevel.READ,
          "ViewOnlyAccess", PrivilegeLevel.READ,
          "SecurityAudit", PrivilegeLevel.READ);

  private PolicyClassifier() {}

  /** The level of a parsed policy document. */
  static PrivilegeLevel classify(JsonNode document) {
    PrivilegeLevel level = PrivilegeLevel.READ;
    for (JsonNode statement : statements(document)) {
      if (!"Allow".equalsIgnoreCase(statement.path("Effect").asText())) {
        continue;
      }
      boolean allResources = strings(statement.get("Resource")).contains("*");
      List<String> actions = strings(statement.get("Action"));
      List<String> notActions = strings(statement.get("NotAction"));
      PrivilegeLevel here;
      if (!notActions.isEmpty()) {
        // Allow everything except a list: admin unless the exceptions include IAM.
        boolean excludesIam =
            notActions.stream().anyMatch(a -> a.startsWith("iam:") || a.equals("*"));
        here = allResources && !excludesIam ? PrivilegeLevel.ADMIN : PrivilegeLevel.WRITE;
      } else {
        here = PrivilegeLevel.READ;
        for (String action : actions) {
          here = max(here, action(action, allResources));
        }
      }
      level = max(level, here);
    }
    return level;
  }

  /** The level of an AWS managed policy known only by name, or null when the name says nothing. */
  static PrivilegeLevel byName(String name) {
    PrivilegeLevel known = MANAGED.get(name);
    if (known != null) {
      return known;
    }
    if (name.contains("ReadOnly")) {
      return PrivilegeLevel.READ;
    }
    if (name.endsWith("FullAccess")) {
      return PrivilegeLevel.WRITE;
    }
    return null;
  }

  private static PrivilegeLevel action(String action, boolean allResources) {
    String a = action.toLowerCase(Locale.ROOT);
    if (a.equals("*") || a.equals("*:*")) {
      return allResources ? PrivilegeLevel.ADMIN : PrivilegeLevel.PRIVILEGE_ESCALATION;
    }
    int colon = a.indexOf(':');
    String service = colon < 0 ? a : a.substring(0, colon);
    String verb = colon < 0 ? "" : a.substring(colon + 1);
    if ((service.equals("iam") || service.equals("sts")) && escalates(a)) {
      return PrivilegeLevel.PRIVILEGE_ESCALATION;
    }
    if (verb.equals("*")
        || !READ_VERB.matcher(verb.replace("*", "")).matches()
        || verb.startsWith("*")) {
      return PrivilegeLevel.WRITE;
    }
    return PrivilegeLevel.READ;
  }

  /** True when the action, wildcards and all, covers an escalation action. */
  private static boolean escalates(String action) {
    Pattern pattern = Pattern.compile(Pattern.quote(action).replace("*", "\\E.*\\Q"));
    return ESCALATION.stream().anyMatch(e -> pattern.matcher(e).matches());
  }

  private static List<JsonNode> statements(JsonNode document) {
    JsonNode statement = document.path("Statement");
    List<JsonNode> list = new ArrayList<>();
    if (statement.isArray()) {
      statement.forEach(list::add);
    } else if (statement.isObject()) {
      list.add(statement);
    }
    return list;
  }

  private static List<String> strings(JsonNode node) {
    List<String> list = new ArrayList<>();
    if (node == null || node.isNull()) {
      return list;
    }
    if (node.isArray()) {
      node.forEach(n -> list.add(n.asText()));
    } else {
      list.add(node.asText());
    }
    return list;
  }

  private static PrivilegeLevel max(PrivilegeLevel a, PrivilegeLevel b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
