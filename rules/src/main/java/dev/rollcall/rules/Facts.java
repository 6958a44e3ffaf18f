package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The evidence lines several rules show, worded once. */
final class Facts {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Facts() {}

  /** Whole days from {@code from} to {@code to}, rounded down. */
  static long daysBetween(Instant from, Instant to) {
    return Duration.between(from, to).toDays();
  }

  /**
   * What an age is measured to: the capture, or this run when the snapshot recorded no capture time
   * (then "captured" would say what is not known).
   */
  static String beforeCapture(Account account) {
    return account.captureTimeKnown() ? "before the data was captured" : "before this run";
  }

  static String day(Instant instant) {
    return DAY.format(instant);
  }

  static Evidence lastActivity(Account account) {
    Activity activity = account.lastActivity();
    String value =
        switch (activity.state()) {
          case USED ->
              day(activity.at())
                  + " ("
                  + daysBetween(activity.at(), account.observedAt())
                  + " days "
                  + beforeCapture(account)
                  + "; "
                  + activity.evidence()
                  + ")";
          case NEVER_USED -> "never (" + activity.evidence() + ")";
          case UNKNOWN -> "unknown (" + activity.evidence() + ")";
        };
    return new Evidence("last activity", value);
  }

  /** A grant as evidence reads it: name (level, on scope, how it is held[, by method]). */
  static String grant(dev.rollcall.model.Grant g) {
    return g.name()
        + " ("
        + g.level().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + ", on "
        + g.scope()
        + ", "
        + g.via()
        + (g.method() == null ? "" : ", by " + g.method())
        + ")";
  }

  static Evidence kind(Account account) {
    String why = account.kindEvidence() == null ? "" : " (" + account.kindEvidence() + ")";
    return new Evidence("kind", account.kind().name().toLowerCase(java.util.Locale.ROOT) + why);
  }

  static Evidence status(Account account) {
    return new Evidence("status", account.status().name().toLowerCase(java.util.Locale.ROOT));
  }

  static Evidence captured(Account account) {
    return account.captureTimeKnown()
        ? new Evidence("data captured", account.observedAt().toString())
        : new Evidence(
            "data captured",
            "not recorded in the snapshot; ages are measured from this run, "
                + account.observedAt());
  }
}
