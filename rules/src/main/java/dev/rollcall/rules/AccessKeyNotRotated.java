package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
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

/** Finds active access keys older than the rotation period. */
@RuleInfo(
    id = "access-key-not-rotated",
    title = "Access key not rotated",
    summary = "An active access key is older than the rotation period.",
    explanation =
        "A long-lived key leaks with every laptop, log and repository that ever held it; policies"
            + " rotate credentials on a fixed period (90 days, quarterly, in most). rollcall reads"
            + " the creation date of each active access key (AWS credential report"
            + " access_key_N_last_rotated, Atlas service account secrets' createdAt) and measures it"
            + " to when the data was captured. Atlas programmatic API keys carry no creation date"
            + " and are not judged; inactive keys are not judged; whether a key is used at all is"
            + " unused-credential's question.",
    severity = Severity.MEDIUM,
    family = RuleFamily.CREDENTIALS)
public final class AccessKeyNotRotated implements AccountRule<AccessKeyNotRotated.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param days the rotation period; a key older than this many days is flagged
   */
  public record Settings(int days) implements Serializable {
    public Settings {
      Ranges.days("days", days);
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess()) {
      return Optional.empty();
    }
    List<Credential> old =
        account.credentials().stream()
            .filter(
                c ->
                    c.active()
                        && c.type() == CredentialType.ACCESS_KEY
                        && c.created() != null
                        && Facts.daysBetween(c.created(), account.observedAt()) > settings.days())
            .toList();
    if (old.isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    old.forEach(c -> evidence.add(CredentialFacts.of(c, account)));
    evidence.add(new Evidence("rotation period", settings.days() + " days"));
    Set<String> fixes = new LinkedHashSet<>();
    old.forEach(c -> fixes.add(CredentialRemedies.rotate(account, c)));
    long oldest =
        old.stream()
            .mapToLong(c -> Facts.daysBetween(c.created(), account.observedAt()))
            .max()
            .orElseThrow();
    return Optional.of(
        new Violation(
            view,
            account.name()
                + " has "
                + (old.size() == 1 ? "an access key" : old.size() + " access keys")
                + " not rotated for "
                + oldest
                + " days (period "
                + settings.days()
                + "): "
                + old.stream().map(Credential::label).collect(Collectors.joining(", "))
                + ".",
            evidence,
            String.join(" ", fixes)));
  }
}
