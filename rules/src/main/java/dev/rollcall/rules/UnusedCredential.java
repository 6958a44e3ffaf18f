package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds working keys and passwords nobody has used for longer than allowed. */
@RuleInfo(
    id = "unused-credential",
    title = "Unused credential",
    summary =
        "An active access key or password has not been used for longer than the policy allows.",
    explanation =
        "A key or password nobody uses is a way in nobody watches: policies disable credentials"
            + " idle over N days (90 in most). rollcall reads each active access key (AWS access"
            + " keys, Atlas API keys and service account secrets), console password (AWS, Google,"
            + " Atlas UI) and database password (Atlas SCRAM users), with the last use its source"
            + " records, measured from when the data was captured; one never used is flagged once"
            + " it is older than a grace period after its creation. A credential whose last use the"
            + " source cannot tell (Atlas database users without access history, API keys without"
            + " an access list entry) or whose creation date it does not give is not judged, nor"
            + " are federated logins, certificates and external authentication, nor the AWS root"
            + " user's password (the root rules own it). Only credentials beside others that are in"
            + " use are reported: when nothing of the account is used, dormant-account and"
            + " never-used-account report the account itself, once.",
    severity = Severity.MEDIUM,
    family = RuleFamily.ACTIVITY)
public final class UnusedCredential implements AccountRule<UnusedCredential.Settings> {
  private static final long serialVersionUID = 1L;
  private static final Set<CredentialType> JUDGED =
      Set.of(
          CredentialType.ACCESS_KEY,
          CredentialType.CONSOLE_PASSWORD,
          CredentialType.DATABASE_PASSWORD);

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param days days a used credential may stay idle; flagged when idle for more
   * @param graceDays days a never-used credential may exist; flagged when older
   */
  public record Settings(int days, int graceDays) implements Serializable {
    public Settings {
      Ranges.days("days", days);
      Ranges.days("graceDays", graceDays);
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess()) {
      return Optional.empty();
    }
    List<Credential> unused =
        account.credentials().stream().filter(c -> unused(c, account, settings)).toList();
    // When nothing else of the account is used, the account itself is idle: dormant-account and
    // never-used-account report that, once. This rule finds the key or password left lying
    // beside credentials that are in use.
    boolean othersInUse =
        account.credentials().stream()
            .anyMatch(c -> c.active() && !unused.contains(c) && c.usage() == Activity.State.USED);
    if (unused.isEmpty() || !othersInUse) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    unused.forEach(c -> evidence.add(CredentialFacts.of(c, account)));
    evidence.add(
        new Evidence(
            "limit",
            "used within "
                + settings.days()
                + " days, or first used within "
                + settings.graceDays()
                + " days of creation"));
    evidence.add(Facts.lastActivity(account));
    Set<String> fixes = new LinkedHashSet<>();
    unused.forEach(c -> fixes.add(CredentialRemedies.retire(account, c)));
    return Optional.of(
        new Violation(
            view,
            account.name()
                + " has "
                + (unused.size() == 1 ? "an unused credential: " : "unused credentials: ")
                + unused.stream().map(Credential::label).collect(Collectors.joining(", "))
                + ".",
            evidence,
            String.join(" ", fixes)));
  }

  private static boolean unused(Credential credential, Account account, Settings settings) {
    if (!credential.active() || !JUDGED.contains(credential.type())) {
      return false;
    }
    if (account.isAwsRoot() && credential.type() == CredentialType.CONSOLE_PASSWORD) {
      return false;
    }
    return switch (credential.usage()) {
      case USED -> Facts.daysBetween(credential.lastUsed(), account.observedAt()) > settings.days();
      case NEVER_USED ->
          credential.created() != null
              && Facts.daysBetween(credential.created(), account.observedAt())
                  > settings.graceDays();
      case UNKNOWN -> false;
    };
  }
}
