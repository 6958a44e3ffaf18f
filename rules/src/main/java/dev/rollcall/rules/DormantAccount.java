package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds accounts that still grant access but have not been used for longer than allowed. */
@RuleInfo(
    id = "dormant-account",
    title = "Dormant account",
    summary =
        "An account that still grants access has not been used for longer than the policy allows.",
    explanation =
        "Access policies disable accounts inactive for over N days (90 in most). The last use is"
            + " the latest sign-in or credential use the source records, measured from when the"
            + " data was captured. An account never used since it was created is dormant once it"
            + " is older than the same limit. Where a source cannot tell the last use (Identity"
            + " Center, Atlas database users without access history) the account is not judged.",
    severity = Severity.MEDIUM,
    family = RuleFamily.ACTIVITY)
public final class DormantAccount implements AccountRule<DormantAccount.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param days days of inactivity allowed; flagged when idle for more than this
   * @param daysBySystem a different limit for some systems
   * @param neverUsed whether never-used accounts older than the limit are flagged
   */
  public record Settings(int days, Map<SourceSystem, Integer> daysBySystem, boolean neverUsed)
      implements Serializable {
    public Settings {
      Ranges.days("days", days);
      daysBySystem = daysBySystem == null ? Map.of() : Map.copyOf(daysBySystem);
      daysBySystem.forEach(
          (system, limit) -> {
            if (limit == null) {
              throw new IllegalArgumentException("daysBySystem." + system + " must be a number");
            }
            Ranges.days("daysBySystem." + system, limit);
          });
    }

    int limitFor(SourceSystem system) {
      return daysBySystem.getOrDefault(system, days);
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess()) {
      return Optional.empty();
    }
    int limit = settings.limitFor(account.key().system());
    Activity activity = account.lastActivity();
    Evidence limitEvidence = new Evidence("limit", limit + " days");
    if (activity.state() == Activity.State.USED) {
      long idle = Facts.daysBetween(activity.at(), account.observedAt());
      if (idle <= limit) {
        return Optional.empty();
      }
      return Optional.of(
          new Violation(
              view,
              account.name() + " has not been used for " + idle + " days (limit " + limit + ").",
              List.of(Facts.lastActivity(account), limitEvidence, Facts.kind(account)),
              Remedies.disable(account)));
    }
    if (activity.state() == Activity.State.NEVER_USED
        && settings.neverUsed()
        && account.created() != null) {
      long age = Facts.daysBetween(account.created(), account.observedAt());
      if (age <= limit) {
        return Optional.empty();
      }
      return Optional.of(
          new Violation(
              view,
              account.name() + " was created " + age + " days ago and has never been used.",
              List.of(
                  Facts.lastActivity(account),
                  new Evidence("created", Facts.day(account.created())),
                  limitEvidence,
                  Facts.kind(account)),
              Remedies.disable(account)));
    }
    return Optional.empty();
  }
}
