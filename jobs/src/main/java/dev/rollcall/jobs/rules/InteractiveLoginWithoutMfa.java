package dev.rollcall.jobs.rules;

import dev.rollcall.jobs.correlate.AccountView;
import dev.rollcall.jobs.correlate.Subject;
import dev.rollcall.model.Account;
import dev.rollcall.model.Credential;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.Severity;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds accounts a person can sign in to with a password alone. */
@RuleInfo(
    id = "interactive-login-without-mfa",
    title = "Interactive login without MFA",
    summary = "An account that can sign in to a console or web UI has no second factor.",
    explanation =
        "Policies require two-factor authentication for all access. An account with an active"
            + " console password (AWS), an active Google account, or the AWS root user is flagged"
            + " when its source says no second factor is registered. Where the source has no"
            + " per-user MFA field (Atlas, Identity Center) MFA is unknown and nothing is claimed;"
            + " programmatic-only accounts (access keys, no password) are out of scope here.",
    severity = Severity.HIGH,
    family = RuleFamily.MFA)
public final class InteractiveLoginWithoutMfa implements Rule<InteractiveLoginWithoutMfa.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param rootSeverity the severity for an AWS root user without MFA, or null for the rule's
   */
  public record Settings(Severity rootSeverity) implements Serializable {}

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess()
        || !account.hasInteractiveLogin()
        || account.mfa().state() != Mfa.State.NOT_ENABLED) {
      return Optional.empty();
    }
    String logins =
        account.credentials().stream()
            .filter(c -> c.active() && c.type().interactive())
            .map(Credential::label)
            .collect(Collectors.joining(", "));
    boolean root = Remedies.isAwsRoot(account);
    return Optional.of(
        new Violation(
            view,
            (root ? "The AWS root user of account " + account.key().tenant() : account.name())
                + " can sign in interactively without a second factor.",
            List.of(
                new Evidence("interactive login", logins),
                new Evidence("MFA", "not enabled (" + account.mfa().evidence() + ")"),
                Facts.lastActivity(account)),
            Remedies.enableMfa(account),
            root ? settings.rootSeverity() : null));
  }
}
