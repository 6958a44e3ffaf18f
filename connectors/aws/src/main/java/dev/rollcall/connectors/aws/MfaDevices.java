package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MFA devices of an account's users, from {@code aws iam list-virtual-mfa-devices} and the
 * per-user {@code aws iam list-mfa-devices --user-name X} outputs, each typed by the shape of its
 * serial number. A user's devices are the union of both: the live pull lists a user's devices only
 * where the virtual listing does not cover them, and a user may appear in either or both.
 */
final class MfaDevices {
  private final Map<String, List<MfaFactor>> byUser;
  private final List<MfaFactor> root;

  private MfaDevices(Map<String, List<MfaFactor>> byUser, List<MfaFactor> root) {
    this.byUser = byUser;
    this.root = root;
  }

  /** Reads the device listings; a device listed twice (virtual and per user) counts once. */
  static MfaDevices of(AwsRawAccount raw) {
    Map<String, List<MfaFactor>> byUser = new HashMap<>();
    List<MfaFactor> root = new ArrayList<>();
    for (AwsRawAccount.Page page : raw.virtualMfaDevices()) {
      List<JsonNode> devices = list(page, "VirtualMFADevices", "list-virtual-mfa-devices");
      for (int i = 0; i < devices.size(); i++) {
        String record = "VirtualMFADevices[" + i + "]";
        JsonNode device = devices.get(i);
        JsonNode user = device.get("User");
        if (user == null || user.isNull()) {
          continue; // created but not assigned to anyone
        }
        MfaFactor factor = factor(device, page.file(), record);
        String arn = SnapshotJson.optionalText(user, "Arn");
        if (arn != null && arn.endsWith(":root")) {
          add(root, factor);
        } else {
          String name = SnapshotJson.requiredText(user, "UserName", page.file(), record + " User");
          add(byUser.computeIfAbsent(name, k -> new ArrayList<>()), factor);
        }
      }
    }
    for (Map.Entry<String, AwsRawAccount.Page> entry : raw.mfaDevices().entrySet()) {
      String name = entry.getKey();
      AwsRawAccount.Page page = entry.getValue();
      List<JsonNode> devices = list(page, "MFADevices", "list-mfa-devices");
      for (int i = 0; i < devices.size(); i++) {
        String record = "MFADevices[" + i + "]";
        String owner = SnapshotJson.optionalText(devices.get(i), "UserName");
        if (owner != null && !owner.equals(name)) {
          throw new SnapshotException(
              page.file(),
              record,
              "field 'UserName' names another user than the one the file is named for");
        }
        add(
            byUser.computeIfAbsent(name, k -> new ArrayList<>()),
            factor(devices.get(i), page.file(), record));
      }
    }
    return new MfaDevices(byUser, root);
  }

  /** The factors of an IAM user; empty when no listing names one. */
  List<MfaFactor> user(String name) {
    return List.copyOf(byUser.getOrDefault(name, List.of()));
  }

  /** The factors of the root user: the virtual devices assigned to the root ARN. */
  List<MfaFactor> root() {
    return List.copyOf(root);
  }

  /**
   * The factor type from the serial number's shape: a virtual device has an {@code :mfa/} ARN, a
   * FIDO security key a {@code :u2f/} ARN, a hardware TOTP token a plain serial such as {@code
   * GAHT12345678}, and the retired SMS MFA an {@code :sms-mfa/} ARN. See
   * https://docs.aws.amazon.com/IAM/latest/APIReference/API_MFADevice.html
   */
  static MfaFactorType typeOf(String serial) {
    if (!serial.startsWith("arn:")) {
      return MfaFactorType.HARDWARE_TOTP;
    }
    if (serial.contains(":u2f/")) {
      return MfaFactorType.SECURITY_KEY;
    }
    if (serial.contains(":mfa/")) {
      return MfaFactorType.VIRTUAL_TOTP;
    }
    if (serial.contains(":sms-mfa/")) {
      return MfaFactorType.SMS;
    }
    return MfaFactorType.UNSPECIFIED;
  }

  private static MfaFactor factor(JsonNode device, Path file, String record) {
    String serial = SnapshotJson.requiredText(device, "SerialNumber", file, record);
    return new MfaFactor(
        typeOf(serial), serial, AwsTimes.optional(device, "EnableDate", file, record));
  }

  private static void add(List<MfaFactor> factors, MfaFactor factor) {
    if (factors.stream().noneMatch(f -> f.label().equals(factor.label()))) {
      factors.add(factor);
    }
  }

  private static List<JsonNode> list(AwsRawAccount.Page page, String field, String command) {
    JsonNode value = page.body().get(field);
    if (value == null || !value.isArray()) {
      throw new SnapshotException(
          page.file(),
          null,
          "field '" + field + "' is missing or not an array (not aws iam " + command + " output)");
    }
    return SnapshotJson.array(page.body(), field, page.file(), null);
  }
}
