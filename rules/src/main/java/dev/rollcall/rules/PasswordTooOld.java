package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds console passwords not changed within the policy's maximum age. */
@RuleInfo(
    id = "password-too-old",
    title = "Password older than the maximum age",
    summary = "An active console password has not been changed within the policy's maximum age.",
    explanation =
        "Policies expire passwords after a maximum age (90 days in most, 120 or 180 in some) and"
            + " often sooner for administrators (60 or 90 days). rollcall reads when each active AWS"
            + " IAM console password was last set (credential report password_last_changed),"
            + " measured to when the data was captured, and uses the shorter administrator limit"
            + " when the account holds an admin or privilege-escalation grant. Google and Atlas do"
            + " not date a password's last change, and federated logins have no password here, so"
            + " they are not judged; neither is the root user's password, which the report does"
            + " not date. The account password policy's own maximum age is not read here.",
    severity = Severity.MEDIUM,
    family = RuleFamily.CREDENTIALS)
public final class PasswordTooOld implements AccountRule<PasswordTooOld.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param days the maximum age of a password, in days
   * @param adminDays the maximum age for an account with admin or privilege-escalation rights, at
   *     most {@code days}
   */
  public record Settings(int days, int adminDays) implements Serializable {
    public Settings {
      Ranges.days("days", days);
      Ranges.days("adminDays", adminDays);
      if (adminDays > days) {
        throw new IllegalArgumentException(
            "adminDays ("
                + adminDays
                + ") must not exceed days ("
                + days
                + "); a profile that sets days below the adminDays it extends sets adminDays"
                + " too");
      }
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    // Only the AWS credential report dates a password's last change; elsewhere created is the
    // account's creation, not the password's.
    if (!account.status().grantsAccess() || account.key().system() != SourceSystem.AWS_IAM) {
      return Optional.empty();
    }
    Optional<Credential> password =
        account.credentials().stream()
            .filter(
                c ->
                    c.active()
                        && c.type() == CredentialType.CONSOLE_PASSWORD
                        && c.created() != null)
            .findFirst();
    if (password.isEmpty()) {
      return Optional.empty();
    }
    List<Grant> privileged =
        account.grants().stream()
            .filter(g -> g.level().atLeast(PrivilegeLevel.PRIVILEGE_ESCALATION))
            .toList();
    int limit = privileged.isEmpty() ? settings.days() : settings.adminDays();
    long age = Facts.daysBetween(password.get().created(), account.observedAt());
    if (age <= limit) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(CredentialFacts.of(password.get(), account));
    evidence.add(
        new Evidence(
            "maximum age", limit + " days" + (privileged.isEmpty() ? "" : " (administrators)")));
    if (!privileged.isEmpty()) {
      Grant first = privileged.get(0);
      evidence.add(
          new Evidence(
              "privilege",
              first.name()
                  + " ("
                  + first.level().name().toLowerCase(java.util.Locale.ROOT)
                  + ", "
                  + first.via()
                  + ")"
                  + (privileged.size() > 1 ? " and " + (privileged.size() - 1) + " more" : "")));
    }
    return Optional.of(
        new Violation(
            view,
            account.name()
                + "'s console password was last changed "
                + age
                + " days "
                + Facts.beforeCapture(account)
                + " (maximum "
                + limit
                + ").",
            evidence,
            CredentialRemedies.resetPassword(account)));
  }
}
