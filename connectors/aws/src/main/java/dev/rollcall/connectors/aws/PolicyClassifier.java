package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.model.PrivilegeLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides how much an IAM policy allows: {@code ADMIN}, {@code PRIVILEGE_ESCALATION}, {@code WRITE}
 * or {@code READ}. Only Allow statements count (a Deny narrows a policy, which is left to a finer
 * analysis); conditions are ignored, which errs on the side of more privilege.
 *
 * <ul>
 *   <li>{@code ADMIN}: Action {@code *} (or {@code *:*}) on Resource {@code *}; or NotAction on
 *       Resource {@code *} that leaves every IAM escalation action allowed (everything but a few
 *       non-IAM actions: such a principal can grant itself the rest).
 *   <li>{@code PRIVILEGE_ESCALATION}: an action (wildcards expanded) that covers one of {@link
 *       #ESCALATION}, whatever the resource; {@code sts:AssumeRole} on every role; Action {@code *}
 *       on a narrower resource; NotAction that leaves some escalation action allowed.
 *   <li>{@code WRITE}: any other action that is not read-only, e.g. {@code s3:*}; NotAction that
 *       excludes every escalation action (AWS's PowerUserAccess excludes {@code iam:*}). A
 *       NotAction that leaves {@code sts:AssumeRole} allowed is not counted as escalation:
 *       PowerUserAccess does exactly that, and AWS documents it as unable to manage IAM.
 *   <li>{@code READ}: only actions whose verb, up to any wildcard, starts with a read-only verb.
 * </ul>
 */
final class PolicyClassifier {
  /**
   * IAM actions that let a principal grant itself more, after Rhino Security Labs' IAM privilege
   * escalation methods
   * (https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/), plus changing
   * or removing a permissions boundary.
   */
  static final List<String> ESCALATION =
      List.of(
          "iam:CreateAccessKey",
          "iam:CreateLoginProfile",
          "iam:UpdateLoginProfile",
          "iam:CreatePolicyVersion",
          "iam:SetDefaultPolicyVersion",
          "iam:UpdateAssumeRolePolicy",
          "iam:PassRole",
          "iam:AttachUserPolicy",
          "iam:AttachGroupPolicy",
          "iam:AttachRolePolicy",
          "iam:PutUserPolicy",
          "iam:PutGroupPolicy",
          "iam:PutRolePolicy",
          "iam:AddUserToGroup",
          "iam:PutUserPermissionsBoundary",
          "iam:PutRolePermissionsBoundary",
          "iam:DeleteUserPermissionsBoundary",
          "iam:DeleteRolePermissionsBoundary");

  private static final String ASSUME_ROLE = "sts:AssumeRole";

  /**
   * Verbs that only read. Besides Get, List, Describe, Head, BatchGet and View, the verbs AWS's own
   * ReadOnlyAccess and SecurityAudit policies grant: Search, Lookup, Select, Query, Scan, Filter
   * (logs:FilterLogEvents), Simulate and Generate (iam:GenerateCredentialReport).
   */
  private static final List<String> READ_VERBS =
      List.of(
          "get",
          "list",
          "describe",
          "head",
          "batchget",
          "view",
          "search",
          "lookup",
          "select",
          "query",
          "scan",
          "filter",
          "simulate",
          "generate");

  /** AWS managed policies known by name, for when the snapshot lacks their documents. */
  private static final Map<String, PrivilegeLevel> MANAGED_BY_NAME =
      Map.of(
          "AdministratorAccess", PrivilegeLevel.ADMIN,
          "IAMFullAccess", PrivilegeLevel.PRIVILEGE_ESCALATION,
          "PowerUserAccess", PrivilegeLevel.WRITE,
          "ReadOnlyAccess", PrivilegeLevel.READ,
          "ViewOnlyAccess", PrivilegeLevel.READ,
          "SecurityAudit", PrivilegeLevel.READ);

  private PolicyClassifier() {}

  /**
   * The level of a parsed policy document; empty when it allows nothing (only Deny statements).
   *
   * @param document the document, see {@link PolicyDocuments#parse}
   * @param file the file it comes from, for messages
   * @param record the record that holds it, for messages
   */
  static Optional<PrivilegeLevel> classify(JsonNode document, Path file, String record) {
    PrivilegeLevel level = null;
    List<JsonNode> statements = statements(document, file, record);
    for (int i = 0; i < statements.size(); i++) {
      String where = record + " Statement[" + i + "]";
      PrivilegeLevel here = statement(statements.get(i), file, where);
      if (here != null && (level == null || here.compareTo(level) > 0)) {
        level = here;
      }
    }
    return Optional.ofNullable(level);
  }

  /**
   * The level of an AWS managed policy known only by its name; empty when the name tells nothing
   * (the caller then assumes WRITE).
   */
  static Optional<PrivilegeLevel> byName(String name) {
    PrivilegeLevel known = MANAGED_BY_NAME.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    if (name.contains("ReadOnly")) {
      return Optional.of(PrivilegeLevel.READ);
    }
    if (name.endsWith("FullAccess")) {
      return Optional.of(PrivilegeLevel.WRITE);
    }
    return Optional.empty();
  }

  /** The level one statement allows, or null for a Deny or a NotAction that excludes all. */
  private static PrivilegeLevel statement(JsonNode statement, Path file, String where) {
    if (!statement.isObject()) {
      throw new SnapshotException(file, where, "a statement is not a JSON object");
    }
    JsonNode effect = statement.get("Effect");
    String effectText = effect == null || !effect.isTextual() ? "" : effect.textValue().strip();
    if (effectText.equalsIgnoreCase("Deny")) {
      return null;
    }
    if (!effectText.equalsIgnoreCase("Allow")) {
      throw new SnapshotException(
          file, where, "field 'Effect' is " + effect + ", expected \"Allow\" or \"Deny\"");
    }
    // NotResource means every resource but a few: counted as every resource.
    List<String> resources = strings(statement, "Resource", file, where);
    boolean everyResource =
        statement.has("NotResource") || resources.isEmpty() || resources.contains("*");
    boolean everyRole =
        everyResource
            || resources.stream().anyMatch(r -> r.startsWith("arn:") && r.endsWith(":role/*"));
    if (statement.has("NotAction")) {
      return notAction(strings(statement, "NotAction", file, where), everyResource);
    }
    List<String> actions = strings(statement, "Action", file, where);
    if (actions.isEmpty()) {
      throw new SnapshotException(
          file, where, "an Allow statement has neither Action nor NotAction");
    }
    PrivilegeLevel level = PrivilegeLevel.READ;
    for (String action : actions) {
      PrivilegeLevel here = action(action, everyResource, everyRole);
      level = here.compareTo(level) > 0 ? here : level;
    }
    return level;
  }

  private static PrivilegeLevel action(String action, boolean everyResource, boolean everyRole) {
    if (action.equals("*") || action.equals("*:*")) {
      return everyResource ? PrivilegeLevel.ADMIN : PrivilegeLevel.PRIVILEGE_ESCALATION;
    }
    if (ESCALATION.stream().anyMatch(e -> covers(action, e))
        || (everyRole && covers(action, ASSUME_ROLE))) {
      return PrivilegeLevel.PRIVILEGE_ESCALATION;
    }
    return readOnly(action) ? PrivilegeLevel.READ : PrivilegeLevel.WRITE;
  }

  /**
   * Allow with NotAction allows every action but the listed ones.
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
   */
  private static PrivilegeLevel notAction(List<String> excluded, boolean everyResource) {
    if (excluded.stream().anyMatch(p -> p.equals("*") || p.equals("*:*"))) {
      return null;
    }
    long allowed =
        ESCALATION.stream().filter(e -> excluded.stream().noneMatch(p -> covers(p, e))).count();
    if (allowed == ESCALATION.size()) {
      return everyResource ? PrivilegeLevel.ADMIN : PrivilegeLevel.PRIVILEGE_ESCALATION;
    }
    return allowed > 0 ? PrivilegeLevel.PRIVILEGE_ESCALATION : PrivilegeLevel.WRITE;
  }

  /** True when the verb, up to its first wildcard, starts with a read-only verb. */
  private static boolean readOnly(String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String verb = action.substring(colon + 1).toLowerCase(Locale.ROOT);
    int wildcard = indexOfWildcard(verb);
    String literal = wildcard < 0 ? verb : verb.substring(0, wildcard);
    return READ_VERBS.stream().anyMatch(literal::startsWith);
  }

  private static int indexOfWildcard(String text) {
    int star = text.indexOf('*');
    int question = text.indexOf('?');
    if (star < 0) {
      return question;
    }
    return question < 0 ? star : Math.min(star, question);
  }

  /** True when an action pattern (IAM wildcards {@code *} and {@code ?}) covers an action. */
  static boolean covers(String pattern, String action) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(action).matches();
  }

  private static List<JsonNode> statements(JsonNode document, Path file, String record) {
    JsonNode statement = document.get("Statement");
    List<JsonNode> list = new ArrayList<>();
    if (statement != null && statement.isArray()) {
      statement.forEach(list::add);
    } else if (statement != null && statement.isObject()) {
      list.add(statement);
    } else {
      throw new SnapshotException(
          file, record, "the policy document has no 'Statement' object or array");
    }
    return list;
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
              file, where, "field '" + field + "' holds a value that is not a string: " + item);
        }
        list.add(item.textValue().strip());
      }
      return list;
    }
    throw new SnapshotException(
        file, where, "field '" + field + "' is neither a string nor an array of strings");
  }
}
