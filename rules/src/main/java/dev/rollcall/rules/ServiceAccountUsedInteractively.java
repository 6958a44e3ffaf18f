package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Credential;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds service accounts that someone has signed in to as a person would. */
@RuleInfo(
    id = "service-account-used-interactively",
    title = "Service account used interactively",
    summary = "A service account has a console or single sign-on login that has been used.",
    explanation =
        "Service (resource) accounts are for system-to-system work and must not be used to log in"
            + " manually: whoever signs in to one acts without their own name. An account of kind"
            + " service that grants access is flagged when it has an active console password or"
            + " federated login whose source records a use. A login never used, or with no"
            + " recorded use (Identity Center records none), is not a use; an account whose kind"
            + " is unknown is not judged. It sees only the last use of each login, not who made"
            + " it.",
    severity = Severity.HIGH,
    family = RuleFamily.PRIVILEGE)
public final class ServiceAccountUsedInteractively implements AccountRule<NoSettings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<NoSettings> settingsType() {
    return NoSettings.class;
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, NoSettings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess() || account.kind() != AccountKind.SERVICE) {
      return Optional.empty();
    }
    List<Credential> used =
        account.credentials().stream()
            .filter(c -> c.active() && c.type().interactive() && c.lastUsed() != null)
            .toList();
    if (used.isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    for (Credential login : used) {
      evidence.add(
          new Evidence(
              "interactive login",
              login.label()
                  + ", last used "
                  + CredentialFacts.dayAndAge(login.lastUsed(), account)));
    }
    evidence.add(Facts.kind(account));
    if (!view.owners().isEmpty()) {
      evidence.add(new Evidence("owners", String.join(", ", view.personIds())));
    }
    return Optional.of(
        new Violation(
            view,
            "Service account "
                + account.name()
                + " was signed in to interactively ("
                + used.stream().map(Credential::label).collect(Collectors.joining(", "))
                + ").",
            evidence,
            fix(account)));
  }

  private static String fix(Account account) {
    String name = Shell.quote(account.name());
    String ask =
        "Ask its owner who signed in and why; give that person their own account for the task. ";
    return ask
        + switch (account.key().system()) {
          case AWS_IAM ->
              "Then remove the console login: aws iam delete-login-profile --user-name "
                  + name
                  + " (in account "
                  + Shell.quote(account.key().tenant())
                  + "), and rotate any access key a person may have seen (aws iam"
                  + " create-access-key, then aws iam update-access-key --status Inactive on the"
                  + " old one).";
          case AWS_IDENTITY_CENTER ->
              "Then disable the user (IAM Identity Center > Users > "
                  + name
                  + " > Disable user access) and give the program an IAM role instead.";
          case GOOGLE_WORKSPACE ->
              "Then reset the password of "
                  + name
                  + " to a random one nobody keeps and sign it out (Admin console >"
                  + " Directory > Users > "
                  + name
                  + " > Reset password; Security > Sign-in cookies > Reset), and move the program"
                  + " to a Google Cloud service account with domain-wide delegation.";
          case ATLAS_ORG ->
              "Then remove "
                  + name
                  + " from the organisation's users (Atlas > Organization Access Manager) and give"
                  + " the program an Atlas service account or API key.";
          case ATLAS_DATABASE ->
              "Then rotate the password: atlas dbusers update "
                  + name
                  + " --projectId "
                  + Shell.quote(account.key().tenant())
                  + " --password (a new secret stored only where the program reads it).";
        };
  }
}
