package dev.rollcall.connectors.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.MfaFactorType;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the login audit (Reports API activities.list, applicationName=login,
 * https://developers.google.com/admin-sdk/reports/v1/appendix/activity/login) tells about each
 * user: the last successful sign-in, the 2-Step methods actually used, and where from. Only {@code
 * login_success} events count.
 */
final class LoginAudit {

  /**
   * One user's successful sign-ins in the audit window.
   *
   * @param lastSuccess the latest login_success
   * @param challengeMethods every login_challenge_method value seen, lower case, sorted
   * @param sourceIps each ipAddress with the latest time it signed in from there
   */
  record Logins(Instant lastSuccess, Set<String> challengeMethods, Map<String, Instant> sourceIps) {
    Logins {
      challengeMethods = Collections.unmodifiableSet(new TreeSet<>(challengeMethods));
      sourceIps = Collections.unmodifiableMap(new TreeMap<>(sourceIps));
    }

    /** The second factors among the methods used, strongest first. */
    Set<MfaFactorType> secondFactors() {
      Set<MfaFactorType> factors = new TreeSet<>();
      for (String method : challengeMethods) {
        MfaFactorType type = secondFactor(method);
        if (type != null) {
          factors.add(type);
        }
      }
      return factors;
    }
  }

  private static final String LOGIN_SUCCESS = "login_success";
  private static final String CHALLENGE_METHOD = "login_challenge_method";

  private final boolean pulled;
  private final Map<String, Logins> byEmail;

  private LoginAudit(boolean pulled, Map<String, Logins> byEmail) {
    this.pulled = pulled;
    this.byEmail = Map.copyOf(byEmail);
  }

  /**
   * Reads the activities.list pages; no pages means the audit was not pulled. Fails on an activity
   * without id.time, or with a malformed time or parameter.
   */
  static LoginAudit read(List<DirectoryPage> pages) {
    Map<String, Instant> last = new HashMap<>();
    Map<String, Set<String>> methods = new HashMap<>();
    Map<String, Map<String, Instant>> ips = new HashMap<>();
    for (DirectoryPage page : pages) {
      for (int i = 0; i < page.items().size(); i++) {
        JsonNode item = page.items().get(i);
        String record = page.record(i);
        JsonNode id = item.path("id");
        Instant time =
            SnapshotJson.instant(requiredIdTime(id, page, record), "id.time", page.file(), record);
        String email = SnapshotJson.optionalText(item.path("actor"), "email");
        if (email == null) {
          continue;
        }
        email = email.toLowerCase(Locale.ROOT);
        List<JsonNode> events = SnapshotJson.array(item, "events", page.file(), record);
        for (int e = 0; e < events.size(); e++) {
          JsonNode event = events.get(e);
          if (!LOGIN_SUCCESS.equals(SnapshotJson.optionalText(event, "name"))) {
            continue;
          }
          last.merge(email, time, (a, b) -> a.isAfter(b) ? a : b);
          Set<String> used = methods.computeIfAbsent(email, k -> new TreeSet<>());
          used.addAll(challengeMethods(event, page, record + ".events[" + e + "]"));
          String ip = SnapshotJson.optionalText(item, "ipAddress");
          if (ip != null) {
            ips.computeIfAbsent(email, k -> new HashMap<>())
                .merge(ip, time, (a, b) -> a.isAfter(b) ? a : b);
          }
        }
      }
    }
    Map<String, Logins> byEmail = new HashMap<>();
    last.forEach(
        (email, at) ->
            byEmail.put(
                email,
                new Logins(
                    at, methods.getOrDefault(email, Set.of()), ips.getOrDefault(email, Map.of()))));
    return new LoginAudit(!pages.isEmpty(), byEmail);
  }

  private static String requiredIdTime(JsonNode id, DirectoryPage page, String record) {
    String time = SnapshotJson.optionalText(id, "time");
    if (time == null) {
      throw new SnapshotException(page.file(), record, "required field 'id.time' is missing");
    }
    return time;
  }

  private static Set<String> challengeMethods(JsonNode event, DirectoryPage page, String record) {
    Set<String> values = new TreeSet<>();
    for (JsonNode parameter : SnapshotJson.array(event, "parameters", page.file(), record)) {
      if (!CHALLENGE_METHOD.equals(SnapshotJson.optionalText(parameter, "name"))) {
        continue;
      }
      String single = SnapshotJson.optionalText(parameter, "value");
      if (single != null) {
        values.add(single.toLowerCase(Locale.ROOT));
      }
      for (JsonNode value :
          SnapshotJson.array(
              parameter, "multiValue", page.file(), record + " " + CHALLENGE_METHOD)) {
        if (!value.isTextual()) {
          throw new SnapshotException(
              page.file(), record, CHALLENGE_METHOD + " holds a value that is not a string");
        }
        if (!value.asText().isBlank()) {
          values.add(value.asText().strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return values;
  }

  /** True when the snapshot holds the login audit at all. */
  boolean pulled() {
    return pulled;
  }

  /** The sign-ins of the first of these addresses that has any, or null. */
  Logins forUser(List<String> emails) {
    for (String email : emails) {
      Logins logins = byEmail.get(email.toLowerCase(Locale.ROOT));
      if (logins != null) {
        return logins;
      }
    }
    return null;
  }

  /**
   * The second factor a login_challenge_method value names, or null for one that is not a second
   * factor (password, none, login_location, knowledge_*, reauth) or not known. Google lists no
   * closed set of values; these are the ones its audit log and admin help show.
   */
  static MfaFactorType secondFactor(String method) {
    return switch (method.toLowerCase(Locale.ROOT)) {
      case "security_key" -> MfaFactorType.SECURITY_KEY;
      case "passkey" -> MfaFactorType.PASSKEY;
      case "security_key_otp" -> MfaFactorType.HARDWARE_TOTP;
      case "google_authenticator", "totp", "idv_totp", "otp", "offline_otp" ->
          MfaFactorType.VIRTUAL_TOTP;
      case "google_prompt", "device_prompt" -> MfaFactorType.PUSH;
      case "idv_preregistered_phone", "sms", "phone", "voice" -> MfaFactorType.SMS;
      case "backup_code", "internal_two_factor" -> MfaFactorType.UNSPECIFIED;
      default -> null;
    };
  }
}
