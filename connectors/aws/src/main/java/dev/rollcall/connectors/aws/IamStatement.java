package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One statement of an IAM policy, parsed once so that every question the evaluator asks reads the
 * same facts. Grammar:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 *
 * @param policy the name of the policy that holds it, for evidence
 * @param label where it is in the policy ({@code Statement[2] Sid=AllowPass}), for evidence
 * @param allow true for {@code "Effect": "Allow"}, false for Deny
 * @param actions the Action (or, when {@code notAction}, NotAction) patterns
 * @param notAction true when the statement names the actions it does not cover
 * @param resources the Resource (or, when {@code notResource}, NotResource) patterns
 * @param notResource true when the statement names the resources it does not cover
 * @param conditions the Condition block, one clause per operator and key (all must hold)
 * @param escalationActions for an Allow, the actions some escalation method needs ({@link
 *     EscalationCatalogue#neededActions}) that its Action or NotAction reaches, found once when it
 *     is parsed: a policy held by every member of a group is parsed once, and the privilege
 *     analysis of each member skips at once a method none of its statements can start; empty for a
 *     Deny
 */
record IamStatement(
    String policy,
    String label,
    boolean allow,
    List<String> actions,
    boolean notAction,
    List<String> resources,
    boolean notResource,
    List<Clause> conditions,
    Set<String> escalationActions) {
  IamStatement {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = List.copyOf(conditions);
    escalationActions = Set.copyOf(escalationActions);
  }

  /**
   * One condition: an operator (e.g. {@code DateLessThan}, {@code BoolIfExists}), a context key and
   * the values, any of which may match.
   */
  record Clause(String operator, String key, List<String> values) {
    Clause {
      values = List.copyOf(values);
    }

    @Override
    public String toString() {
      return operator + " " + key + " " + values;
    }
  }

  /** How the statement reads in evidence: policy, place, effect, actions and resources. */
  String evidence() {
    return policy
        + " "
        + label
        + ": "
        + (allow ? "Allow " : "Deny ")
        + (notAction ? "NotAction " : "")
        + String.join(",", actions)
        + " on "
        + (notResource ? "NotResource " : "")
        + String.join(",", resources)
        + (conditions.isEmpty() ? "" : " when " + conditions);
  }

  /** Parses one statement; fails naming the file, record and field. */
  static IamStatement parse(JsonNode node, String policy, int index, Path file, String where) {
    if (!node.isObject()) {
      throw new SnapshotException(file, where, "a statement is not a JSON object");
    }
    JsonNode effect = node.get("Effect");
    String effectText = effect == null || !effect.isTextual() ? "" : effect.textValue().strip();
    boolean allow = effectText.equalsIgnoreCase("Allow");
    if (!allow && !effectText.equalsIgnoreCase("Deny")) {
      throw new SnapshotException(file, where, "field 'Effect' is neither \"Allow\" nor \"Deny\"");
    }
    boolean notAction = node.has("NotAction");
    List<String> actions = strings(node, notAction ? "NotAction" : "Action", file, where);
    if (actions.isEmpty()) {
      throw new SnapshotException(file, where, "the statement has neither Action nor NotAction");
    }
    boolean notResource = node.has("NotResource");
    List<String> resources = strings(node, notResource ? "NotResource" : "Resource", file, where);
    if (resources.isEmpty()) {
      // IAM refuses an identity policy without Resource; a dump that lacks it is read as "*",
      // which errs on the side of more privilege.
      resources = List.of("*");
    }
    JsonNode sid = node.get("Sid");
    String label =
        "Statement["
            + index
            + "]"
            + (sid != null && sid.isTextual() && !sid.textValue().isBlank()
                ? " Sid=" + sid.textValue().strip()
                : "");
    return new IamStatement(
        policy,
        label,
        allow,
        actions,
        notAction,
        resources,
        notResource,
        conditions(node.get("Condition"), file, where),
        allow ? escalationActions(actions, notAction) : Set.of());
  }

  private static Set<String> escalationActions(List<String> actions, boolean notAction) {
    Set<String> reached = new HashSet<>();
    for (String action : EscalationCatalogue.neededActions()) {
      if (PolicyEvaluator.mayReachAction(actions, notAction, action)) {
        reached.add(action);
      }
    }
    return reached;
  }

  private static List<Clause> conditions(JsonNode block, Path file, String where) {
    List<Clause> clauses = new ArrayList<>();
    if (block == null || block.isNull()) {
      return clauses;
    }
    if (!block.isObject()) {
      throw new SnapshotException(file, where, "field 'Condition' is not a JSON object");
    }
    for (Map.Entry<String, JsonNode> op : block.properties()) {
      if (!op.getValue().isObject()) {
        throw new SnapshotException(
            file, where, "condition operator '" + op.getKey() + "' does not hold an object");
      }
      for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
        List<String> values = new ArrayList<>();
        JsonNode value = key.getValue();
        if (value.isArray()) {
          value.forEach(v -> values.add(v.asText()));
        } else if (value.isValueNode()) {
          values.add(value.asText());
        } else {
          throw new SnapshotException(
              file,
              where,
              "condition "
                  + op.getKey()
                  + " '"
                  + key.getKey()
                  + "' holds neither values nor a list");
        }
        clauses.add(new Clause(op.getKey(), key.getKey(), values));
      }
    }
    return clauses;
  }

  /** A field that is a string or an array of strings; empty when absent. */
  private static List<String> strings(JsonNode statement, String field, Path file, String where) {
    JsonNode value = statement.get(field);
    List<String> list = new ArrayList<>();
    if (value == null || value.isNull()) {
      return list;
    }
    if (value.isTextual()) {
      list.add(value.textValue().strip());
      return list;
    }
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          throw new SnapshotException(
              file, where, "field '" + field + "' holds a value that is not a string");
        }
        list.add(item.textValue().strip());
      }
      return list;
    }
    throw new SnapshotException(
        file, where, "field '" + field + "' is neither a string nor an array of strings");
  }
}
