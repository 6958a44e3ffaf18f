package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Owner;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Finds role, team and test accounts, and ids that reveal privilege. */
@RuleInfo(
    id = "generic-account-name",
    title = "Generic or privilege-revealing account name",
    summary = "The account's name is a generic, shared, test or role name, or reveals privilege.",
    explanation =
        "Policies forbid generic accounts and user ids that reveal privilege (e.g. sysadmin1)."
            + " The sign-in name (for an email, its local part) is split into words; words that"
            + " are the owner's own given or family name are set aside when the name also holds a"
            + " real name word, so admin.smith of a person called Admin Smith is not flagged, but"
            + " admin@ named \"Admin Meridian\" is. The account is flagged when a remaining word is a privilege"
            + " word, or when every remaining word is a generic word. Service accounts are named"
            + " for their function, so only privilege words count for them. The AWS root user is"
            + " left to the root rules.",
    severity = Severity.MEDIUM,
    family = RuleFamily.OWNERSHIP,
    judgesOwnership = true)
public final class GenericAccountName implements AccountRule<GenericAccountName.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param privilegeWords words that reveal privilege
   * @param genericWords words of role, team, test and shared mailboxes
   */
  public record Settings(List<String> privilegeWords, List<String> genericWords)
      implements Serializable {
    public Settings {
      privilegeWords = lower(privilegeWords, "privilegeWords");
      genericWords = lower(genericWords, "genericWords");
    }

    private static List<String> lower(List<String> words, String field) {
      if (words == null || words.isEmpty()) {
        throw new IllegalArgumentException(field + " must list at least one word");
      }
      return words.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).toList();
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    // A role's name names a job, not a person: people assume it under their own session names.
    if (!account.status().grantsAccess()
        || account.isAwsRoot()
        || account.kind() == AccountKind.ROLE) {
      return Optional.empty();
    }
    List<String> tokens = tokens(localPart(account.name()));
    Set<String> personNames = excusedTokens(view, tokens, settings);
    List<String> remaining = tokens.stream().filter(t -> !personNames.contains(t)).toList();
    if (remaining.isEmpty()) {
      return Optional.empty();
    }
    List<String> privilege =
        remaining.stream().filter(settings.privilegeWords()::contains).distinct().toList();
    boolean allGeneric =
        account.kind() != AccountKind.SERVICE
            && remaining.stream().allMatch(settings.genericWords()::contains);
    if (privilege.isEmpty() && !allGeneric) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("name", account.name()));
    evidence.add(new Evidence("words", String.join(", ", tokens)));
    if (!privilege.isEmpty()) {
      evidence.add(new Evidence("privilege words", String.join(", ", privilege)));
    }
    if (allGeneric) {
      evidence.add(new Evidence("generic words", String.join(", ", remaining)));
    }
    evidence.add(Facts.kind(account));
    String what = privilege.isEmpty() ? "a generic name" : "a name that reveals privilege";
    return Optional.of(
        new Violation(
            view,
            account.name() + " has " + what + ".",
            evidence,
            "Replace "
                + Shell.quote(account.name())
                + " with named accounts of the people who use it (privilege granted through"
                + " roles or groups, not the name), move its access to them, then remove it. "
                + Remedies.disable(account)));
  }

  static String localPart(String name) {
    int at = name.indexOf('@');
    return at > 0 ? name.substring(0, at) : name;
  }

  private static final java.util.regex.Pattern NOT_LETTERS =
      java.util.regex.Pattern.compile("[^\\p{L}]+");

  static List<String> tokens(String text) {
    return Arrays.stream(NOT_LETTERS.split(text.toLowerCase(Locale.ROOT)))
        .filter(t -> !t.isEmpty())
        .toList();
  }

  /**
   * The words of the owners' names (not the account's own display name, which for a program is a
   * description). They excuse the account's words only when the account's name holds one of them
   * that is neither generic nor a privilege word: admin.smith of Admin Smith is excused by "smith",
   * but admin@ named "Admin Meridian" is not, nor it-support@ named "IT Support".
   */
  private static Set<String> excusedTokens(
      AccountView view, List<String> tokens, Settings settings) {
    Set<String> names = new LinkedHashSet<>();
    for (Owner owner : view.owners()) {
      for (String name :
          Arrays.asList(
              owner.person().displayName(),
              owner.person().givenName(),
              owner.person().familyName())) {
        if (name != null) {
          names.addAll(tokens(name));
        }
      }
    }
    boolean namesAPerson =
        tokens.stream()
            .anyMatch(
                t ->
                    names.contains(t)
                        && !settings.genericWords().contains(t)
                        && !settings.privilegeWords().contains(t));
    return namesAPerson ? Set.copyOf(names) : Set.of();
  }
}
