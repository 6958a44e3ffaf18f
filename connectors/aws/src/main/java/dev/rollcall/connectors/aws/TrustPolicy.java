package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The service principals a role's trust policy ({@code AssumeRolePolicyDocument}) lets assume the
 * role, so that a compute takeover counts only when some compute can run as a role worth taking.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 *
 * @param services the admitted service principals, lower case; {@code *} when anyone is
 * @param denied the service principals a Deny statement names, lower case
 */
record TrustPolicy(List<String> services, List<String> denied) {
  private static final String ASSUME = "sts:AssumeRole";

  TrustPolicy {
    services = List.copyOf(services);
    denied = List.copyOf(denied);
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

  /** Reads the document (JSON or URL-encoded); fails naming the file and record. */
  static TrustPolicy parse(JsonNode value, Path file, String record) {
    List<JsonNode> nodes = PolicyDocuments.statements(value, "trust policy", file, record);
    List<String> services = new ArrayList<>();
    List<String> denied = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode s = nodes.get(i);
      String effect = s.path("Effect").asText();
      if (!effect.equals("Allow") && !effect.equals("Deny")) {
        throw new SnapshotException(
            file, record + " Statement[" + i + "]", "field 'Effect' is neither Allow nor Deny");
      }
      if (!assumes(s)) {
        continue;
      }
      boolean allow = effect.equals("Allow");
      JsonNode principal = s.get("Principal");
      List<String> into = allow ? services : denied;
      if (principal != null && principal.isTextual() && principal.textValue().equals("*")) {
        into.add("*");
      } else if (principal != null && principal.isObject()) {
        if ("*".equals(principal.path("AWS").asText())) {
          into.add("*");
        }
        JsonNode service = principal.get("Service");
        if (service != null && service.isTextual()) {
          into.add(service.textValue().toLowerCase(Locale.ROOT));
        } else if (service != null && service.isArray()) {
          service.forEach(v -> into.add(v.asText().toLowerCase(Locale.ROOT)));
        }
      }
    }
    return new TrustPolicy(services, denied);
  }

  /** Whether the statement's Action (or NotAction) reaches sts:AssumeRole. */
  private static boolean assumes(JsonNode s) {
    JsonNode action = s.has("Action") ? s.get("Action") : s.get("NotAction");
    if (action == null) {
      return false;
    }
    List<String> patterns = new ArrayList<>();
    if (action.isArray()) {
      action.forEach(a -> patterns.add(a.asText()));
    } else {
      patterns.add(action.asText());
    }
    boolean listed = patterns.stream().anyMatch(p -> Globs.covers(p, ASSUME, true));
    return s.has("Action") == listed;
  }
}
