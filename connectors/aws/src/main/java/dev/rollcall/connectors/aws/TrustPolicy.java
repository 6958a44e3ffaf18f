package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.model.RoleAssumer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A role's trust policy ({@code AssumeRolePolicyDocument}): the principals it lets assume the role.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 *
 * @param services the admitted service principals, lower case; {@code *} when anyone is
 * @param denied the service principals a Deny statement names, lower case
 * @param statements every statement that reaches an {@code sts:AssumeRole*} action, in order
 */
record TrustPolicy(List<String> services, List<String> denied, List<Statement> statements) {
  private static final String ASSUME = "sts:AssumeRole";
  private static final String SAML = "sts:AssumeRoleWithSAML";
  private static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  /** Identity Center's SAML provider in every account it manages. */
  private static final Pattern SSO_PROVIDER =
      Pattern.compile("arn:aws[\\w-]*:iam::\\d{12}:saml-provider/AWSSSO_[^/]*_DO_NOT_DELETE");

  TrustPolicy {
    services = List.copyOf(services);
    denied = List.copyOf(denied);
    statements = List.copyOf(statements);
  }

  /** A trust of services only, as tests of the compute takeovers build them. */
  TrustPolicy(List<String> services, List<String> denied) {
    this(services, denied, List.of());
  }

  /**
   * One principal a statement names.
   *
   * @param type what it is
   * @param value as written (an ARN, an account id, a service, {@code *})
   */
  record Principal(RoleAssumer.Type type, String value) {
    /**
     * The AWS account a USER, ROLE or ACCOUNT principal belongs to, or null (a service, a provider,
     * {@code *}, or a unique id the trust kept after its principal was deleted).
     */
    String accountId() {
      if (ACCOUNT_ID.matcher(value).matches()) {
        return value;
      }
      String[] parts = value.split(":", 6);
      return parts.length == 6 && ACCOUNT_ID.matcher(parts[4]).matches() ? parts[4] : null;
    }
  }

  /**
   * A trust statement that reaches an assume action.
   *
   * @param label {@code Statement[i]} and its Sid
   * @param allow Allow or Deny
   * @param principals the principals it names (with {@code notPrincipal}, those it does not cover)
   * @param notPrincipal true for NotPrincipal
   * @param conditions the Condition block
   */
  record Statement(
      String label,
      boolean allow,
      List<Principal> principals,
      boolean notPrincipal,
      List<IamStatement.Clause> conditions) {
    Statement {
      principals = List.copyOf(principals);
      conditions = List.copyOf(conditions);
    }

    /** The conditions as evidence shows them. */
    List<String> conditionText() {
      return conditions.stream().map(IamStatement.Clause::toString).toList();
    }

    /**
     * Whether the statement covers an IAM user or role of an account: by its ARN, by its account
     * (id or root ARN), or by {@code *}; with NotPrincipal, whether it is not excluded.
     */
    boolean covers(String arn, String accountId) {
      boolean named =
          principals.stream()
              .anyMatch(
                  p ->
                      p.type() == RoleAssumer.Type.ANYONE
                          || (p.type() == RoleAssumer.Type.ACCOUNT
                              && accountId.equals(p.accountId()))
                          || p.value().equals(arn));
      return notPrincipal != named;
    }

    /** True when it names the principal by its own ARN, not through its account or {@code *}. */
    boolean namesDirectly(String arn) {
      return !notPrincipal && principals.stream().anyMatch(p -> p.value().equals(arn));
    }
  }

  /**
   * Whether the service may assume the role. Conditions are not decided: a trust condition on a
   * service principal (aws:SourceAccount, aws:SourceArn) narrows which of the service's resources
   * may, not whether one of the account's own can.
   */
  boolean admits(String service) {
    String s = service.toLowerCase(Locale.ROOT);
    return !denied.contains(s)
        && !denied.contains("*")
        && (services.contains(s) || services.contains("*"));
  }

  /**
   * Reads the document (JSON or URL-encoded); fails naming the file and record.
   *
   * @param roleName the role's name, to tell which permission set an Identity Center role serves
   */
  static TrustPolicy parse(JsonNode value, Path file, String record, String roleName) {
    List<JsonNode> nodes = PolicyDocuments.statements(value, "trust policy", file, record);
    List<String> services = new ArrayList<>();
    List<String> denied = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode s = nodes.get(i);
      String where = record + " Statement[" + i + "]";
      String effect = s.path("Effect").asText();
      if (!effect.equals("Allow") && !effect.equals("Deny")) {
        throw new SnapshotException(file, where, "field 'Effect' is neither Allow nor Deny");
      }
      List<String> actions = actions(s, file, where);
      boolean not = s.has("NotAction");
      boolean assume = reaches(actions, not, ASSUME);
      boolean saml = reaches(actions, not, SAML);
      boolean web = reaches(actions, not, WEB_IDENTITY);
      if (!assume && !saml && !web) {
        continue;
      }
      boolean allow = effect.equals("Allow");
      boolean notPrincipal = s.has("NotPrincipal");
      JsonNode principalNode = notPrincipal ? s.get("NotPrincipal") : s.get("Principal");
      if (principalNode == null) {
        throw new SnapshotException(
            file, where, "the statement has neither Principal nor NotPrincipal");
      }
      List<Principal> principals = principals(principalNode, roleName, file, where);
      List<String> into = allow ? services : denied;
      for (Principal p : principals) {
        if (notPrincipal) {
          continue;
        }
        if (p.type() == RoleAssumer.Type.ANYONE && assume) {
          into.add("*");
        } else if (p.type() == RoleAssumer.Type.SERVICE && assume) {
          into.add(p.value().toLowerCase(Locale.ROOT));
        }
      }
      // A principal counts only for the assume action its kind uses.
      List<Principal> reached =
          principals.stream()
              .filter(
                  p ->
                      switch (p.type()) {
                        case SAML_PROVIDER, PERMISSION_SET -> saml;
                        case OIDC_PROVIDER -> web;
                        default -> assume;
                      })
              .toList();
      if (reached.isEmpty() && !notPrincipal) {
        continue;
      }
      JsonNode sid = s.get("Sid");
      String label =
          "Statement["
              + i
              + "]"
              + (sid != null && sid.isTextual() && !sid.textValue().isBlank()
                  ? " Sid=" + sid.textValue().strip()
                  : "");
      statements.add(
          new Statement(
              label,
              allow,
              notPrincipal ? principals : reached,
              notPrincipal,
              IamStatement.parse(s, "trust policy", i, file, where).conditions()));
    }
    return new TrustPolicy(services, denied, statements);
  }

  private static List<Principal> principals(
      JsonNode node, String roleName, Path file, String where) {
    List<Principal> out = new ArrayList<>();
    if (node.isTextual()) {
      if (!node.textValue().strip().equals("*")) {
        throw new SnapshotException(
            file, where, "field 'Principal' is a string other than \"*\", the only one it may be");
      }
      out.add(new Principal(RoleAssumer.Type.ANYONE, "*"));
      return out;
    }
    if (!node.isObject()) {
      throw new SnapshotException(file, where, "field 'Principal' is neither \"*\" nor an object");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      List<String> values = new ArrayList<>();
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        values.add(v.textValue().strip());
      } else if (v.isArray()) {
        for (JsonNode item : v) {
          if (!item.isTextual()) {
            throw new SnapshotException(
                file, where, "Principal '" + e.getKey() + "' holds a value that is not a string");
          }
          values.add(item.textValue().strip());
        }
      } else {
        throw new SnapshotException(
            file, where, "Principal '" + e.getKey() + "' is neither a string nor a list");
      }
      for (String value : values) {
        out.add(principal(e.getKey(), value, roleName));
      }
    }
    return out;
  }

  /** What a principal entry names, by the documented forms of each key. */
  private static Principal principal(String key, String value, String roleName) {
    return switch (key) {
      case "Service" -> new Principal(RoleAssumer.Type.SERVICE, value);
      case "Federated" -> federated(value, roleName);
      case "AWS" -> aws(value);
      // CanonicalUser is an S3 notion; it cannot assume a role, but it is shown as given.
      default -> new Principal(RoleAssumer.Type.ACCOUNT, key + ":" + value);
    };
  }

  private static Principal aws(String value) {
    if (value.equals("*")) {
      return new Principal(RoleAssumer.Type.ANYONE, value);
    }
    if (ACCOUNT_ID.matcher(value).matches() || value.matches("arn:aws[\\w-]*:iam::\\d{12}:root")) {
      return new Principal(RoleAssumer.Type.ACCOUNT, value);
    }
    if (value.contains(":role/") || value.contains(":assumed-role/") || value.startsWith("AROA")) {
      return new Principal(RoleAssumer.Type.ROLE, value);
    }
    return new Principal(RoleAssumer.Type.USER, value);
  }

  private static Principal federated(String value, String roleName) {
    if (SSO_PROVIDER.matcher(value).matches()) {
      // Identity Center names the role AWSReservedSSO_<permission set>_<hash>.
      String set = roleName;
      if (roleName.startsWith("AWSReservedSSO_") && roleName.lastIndexOf('_') > 15) {
        set = roleName.substring(15, roleName.lastIndexOf('_'));
      }
      return new Principal(RoleAssumer.Type.PERMISSION_SET, set + " (" + value + ")");
    }
    return value.contains(":saml-provider/")
        ? new Principal(RoleAssumer.Type.SAML_PROVIDER, value)
        : new Principal(RoleAssumer.Type.OIDC_PROVIDER, value);
  }

  private static List<String> actions(JsonNode s, Path file, String where) {
    JsonNode action = s.has("Action") ? s.get("Action") : s.get("NotAction");
    List<String> patterns = new ArrayList<>();
    if (action == null) {
      throw new SnapshotException(file, where, "the statement has neither Action nor NotAction");
    }
    if (action.isArray()) {
      action.forEach(a -> patterns.add(a.asText()));
    } else {
      patterns.add(action.asText());
    }
    return patterns;
  }

  /** Whether the statement's Action (or NotAction) reaches the action. */
  private static boolean reaches(List<String> patterns, boolean not, String action) {
    boolean listed = patterns.stream().anyMatch(p -> Globs.covers(p, action, true));
    return not != listed;
  }
}
