package dev.rollcall.jobs.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.model.PrincipalKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One CloudTrail record as a row: who acted (the principal), when, from where, and what the record
 * says about a console sign-in. Records of no principal rollcall audits (AWS services, accounts
 * acting as themselves, failed sign-ins) become no row.
 *
 * <p>Principals, by {@code userIdentity.type} (<a
 * href="https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html">CloudTrail
 * userIdentity</a>):
 *
 * <ul>
 *   <li>{@code IAMUser}: kind {@link PrincipalKind#IAM_USER}, the user name in its account;
 *   <li>{@code Root}: kind {@link PrincipalKind#ROOT};
 *   <li>{@code AssumedRole} of a role named {@code AWSReservedSSO_<permission set>_<id>}: an IAM
 *       Identity Center session, kind {@link PrincipalKind#IDENTITY_CENTER}, named by the session
 *       name (the Identity Center user name, usually the person's email) in every account;
 *   <li>other {@code AssumedRole}: kind {@link PrincipalKind#ROLE}, the role in its account, with
 *       the session name;
 *   <li>{@code SAMLUser} calling {@code AssumeRoleWithSAML}: the role assumed, with the session
 *       name of the assumed-role ARN the call returned, marked federated.
 * </ul>
 */
public final class TrailEvents {
  private TrailEvents() {}

  /** The prefix of the roles IAM Identity Center creates for its permission sets. */
  static final String SSO_ROLE_PREFIX = "AWSReservedSSO_";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  /** The columns of the events dataset. */
  public static final StructType SCHEMA =
      new StructType()
          .add("principal", DataTypes.StringType, false)
          .add("kind", DataTypes.StringType, false)
          .add("account", DataTypes.StringType, false)
          .add("name", DataTypes.StringType, false)
          .add("roleArn", DataTypes.StringType, true)
          .add("sessionName", DataTypes.StringType, true)
          .add("at", DataTypes.LongType, false)
          .add("day", DataTypes.StringType, false)
          .add("eventSource", DataTypes.StringType, false)
          .add("eventName", DataTypes.StringType, false)
          .add("sourceIp", DataTypes.StringType, true)
          .add("userAgent", DataTypes.StringType, true)
          .add("accessKeyId", DataTypes.StringType, true)
          .add("console", DataTypes.BooleanType, false)
          .add("mfaUsed", DataTypes.StringType, true)
          .add("federated", DataTypes.BooleanType, false);

  /**
   * The row of one record, or null when the record names no audited principal.
   *
   * @throws IllegalArgumentException when a record lacks its event time or name
   */
  static Row toRow(JsonNode record) {
    JsonNode identity = record.path("userIdentity");
    if (identity.hasNonNull("invokedBy")) {
      // An AWS service acting for the principal; the principal's own call is recorded as well.
      return null;
    }
    String eventName = required(record, "eventName");
    String eventSource = required(record, "eventSource");
    Instant at;
    try {
      at = Instant.parse(required(record, "eventTime"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("eventTime is not an ISO-8601 time");
    }
    boolean consoleLogin = "ConsoleLogin".equals(eventName);
    if (consoleLogin && !"Success".equals(text(record.path("responseElements"), "ConsoleLogin"))) {
      return null; // a failed sign-in is no use of the account
    }
    String type = text(identity, "type");
    String account = text(identity, "accountId");
    if (account == null) {
      account = text(record, "recipientAccountId");
    }
    PrincipalKind kind;
    String name;
    String roleArn = null;
    String sessionName = null;
    boolean federated = false;
    if ("IAMUser".equals(type)) {
      kind = PrincipalKind.IAM_USER;
      name = text(identity, "userName");
    } else if ("Root".equals(type)) {
      kind = PrincipalKind.ROOT;
      name = "root";
    } else if ("AssumedRole".equals(type)) {
      JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
      roleArn = text(issuer, "arn");
      name = text(issuer, "userName");
      sessionName = lastSegment(text(identity, "arn"));
      kind = PrincipalKind.ROLE;
    } else if ("SAMLUser".equals(type) && "AssumeRoleWithSAML".equals(eventName)) {
      roleArn = text(record.path("requestParameters"), "roleArn");
      name = lastSegment(roleArn);
      sessionName =
          lastSegment(text(record.path("responseElements").path("assumedRoleUser"), "arn"));
      account = accountOf(roleArn, account);
      kind = PrincipalKind.ROLE;
      federated = true;
    } else {
      return null;
    }
    if (name == null || account == null) {
      return null;
    }
    if (kind == PrincipalKind.ROLE && name.startsWith(SSO_ROLE_PREFIX)) {
      if (sessionName == null) {
        return null;
      }
      kind = PrincipalKind.IDENTITY_CENTER;
      name = sessionName.toLowerCase(Locale.ROOT);
    }
    String accessKeyId = text(identity, "accessKeyId");
    return RowFactory.create(
        kind.keyOf(account, name),
        kind.name(),
        account,
        name,
        roleArn,
        sessionName,
        at.toEpochMilli(),
        DAY.format(at),
        eventSource,
        eventName,
        ipAddress(text(record, "sourceIPAddress")),
        text(record, "userAgent"),
        accessKeyId,
        consoleLogin,
        consoleLogin ? text(record.path("additionalEventData"), "MFAUsed") : null,
        federated);
  }

  private static final java.util.regex.Pattern IP =
      java.util.regex.Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  /**
   * The source IP, or null when the field holds no address: CloudTrail writes "AWS Internal" or a
   * service's host name for calls made through AWS itself, which must not count as another place.
   */
  static String ipAddress(String value) {
    return value != null && IP.matcher(value).matches() ? value : null;
  }

  private static String required(JsonNode record, String field) {
    String value = text(record, field);
    if (value == null) {
      throw new IllegalArgumentException("a record has no " + field);
    }
    return value;
  }

  /** A field's text, or null when absent, null, not a scalar or blank. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** What follows the last slash of an ARN ({@code .../ROLE/SESSION} gives SESSION), or null. */
  private static String lastSegment(String arn) {
    if (arn == null) {
      return null;
    }
    int slash = arn.lastIndexOf('/');
    return slash < 0 || slash == arn.length() - 1 ? null : arn.substring(slash + 1);
  }

  private static String accountOf(String arn, String fallback) {
    if (arn == null) {
      return fallback;
    }
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : fallback;
  }
}
