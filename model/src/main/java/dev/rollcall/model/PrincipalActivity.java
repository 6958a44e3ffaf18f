package dev.rollcall.model;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a trail tells about one principal over the window read.
 *
 * @param kind IAM user, root, role or Identity Center person
 * @param account the AWS account (null for an Identity Center person, who spans accounts)
 * @param name the user name, "root", the role name, or the Identity Center session name (lower
 *     case)
 * @param roleArn the role's ARN (roles only), else null
 * @param lastConsoleLogin the last successful console sign-in, or null
 * @param lastConsoleLoginMfa {@code additionalEventData.MFAUsed} of that sign-in ("Yes", "No"), or
 *     null
 * @param lastConsoleLoginIp its source IP, or null
 * @param lastApiCall the last other event (an API call), or null
 * @param lastApiEvent that event, {@code eventSource eventName}, or null
 * @param consoleLoginsWithMfa console sign-ins with {@code MFAUsed: Yes}
 * @param consoleLoginsWithoutMfa console sign-ins with {@code MFAUsed: No}
 * @param samlFederated whether the role was assumed through {@code AssumeRoleWithSAML}
 * @param sessionUsers the email-shaped session names of a role, with their last use, sorted
 * @param days per day: distinct source IPs and user agents, and events; sorted by day
 * @param overlaps examples of overlapping sessions from distinct IPs, in time order
 * @param overlapCount how many overlapping pairs there were (counting stops at a thousand)
 */
public record PrincipalActivity(
    PrincipalKind kind,
    String account,
    String name,
    String roleArn,
    Instant lastConsoleLogin,
    String lastConsoleLoginMfa,
    String lastConsoleLoginIp,
    Instant lastApiCall,
    String lastApiEvent,
    long consoleLoginsWithMfa,
    long consoleLoginsWithoutMfa,
    boolean samlFederated,
    List<SessionUser> sessionUsers,
    List<DayActivity> days,
    List<SessionOverlap> overlaps,
    long overlapCount)
    implements Serializable {
  /** Events of one credential from one IP further apart than this start a new session. */
  public static final Duration SESSION_GAP = Duration.ofMinutes(30);

  public PrincipalActivity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    sessionUsers = List.copyOf(sessionUsers);
    days = List.copyOf(days);
    overlaps = List.copyOf(overlaps);
  }

  /** The principal's last use (console or API), or null when it had no event. */
  public Instant lastUse() {
    if (lastConsoleLogin == null) {
      return lastApiCall;
    }
    return lastApiCall == null || lastConsoleLogin.isAfter(lastApiCall)
        ? lastConsoleLogin
        : lastApiCall;
  }

  /** The event of the last use, for evidence. */
  public String lastUseEvent() {
    Instant last = lastUse();
    return last != null && last.equals(lastConsoleLogin)
        ? "CloudTrail ConsoleLogin"
        : "CloudTrail " + lastApiEvent;
  }

  /**
   * The day with the most distinct source IPs (then user agents, then the earliest), if any: the
   * day to look at first when sessions overlap.
   */
  public java.util.Optional<DayActivity> busiestDay() {
    return days.stream()
        .max(
            java.util.Comparator.comparingLong(DayActivity::sourceIps)
                .thenComparingLong(DayActivity::userAgents)
                .thenComparing(DayActivity::day, java.util.Comparator.reverseOrder()));
  }

  /** Whether its last console sign-in used no second factor. */
  public boolean lastConsoleLoginWithoutMfa() {
    return lastConsoleLogin != null && "No".equals(lastConsoleLoginMfa);
  }

  /** A person (an email-shaped session name) who used a role, and when last. */
  public record SessionUser(String sessionName, Instant lastUse, long events)
      implements Serializable {}

  /** One day of a principal's events. */
  public record DayActivity(String day, long sourceIps, long userAgents, long events)
      implements Serializable {
    /** As a person reads it in a finding. */
    public String describe() {
      return day
          + ": "
          + sourceIps
          + " source IP(s), "
          + userAgents
          + " user agent(s), "
          + events
          + " event(s)";
    }
  }

  /**
   * A session: the events of one principal (and session name) with one credential from one source
   * IP, no two consecutive events more than {@link #SESSION_GAP} apart.
   *
   * @param sessionName the role session name, or null for users and root
   * @param credential the access key id, masked, or {@code console} for a console sign-in
   * @param sourceIp the source IP
   * @param first its first event
   * @param last its last event
   * @param events how many events
   */
  public record TrailSession(
      String sessionName,
      String credential,
      String sourceIp,
      Instant first,
      Instant last,
      long events)
      implements Serializable {
    /** As a person reads it in a finding. */
    public String describe() {
      return sourceIp
          + " from "
          + first
          + " to "
          + last
          + " ("
          + credential
          + (sessionName == null ? "" : ", session " + sessionName)
          + ", "
          + events
          + " event(s))";
    }
  }

  /** Two sessions of one principal active at the same time from different IPs. */
  public record SessionOverlap(TrailSession a, TrailSession b) implements Serializable {}
}
