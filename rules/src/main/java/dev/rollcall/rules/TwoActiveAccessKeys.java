package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds accounts holding more than one active access key. */
@RuleInfo(
    id = "two-active-access-keys",
    title = "Two active access keys",
    summary = "An account holds two or more active access keys.",
    explanation =
        "A second key exists for a rotation in progress; when both stay active, the old key was"
            + " never retired and every place that held it still has a way in. rollcall counts the"
            + " active access keys of an account (AWS access keys, Atlas service account secrets"
            + " that have not expired) and flags two or more, with each key's creation and last"
            + " use so that the one in use can be kept. Inactive keys do not count; keys held by"
            + " other accounts of the same person are not added up.",
    severity = Severity.LOW,
    family = RuleFamily.CREDENTIALS)
public final class TwoActiveAccessKeys implements AccountRule<NoSettings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<NoSettings> settingsType() {
    return NoSettings.class;
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, NoSettings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess()) {
      return Optional.empty();
    }
    List<Credential> keys =
        account.credentials().stream()
            .filter(c -> c.active() && c.type() == CredentialType.ACCESS_KEY)
            .toList();
    if (keys.size() < 2) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    keys.forEach(c -> evidence.add(CredentialFacts.of(c, account)));
    return Optional.of(
        new Violation(
            view,
            account.name() + " has " + keys.size() + " active access keys.",
            evidence,
            CredentialRemedies.keepOneKey(account, retireFirst(keys))));
  }

  /** The keys in the order to retire them: never used first, then least recently used. */
  private static List<Credential> retireFirst(List<Credential> keys) {
    return keys.stream()
        .sorted(
            Comparator.comparing(
                (Credential c) -> CredentialFacts.used(c) ? c.lastUsed() : Instant.MIN))
        .toList();
  }
}
