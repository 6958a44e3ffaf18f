package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Credential;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.PrincipalKind;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            + " programmatic-only accounts (access keys, no password) are out of scope here. With"
            + " a CloudTrail trail configured, an IAM user or root whose last console sign-in"
            + " was made without a second factor (ConsoleLogin with MFAUsed: No) is flagged too;"
            + " federated sign-ins are not judged so, since their second factor is the identity"
            + " provider's.",
    severity = Severity.HIGH,
    family = RuleFamily.MFA)
public final class InteractiveLoginWithoutMfa
    implements AccountRule<InteractiveLoginWithoutMfa.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param rootSeverity the severity for an AWS root user without MFA, or null for the rule's
   */
  public record Settings(Severity rootSeverity) implements Serializable {
    public Settings {
      if (rootSeverity == null) {
        throw new IllegalArgumentException("rootSeverity must be a severity");
      }
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess() || !account.hasInteractiveLogin()) {
      return Optional.empty();
    }
    Optional<PrincipalActivity> signInWithoutMfa = lastSignInWithoutMfa(view);
    if (account.mfa().state() != Mfa.State.NOT_ENABLED && signInWithoutMfa.isEmpty()) {
      return Optional.empty();
    }
    String logins =
        account.credentials().stream()
            .filter(c -> c.active() && c.type().interactive())
            .map(Credential::label)
            .collect(Collectors.joining(", "));
    boolean root = account.isAwsRoot();
    String who = root ? "The AWS root user of account " + account.key().tenant() : account.name();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("interactive login", logins));
    String mfaState = account.mfa().state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    evidence.add(new Evidence("MFA", mfaState + " (" + account.mfa().evidence() + ")"));
    signInWithoutMfa.ifPresent(p -> evidence.add(signInEvidence(p)));
    evidence.add(Facts.lastActivity(account));
    String summary =
        account.mfa().state() == Mfa.State.NOT_ENABLED
            ? who + " can sign in interactively without a second factor."
            : who
                + " last signed in to the AWS console without a second factor"
                + " (CloudTrail MFAUsed: No).";
    return Optional.of(
        new Violation(
            view,
            summary,
            evidence,
            Remedies.enableMfa(account),
            root ? settings.rootSeverity() : null));
  }

  /**
   * The trail activity whose last console sign-in used no second factor. Only IAM users and root
   * count: for a federated session, MFAUsed says nothing of the identity provider's second factor.
   */
  private static Optional<PrincipalActivity> lastSignInWithoutMfa(AccountView view) {
    return view.trail().stream()
        .filter(p -> p.kind() == PrincipalKind.IAM_USER || p.kind() == PrincipalKind.ROOT)
        .filter(PrincipalActivity::lastConsoleLoginWithoutMfa)
        .findFirst();
  }

  private static Evidence signInEvidence(PrincipalActivity p) {
    return new Evidence(
        "console sign-in without MFA",
        p.lastConsoleLogin()
            + (p.lastConsoleLoginIp() == null ? "" : " from " + p.lastConsoleLoginIp())
            + " (CloudTrail ConsoleLogin, MFAUsed: No; "
            + p.consoleLoginsWithoutMfa()
            + " without and "
            + p.consoleLoginsWithMfa()
            + " with MFA in the trail read)");
  }
}
