package dev.rollcall.jobs.activity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small CloudTrail trails in CloudTrail's own layout and record shapes, for tests. */
public final class TrailFixture {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private final Path root;

  /**
   * @param root the folder that gets {@code AWSLogs/}
   */
  public TrailFixture(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The day folder of an account's region ({@code org} null for an account trail). */
  public Path dayFolder(String org, String account, String region, Instant day) {
    Path logs = root.resolve("AWSLogs");
    if (org != null) {
      logs = logs.resolve(org);
    }
    return logs.resolve(account).resolve("CloudTrail").resolve(region).resolve(DAY.format(day));
  }

  /** Writes one gzip log file of the records into the day folder of its first record. */
  public Path write(String org, String account, String name, List<ObjectNode> records) {
    Instant day = Instant.parse(records.get(0).get("eventTime").asText());
    Path file = dayFolder(org, account, "us-east-1", day).resolve(name + ".json.gz");
    ObjectNode log = JSON.createObjectNode();
    ArrayNode array = log.putArray("Records");
    records.forEach(array::add);
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        JSON.writeValue(out, log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Writes bytes as they are (broken files). */
  public Path writeRaw(String account, Instant day, String name, byte[] bytes) {
    Path file = dayFolder(null, account, "us-east-1", day).resolve(name);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static ObjectNode event(String time, String source, String name, String ip) {
    ObjectNode e = JSON.createObjectNode();
    e.put("eventVersion", "1.09");
    e.put("eventTime", time);
    e.put("eventSource", source);
    e.put("eventName", name);
    e.put("awsRegion", "us-east-1");
    e.put("sourceIPAddress", ip);
    e.put("userAgent", "aws-cli/2.15.0");
    e.put("eventType", "AwsApiCall");
    return e;
  }

  /** An IAM user's API call with a long-term or temporary access key. */
  public static ObjectNode userCall(
      String account, String user, String time, String ip, String accessKey, String name) {
    ObjectNode e = event(time, "s3.amazonaws.com", name, ip);
    ObjectNode id = e.putObject("userIdentity");
    id.put("type", "IAMUser");
    id.put("principalId", "AIDA" + user.hashCode());
    id.put("arn", "arn:aws:iam::" + account + ":user/" + user);
    id.put("accountId", account);
    id.put("accessKeyId", accessKey);
    id.put("userName", user);
    e.put("recipientAccountId", account);
    return e;
  }

  /** A console sign-in of an IAM user (or root with user "root"). */
  public static ObjectNode consoleLogin(
      String account, String user, String time, String ip, String mfaUsed, boolean success) {
    ObjectNode e = event(time, "signin.amazonaws.com", "ConsoleLogin", ip);
    e.put("eventType", "AwsConsoleSignIn");
    e.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64)");
    ObjectNode id = e.putObject("userIdentity");
    if (user.equals("root")) {
      id.put("type", "Root");
      id.put("arn", "arn:aws:iam::" + account + ":root");
    } else {
      id.put("type", "IAMUser");
      id.put("arn", "arn:aws:iam::" + account + ":user/" + user);
      id.put("userName", user);
    }
    id.put("accountId", account);
    e.putObject("responseElements").put("ConsoleLogin", success ? "Success" : "Failure");
    ObjectNode extra = e.putObject("additionalEventData");
    extra.put("LoginTo", "https://console.aws.amazon.com/console/home");
    extra.put("MobileVersion", "No");
    extra.put("MFAUsed", mfaUsed);
    e.put("recipientAccountId", account);
    return e;
  }

  /** An API call in an assumed-role session (Identity Center roles are AWSReservedSSO_...). */
  public static ObjectNode roleCall(
      String account, String role, String session, String time, String ip, String accessKey) {
    ObjectNode e = event(time, "ec2.amazonaws.com", "DescribeInstances", ip);
    ObjectNode id = e.putObject("userIdentity");
    id.put("type", "AssumedRole");
    id.put("principalId", "AROA" + Math.abs(role.hashCode()) + ":" + session);
    id.put("arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session);
    id.put("accountId", account);
    id.put("accessKeyId", accessKey);
    ObjectNode issuer = id.putObject("sessionContext").putObject("sessionIssuer");
    issuer.put("type", "Role");
    issuer.put("principalId", "AROA" + Math.abs(role.hashCode()));
    String path = role.startsWith("AWSReservedSSO_") ? "aws-reserved/sso.amazonaws.com/" : "";
    issuer.put("arn", "arn:aws:iam::" + account + ":role/" + path + role);
    issuer.put("accountId", account);
    issuer.put("userName", role);
    e.put("recipientAccountId", account);
    return e;
  }

  /** The AssumeRoleWithSAML call that starts a federated session. */
  public static ObjectNode assumeRoleWithSaml(
      String account, String role, String session, String time, String ip) {
    ObjectNode e = event(time, "sts.amazonaws.com", "AssumeRoleWithSAML", ip);
    ObjectNode id = e.putObject("userIdentity");
    id.put("type", "SAMLUser");
    id.put("principalId", "SAMPLEidp:" + session);
    id.put("userName", session);
    id.put("identityProvider", "SAMPLEidp");
    ObjectNode request = e.putObject("requestParameters");
    request.put("roleArn", "arn:aws:iam::" + account + ":role/" + role);
    request.put("principalArn", "arn:aws:iam::" + account + ":saml-provider/Okta");
    e.putObject("responseElements")
        .putObject("assumedRoleUser")
        .put("arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session);
    e.put("recipientAccountId", account);
    return e;
  }

  /** A call an AWS service made for a user: not the user's own use. */
  public static ObjectNode invokedBy(ObjectNode event, String service) {
    ((ObjectNode) event.get("userIdentity")).put("invokedBy", service);
    event.put("sourceIPAddress", service);
    return event;
  }
}
