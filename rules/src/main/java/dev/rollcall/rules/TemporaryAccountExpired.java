package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds temporary accounts that still grant access after their end. */
@RuleInfo(
    id = "temporary-account-expired",
    title = "Temporary account past its end",
    summary = "A temporary account still grants access after the end it was given.",
    explanation =
        "Policies allow temporary accounts only for a stated business need and duration, and term"
            + " positions for a limited time. rollcall reads an account's scheduled removal (Atlas"
            + " database users' deleteAfterDate), the expiry tags the profile names (AWS tags,"
            + " Atlas labels) holding an ISO date (the account may be used through that day, UTC)"
            + " or an instant, and, when the profile sets a maximum term, the age of accounts"
            + " tagged kind=temporary or temporary=true. All are measured against when the data was"
            + " captured. An expiry tag that is not a date is shown when the account is flagged for"
            + " another reason and otherwise ignored; an account without an end date or a creation"
            + " date is not judged, and an end kept only outside the source (an HR system, a"
            + " ticket) cannot be seen.",
    severity = Severity.HIGH,
    family = RuleFamily.ACTIVITY)
public final class TemporaryAccountExpired
    implements AccountRule<TemporaryAccountExpired.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param expiryTags tag keys that hold an account's end date, matched without regard to case
   * @param maxTermDays the longest an account tagged temporary may live, or null for no limit
   */
  public record Settings(List<String> expiryTags, Integer maxTermDays) implements Serializable {
    public Settings {
      if (expiryTags == null) {
        throw new IllegalArgumentException("expiryTags must be a list of tag keys ([] for none)");
      }
      if (expiryTags.stream().anyMatch(tag -> tag == null || tag.isBlank())) {
        throw new IllegalArgumentException("expiryTags must not hold a blank tag key");
      }
      expiryTags = List.copyOf(expiryTags);
      if (maxTermDays != null) {
        Ranges.days("maxTermDays", maxTermDays);
      }
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess()) {
      return Optional.empty();
    }
    Instant captured = account.observedAt();
    List<String> reasons = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    List<Evidence> unreadable = new ArrayList<>();
    if (account.expires() != null && !account.expires().isAfter(captured)) {
      reasons.add("its scheduled removal passed on " + Facts.day(account.expires()));
      evidence.add(
          new Evidence(
              "scheduled removal",
              account.expires() + " (" + daysPast(account.expires(), account) + ")"));
    }
    for (String tagKey : settings.expiryTags()) {
      String value = account.tag(tagKey);
      if (value == null) {
        continue;
      }
      Optional<Instant> end = endOf(value.strip());
      if (end.isEmpty()) {
        unreadable.add(
            new Evidence("tag " + tagKey, value + " (not a date or an instant; not judged)"));
      } else if (!end.get().isAfter(captured)) {
        reasons.add("its tag " + tagKey + "=" + value + " has passed");
        evidence.add(
            new Evidence("tag " + tagKey, value + " (" + daysPast(end.get(), account) + ")"));
      }
    }
    if (settings.maxTermDays() != null && temporary(account) && account.created() != null) {
      long age = Facts.daysBetween(account.created(), captured);
      if (age > settings.maxTermDays()) {
        reasons.add(
            "it is tagged temporary and is "
                + age
                + " days old (term limit "
                + settings.maxTermDays()
                + " days)");
        evidence.add(
            new Evidence("created", CredentialFacts.dayAndAge(account.created(), account)));
        evidence.add(new Evidence("term limit", settings.maxTermDays() + " days"));
      }
    }
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    evidence.addAll(unreadable);
    evidence.add(Facts.status(account));
    evidence.add(Facts.lastActivity(account));
    return Optional.of(
        new Violation(
            view,
            account.name()
                + " still grants access although "
                + String.join(", and ", reasons)
                + ".",
            evidence,
            Remedies.disable(account)
                + " If the access is still needed, give it a new end date and document the"
                + " exception: business reason, responsible person and expected duration."));
  }

  private static boolean temporary(Account account) {
    String kind = account.tag("kind");
    String flag = account.tag("temporary");
    return (kind != null && kind.strip().equalsIgnoreCase("temporary"))
        || (flag != null && flag.strip().equalsIgnoreCase("true"));
  }

  /**
   * When access ends: a date means the account may be used through that day (UTC); an instant is
   * taken as is.
   */
  static Optional<Instant> endOf(String value) {
    try {
      return Optional.of(
          LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException notADate) {
      try {
        return Optional.of(OffsetDateTime.parse(value).toInstant());
      } catch (DateTimeParseException notAnInstant) {
        return Optional.empty();
      }
    }
  }

  private static String daysPast(Instant end, Account account) {
    long days = Facts.daysBetween(end, account.observedAt());
    return days == 0
        ? "passed less than a day " + Facts.beforeCapture(account)
        : String.format(Locale.ROOT, "passed %d days %s", days, Facts.beforeCapture(account));
  }
}
