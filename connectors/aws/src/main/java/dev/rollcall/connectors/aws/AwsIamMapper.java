package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PasswordPolicy;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.SourceSystem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an AWS account's raw IAM data to accounts: one per credential report row (the root user
 * included) joined by user name to its authorization details. Pure: the same snapshot always gives
 * the same accounts.
 */
public final class AwsIamMapper {
  private final Instant observedAt;

  public AwsIamMapper(Instant observedAt) {
    this.observedAt = observedAt;
  }

  /** Every IAM user and the root user. */
  public List<Account> accounts(AwsAccountSnapshot snapshot) {
    Details details = Details.of(snapshot);
    Map<String, List<MfaFactor>> factors = factors(snapshot);
    Map<String, Account> accounts = new LinkedHashMap<>();
    for (CredentialReportRow row : snapshot.credentialReport()) {
      Details.User user = details.users().get(row.user());
      Account account =
          row.isRoot()
              ? root(snapshot.accountId(), row, factors.getOrDefault(":root", List.of()))
              : user(
                  snapshot.accountId(),
                  row,
                  user,
                  details,
                  factors.getOrDefault(row.user(), List.of()));
      accounts.put(row.user(), account);
    }
    // A user created after the report was generated has details but no report row.
    for (Details.User user : details.users().values()) {
      if (!accounts.containsKey(user.name())) {
        accounts.put(user.name(), user(snapshot.accountId(), null, user, details, List.of()));
      }
    }
    return List.copyOf(accounts.values());
  }

  /** The account password policy, or null when none is set. */
  public PasswordPolicy passwordPolicy(AwsAccountSnapshot snapshot) {
    if (snapshot.passwordPolicy() == null) {
      return null;
    }
    Path file = snapshot.passwordPolicy().file();
    JsonNode policy = snapshot.passwordPolicy().body().path("PasswordPolicy");
    if (!policy.isObject()) {
      throw new SnapshotException(file, null, "field 'PasswordPolicy' is missing");
    }
    boolean expires = SnapshotJson.bool(policy, "ExpirePasswords", false, file, "PasswordPolicy");
    return new PasswordPolicy(
        integer(policy, "MinimumPasswordLength"),
        expires ? integer(policy, "MaxPasswordAge") : null,
        integer(policy, "PasswordReusePrevention"),
        SnapshotJson.bool(policy, "RequireSymbols", false, file, "PasswordPolicy"),
        SnapshotJson.bool(policy, "RequireNumbers", false, file, "PasswordPolicy"),
        SnapshotJson.bool(policy, "RequireUppercaseCharacters", false, file, "PasswordPolicy"),
        SnapshotJson.bool(policy, "RequireLowercaseCharacters", false, file, "PasswordPolicy"));
  }

  private Account root(String accountId, CredentialReportRow row, List<MfaFactor> factors) {
    List<Credential> credentials = new ArrayList<>();
    // password_enabled is not_supported for root: the root user can sign in unless its
    // credentials were removed centrally, which the report does not show.
    credentials.add(password(row, true));
    credentials.addAll(keys(row));
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, accountId, "root"), "root", observedAt)
        .displayName("AWS account root user")
        .kind(AccountKind.UNKNOWN, "AWS account root user")
        .created(row.created())
        .lastActivity(activity(row))
        .credentials(credentials)
        .mfa(mfa(row, factors))
        .grants(List.of(new Grant("root user", accountId, PrivilegeLevel.ADMIN, "account root")))
        .build();
  }

  private Account user(
      String accountId,
      CredentialReportRow row,
      Details.User user,
      Details details,
      List<MfaFactor> factors) {
    String name = row != null ? row.user() : user.name();
    String nativeId = user != null ? user.id() : "arn:" + row.arn();
    List<Credential> credentials = new ArrayList<>();
    if (row != null) {
      if (row.passwordEnabled() != null
          && (row.passwordEnabled() || row.passwordLastChanged() != null)) {
        credentials.add(password(row, row.passwordEnabled()));
      }
      credentials.addAll(keys(row));
      for (CredentialReportRow.CertSlot cert : row.certs()) {
        if (cert.active()) {
          credentials.add(
              new Credential(
                  CredentialType.X509_CERTIFICATE,
                  "signing certificate " + cert.slot(),
                  true,
                  cert.lastRotated(),
                  null,
                  Activity.State.UNKNOWN));
        }
      }
    }
    Map<String, String> tags = user == null ? Map.of() : user.tags();
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, accountId, nativeId), name, observedAt)
        .emails(name.contains("@") ? List.of(name) : List.of())
        .kind(kind(row, user, tags), kindEvidence(row, user, tags))
        .created(
            row != null && row.created() != null
                ? row.created()
                : user == null ? null : user.created())
        .lastActivity(
            row == null ? Activity.unknown("not in the credential report") : activity(row))
        .credentials(credentials)
        .mfa(row == null ? Mfa.unknown("not in the credential report") : mfa(row, factors))
        .grants(user == null ? List.of() : details.grantsOf(user, accountId))
        .tags(tags)
        .build();
  }

  private static Credential password(CredentialReportRow row, boolean active) {
    Activity.State usage =
        row.passwordLastUsed() != null
            ? Activity.State.USED
            : row.passwordNoInformation() || active
                ? Activity.State.NEVER_USED
                : Activity.State.UNKNOWN;
    return new Credential(
        CredentialType.CONSOLE_PASSWORD,
        "console password",
        active,
        row.passwordLastChanged(),
        row.passwordLastUsed(),
        usage);
  }

  private static List<Credential> keys(CredentialReportRow row) {
    List<Credential> keys = new ArrayList<>();
    for (CredentialReportRow.KeySlot key : row.keys()) {
      if (key.exists()) {
        keys.add(
            new Credential(
                CredentialType.ACCESS_KEY,
                "access key " + key.slot(),
                key.active(),
                key.lastRotated(),
                key.lastUsed(),
                key.lastUsed() != null ? Activity.State.USED : Activity.State.NEVER_USED));
      }
    }
    return keys;
  }

  private static Activity activity(CredentialReportRow row) {
    Activity latest = Activity.neverUsed("credential report: no password or key use recorded");
    if (row.passwordLastUsed() != null) {
      latest =
          latest.latest(
              Activity.usedAt(row.passwordLastUsed(), "credential report password_last_used"));
    }
    for (CredentialReportRow.KeySlot key : row.keys()) {
      if (key.lastUsed() != null) {
        latest =
            latest.latest(
                Activity.usedAt(
                    key.lastUsed(),
                    "credential report access_key_"
                        + key.slot()
                        + "_last_used_date"
                        + (key.lastUsedService() == null
                            ? ""
                            : " (" + key.lastUsedService() + ")")));
      }
    }
    return latest;
  }

  private static Mfa mfa(CredentialReportRow row, List<MfaFactor> factors) {
    if (!row.mfaActive()) {
      return Mfa.notEnabled("credential report mfa_active=false");
    }
    return Mfa.enabled(
        factors.isEmpty() ? List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null)) : factors,
        "credential report mfa_active=true");
  }

  private static AccountKind kind(
      CredentialReportRow row, Details.User user, Map<String, String> tags) {
    String declared = declaredKind(tags);
    if (declared != null) {
      return declared.equals("service") ? AccountKind.SERVICE : AccountKind.HUMAN;
    }
    if (user != null && user.path().toLowerCase(Locale.ROOT).startsWith("/service")) {
      return AccountKind.SERVICE;
    }
    if (row != null && Boolean.TRUE.equals(row.passwordEnabled())) {
      return AccountKind.HUMAN;
    }
    if (row != null && row.keys().stream().anyMatch(CredentialReportRow.KeySlot::active)) {
      return AccountKind.SERVICE;
    }
    return AccountKind.UNKNOWN;
  }

  private static String kindEvidence(
      CredentialReportRow row, Details.User user, Map<String, String> tags) {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (isKindTag(tag.getKey()) && declaredKind(Map.of(tag.getKey(), tag.getValue())) != null) {
        return "tag " + tag.getKey() + "=" + tag.getValue();
      }
    }
    if (user != null && user.path().toLowerCase(Locale.ROOT).startsWith("/service")) {
      return "path " + user.path();
    }
    if (row != null && Boolean.TRUE.equals(row.passwordEnabled())) {
      return "console password";
    }
    if (row != null && row.keys().stream().anyMatch(CredentialReportRow.KeySlot::active)) {
      return "access keys only, no console password";
    }
    return "no console password and no active access key";
  }

  private static boolean isKindTag(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.equals("kind") || k.equals("type") || k.equals("account-type");
  }

  private static String declaredKind(Map<String, String> tags) {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      String value = tag.getValue().strip().toLowerCase(Locale.ROOT);
      if (isKindTag(tag.getKey()) && (value.equals("service") || value.equals("human"))) {
        return value;
      }
    }
    return null;
  }

  /** MFA factors by user name (":root" for the root user), from the device listings. */
  private static Map<String, List<MfaFactor>> factors(AwsAccountSnapshot snapshot) {
    Map<String, List<MfaFactor>> byUser = new HashMap<>();
    if (snapshot.virtualMfa() != null) {
      AwsAccountSnapshot.Page page = snapshot.virtualMfa();
      List<JsonNode> devices =
          SnapshotJson.array(page.body(), "VirtualMFADevices", page.file(), null);
      for (int i = 0; i < devices.size(); i++) {
        JsonNode device = devices.get(i);
        JsonNode user = device.get("User");
        if (user == null || user.isNull()) {
          continue; // an unassigned device
        }
        String record = "VirtualMFADevices[" + i + "]";
        String serial = SnapshotJson.requiredText(device, "SerialNumber", page.file(), record);
        String arn = SnapshotJson.optionalText(user, "Arn");
        String owner =
            arn != null && arn.endsWith(":root")
                ? ":root"
                : SnapshotJson.optionalText(user, "UserName");
        if (owner == null) {
          throw new SnapshotException(
              page.file(), record, "field 'User' has neither UserName nor a root Arn");
        }
        add(
            byUser,
            owner,
            new MfaFactor(
                typeOf(serial),
                serial,
                SnapshotJson.optionalInstant(device, "EnableDate", page.file(), record)));
      }
    }
    for (Map.Entry<String, AwsAccountSnapshot.Page> entry : snapshot.mfaDevices().entrySet()) {
      AwsAccountSnapshot.Page page = entry.getValue();
      List<JsonNode> devices = SnapshotJson.array(page.body(), "MFADevices", page.file(), null);
      for (int i = 0; i < devices.size(); i++) {
        String record = "MFADevices[" + i + "]";
        JsonNode device = devices.get(i);
        String serial = SnapshotJson.requiredText(device, "SerialNumber", page.file(), record);
        String user = SnapshotJson.optionalText(device, "UserName");
        add(
            byUser,
            user == null ? entry.getKey() : user,
            new MfaFactor(
                typeOf(serial),
                serial,
                SnapshotJson.optionalInstant(device, "EnableDate", page.file(), record)));
      }
    }
    return byUser;
  }

  private static void add(Map<String, List<MfaFactor>> byUser, String user, MfaFactor factor) {
    List<MfaFactor> list = byUser.computeIfAbsent(user, k -> new ArrayList<>());
    if (list.stream().noneMatch(f -> factor.label().equals(f.label()))) {
      list.add(factor);
    }
  }

  /**
   * The factor type from the serial number's shape: virtual devices have an {@code :mfa/} ARN, FIDO
   * security keys a {@code :u2f/} ARN, hardware TOTP tokens a plain serial such as {@code
   * GAHT12345678} (https://docs.aws.amazon.com/IAM/latest/APIReference/API_MFADevice.html).
   */
  static MfaFactorType typeOf(String serial) {
    if (serial.startsWith("arn:") && serial.contains(":u2f/")) {
      return MfaFactorType.SECURITY_KEY;
    }
    if (serial.startsWith("arn:") && serial.contains(":mfa/")) {
      return MfaFactorType.VIRTUAL_TOTP;
    }
    if (!serial.startsWith("arn:")) {
      return MfaFactorType.HARDWARE_TOTP;
    }
    return MfaFactorType.UNSPECIFIED;
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asInt();
  }

  /** Policy documents may be JSON objects (CLI output) or URL-encoded JSON strings (raw API). */
  static JsonNode document(JsonNode value, Path file, String record) {
    if (value == null || value.isNull()) {
      throw new SnapshotException(file, record, "policy document is missing");
    }
    if (value.isObject()) {
      return value;
    }
    String text = value.asText().strip();
    if (!text.startsWith("{")) {
      text = URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
    return SnapshotJson.parse(text, file, record);
  }
}
