package dev.rollcall.connectors.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.CredentialType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How an Atlas database user authenticates, read from its four {@code *Type} fields. All NONE (or
 * absent) means SCRAM; Atlas allows at most one other method per user
 * (https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-listdatabaseusers).
 */
enum DatabaseAuth {
  SCRAM(null, null, CredentialType.DATABASE_PASSWORD, "SCRAM password"),
  AWS_IAM_USER("awsIAMType", "USER", CredentialType.EXTERNAL_AUTH, "AWS IAM user"),
  AWS_IAM_ROLE("awsIAMType", "ROLE", CredentialType.EXTERNAL_AUTH, "AWS IAM role"),
  LDAP_USER("ldapAuthType", "USER", CredentialType.EXTERNAL_AUTH, "LDAP user"),
  LDAP_GROUP("ldapAuthType", "GROUP", CredentialType.EXTERNAL_AUTH, "LDAP group"),
  X509_MANAGED(
      "x509Type", "MANAGED", CredentialType.X509_CERTIFICATE, "X.509 certificate (Atlas-managed)"),
  X509_CUSTOMER(
      "x509Type", "CUSTOMER", CredentialType.X509_CERTIFICATE, "X.509 certificate (customer CA)"),
  OIDC_USER("oidcAuthType", "USER", CredentialType.EXTERNAL_AUTH, "OIDC user"),
  OIDC_IDP_GROUP(
      "oidcAuthType", "IDP_GROUP", CredentialType.EXTERNAL_AUTH, "OIDC identity provider group");

  private static final List<String> FIELDS =
      List.of("awsIAMType", "ldapAuthType", "x509Type", "oidcAuthType");

  private final String field;
  private final String value;
  private final CredentialType credentialType;
  private final String label;

  DatabaseAuth(String field, String value, CredentialType credentialType, String label) {
    this.field = field;
    this.value = value;
    this.credentialType = credentialType;
    this.label = label;
  }

  /** The credential type this method amounts to. */
  CredentialType credentialType() {
    return credentialType;
  }

  /** A credential label naming the method, e.g. "AWS IAM role". */
  String label() {
    return label;
  }

  /** The source field and value that say so, e.g. "awsIAMType=ROLE"; for SCRAM, all NONE. */
  String evidence() {
    return this == SCRAM ? "no external auth type set (SCRAM)" : field + "=" + value;
  }

  /** Reads the method of one database user, failing on an unknown value or two methods at once. */
  static DatabaseAuth of(JsonNode user, Path file, String record) {
    DatabaseAuth found = SCRAM;
    for (String field : FIELDS) {
      String text = SnapshotJson.optionalText(user, field);
      if (text == null || text.equalsIgnoreCase("NONE")) {
        continue;
      }
      DatabaseAuth method = method(field, text.toUpperCase(Locale.ROOT), file, record);
      if (found != SCRAM) {
        throw new SnapshotException(
            file,
            record,
            "fields '"
                + found.field
                + "' and '"
                + field
                + "' are both set; Atlas allows one authentication method per database user");
      }
      found = method;
    }
    return found;
  }

  private static DatabaseAuth method(String field, String value, Path file, String record) {
    for (DatabaseAuth method : values()) {
      if (field.equals(method.field) && value.equals(method.value)) {
        return method;
      }
    }
    throw new SnapshotException(file, record, "field '" + field + "' has an unknown value");
  }
}
