package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** Finds accounts that were created, still grant access, and have never been used. */
@RuleInfo(
    id = "never-used-account",
    title = "Never-used account",
    summary = "An account that grants access has never been used since it was created.",
    explanation =
        "An account nobody has ever used was usually created for someone who never started, for"
            + " a test, or ahead of a need that never came; it is a way in nobody watches. rollcall"
            + " flags an account that grants access (pending invitations included), whose source"
            + " records no use at all (AWS credential report, an IAM role's RoleLastUsed, Google lastLoginTime of 1970, Atlas"
            + " lastAuth, service account secrets), and that is older than a grace period measured"
            + " from its creation to when the data was captured. Where the source cannot tell the"
            + " last use (Identity Center, Atlas database users without access history) or does"
            + " not date the account's creation, nothing is claimed. The AWS root user is left to"
            + " the root rules: never signing in as root is what the policy wants.",
    severity = Severity.MEDIUM,
    family = RuleFamily.ACTIVITY)
public final class NeverUsedAccount implements AccountRule<NeverUsedAccount.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param graceDays days an account may exist unused; flagged when older
   */
  public record Settings(int graceDays) implements Serializable {
    public Settings {
      Ranges.days("graceDays", graceDays);
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess()
        || account.lastActivity().state() != Activity.State.NEVER_USED
        || account.created() == null
        || account.isAwsRoot()) {
      return Optional.empty();
    }
    long age = Facts.daysBetween(account.created(), account.observedAt());
    if (age <= settings.graceDays()) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            view,
            account.name()
                + " was created "
                + age
                + " days "
                + Facts.beforeCapture(account)
                + " and has never been used.",
            List.of(
                Facts.lastActivity(account),
                new Evidence("created", CredentialFacts.dayAndAge(account.created(), account)),
                new Evidence("grace period", settings.graceDays() + " days"),
                Facts.status(account),
                Facts.kind(account)),
            Remedies.disable(account)));
  }
}
