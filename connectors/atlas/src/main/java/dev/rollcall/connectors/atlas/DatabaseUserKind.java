package dev.rollcall.connectors.atlas;

import dev.rollcall.model.AccountKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether an Atlas database user is a person, a program or cannot be told, and why: an
 * owner-set label first, then the authentication method, then the user name.
 */
final class DatabaseUserKind {
  private static final Set<String> KIND_LABELS = Set.of("kind", "type", "account-type");
  private static final Set<String> APP_TOKENS =
      Set.of("app", "svc", "service", "etl", "backup", "bot", "ci", "deploy", "api", "worker");

  /** A kind and the evidence for it. */
  record Guess(AccountKind kind, String evidence) {}

  private DatabaseUserKind() {}

  static Guess of(String username, Map<String, String> labels, DatabaseAuth auth) {
    return fromLabels(labels).orElseGet(() -> fromAuth(username, auth));
  }

  private static Optional<Guess> fromLabels(Map<String, String> labels) {
    for (Map.Entry<String, String> label : labels.entrySet()) {
      String value = label.getValue().strip().toLowerCase(Locale.ROOT);
      if (KIND_LABELS.contains(label.getKey().strip().toLowerCase(Locale.ROOT))
          && (value.equals("human") || value.equals("service"))) {
        return Optional.of(
            new Guess(
                value.equals("human") ? AccountKind.HUMAN : AccountKind.SERVICE,
                "label " + label.getKey() + "=" + label.getValue()));
      }
    }
    return Optional.empty();
  }

  private static Guess fromAuth(String username, DatabaseAuth auth) {
    return switch (auth) {
      case AWS_IAM_ROLE, X509_MANAGED, X509_CUSTOMER ->
          new Guess(AccountKind.SERVICE, auth.evidence() + " (a program's identity)");
      case LDAP_GROUP, OIDC_IDP_GROUP ->
          new Guess(AccountKind.UNKNOWN, "group-mapped database user (" + auth.evidence() + ")");
      case AWS_IAM_USER, LDAP_USER -> new Guess(AccountKind.HUMAN, auth.evidence());
      case OIDC_USER -> oidcUser(username, auth);
      case SCRAM -> scramUser(username);
    };
  }

  // Atlas keeps every OIDC USER on $external, workforce (people) and workload (programs) alike,
  // and IDP_GROUP users on admin (the databaseName field of createDatabaseUser in the Admin API
  // v2), so the database says nothing: only the identity provider's user name can.
  private static Guess oidcUser(String username, DatabaseAuth auth) {
    String idpName = username.substring(username.lastIndexOf('/') + 1);
    if (AtlasMapper.emailShaped(idpName)) {
      return new Guess(AccountKind.HUMAN, auth.evidence() + " named by an email address");
    }
    Optional<String> token = appToken(idpName);
    return token.isPresent()
        ? new Guess(
            AccountKind.SERVICE,
            auth.evidence() + " named like an application ('" + token.get() + "')")
        : new Guess(
            AccountKind.UNKNOWN,
            auth.evidence() + "; workforce or workload identity, the name does not say");
  }

  private static Guess scramUser(String username) {
    if (AtlasMapper.emailShaped(username)) {
      return new Guess(AccountKind.HUMAN, "SCRAM user named by an email address");
    }
    Optional<String> token = appToken(username);
    return token.isPresent()
        ? new Guess(
            AccountKind.SERVICE, "SCRAM user named like an application ('" + token.get() + "')")
        : new Guess(AccountKind.UNKNOWN, "SCRAM user; name does not say");
  }

  /** The first word of the name that marks a program, splitting on punctuation and camelCase. */
  private static Optional<String> appToken(String username) {
    String words = username.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    return Arrays.stream(words.split("[^a-z]+")).filter(APP_TOKENS::contains).findFirst();
  }
}
