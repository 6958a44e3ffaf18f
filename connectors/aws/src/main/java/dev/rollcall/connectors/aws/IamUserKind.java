package dev.rollcall.connectors.aws;

import dev.rollcall.model.AccountKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether an IAM user is a person or a program, and why: an explicit tag first, then a path under
 * {@code /service}, then its credentials (a console password means a person; access keys and no
 * password mean a program).
 *
 * @param kind the kind
 * @param evidence why
 */
record IamUserKind(AccountKind kind, String evidence) {
  private static final List<String> KIND_TAGS = List.of("kind", "type", "account-type");

  /**
   * Infers the kind.
   *
   * @param row the credential report row
   * @param tags the user's tags
   * @param path the user's path, or null
   */
  static IamUserKind infer(CredentialReportRow row, Map<String, String> tags, String path) {
    for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
      if (KIND_TAGS.contains(tag.getKey().toLowerCase(Locale.ROOT))) {
        String value = tag.getValue().strip().toLowerCase(Locale.ROOT);
        String evidence = "tag " + tag.getKey() + "=" + tag.getValue();
        if (value.equals("service")) {
          return new IamUserKind(AccountKind.SERVICE, evidence);
        }
        if (value.equals("human")) {
          return new IamUserKind(AccountKind.HUMAN, evidence);
        }
      }
    }
    if (path != null && path.toLowerCase(Locale.ROOT).startsWith("/service")) {
      return new IamUserKind(AccountKind.SERVICE, "path " + path);
    }
    if (Boolean.TRUE.equals(row.passwordEnabled())) {
      return new IamUserKind(AccountKind.HUMAN, "console password");
    }
    if (row.accessKeys().stream().anyMatch(CredentialReportRow.AccessKeySlot::active)) {
      return new IamUserKind(AccountKind.SERVICE, "access keys only, no console password");
    }
    return new IamUserKind(AccountKind.UNKNOWN, "no console password and no active access key");
  }
}
