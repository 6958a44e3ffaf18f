package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Finds people who hold several accounts in one system without a declared reason. */
@RuleInfo(
    id = "several-accounts-one-system",
    title = "Several accounts in one system",
    summary =
        "A person holds more than one account in the same system and tenant, and the extra one"
            + " declares no business need.",
    explanation =
        "Workforce members may not hold several user ids on one system without a business need"
            + " and approval: every extra id is one more password to lose and one more place"
            + " access must be removed. For each person, system and tenant, the accounts the"
            + " person alone owns and that grant access are counted; service accounts, shared"
            + " accounts and the AWS root user are not. One account is the person's own (their"
            + " directory account, else the oldest); every other account is flagged unless it"
            + " carries one of reasonTags with a value (e.g. purpose=admin tasks, which is how a"
            + " separate admin account is declared). Systems whose accounts carry no tags rollcall"
            + " reads (Google Workspace users) cannot declare a reason here: record an exception."
            + " It relies on correlation: an extra account tied to nobody is unowned-account's.",
    severity = Severity.LOW,
    family = RuleFamily.OWNERSHIP,
    judgesOwnership = true)
public final class SeveralAccountsOneSystem
    implements PersonRule<SeveralAccountsOneSystem.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param reasonTags tag keys (case ignored) whose non-blank value declares why an extra account
   *     exists; empty means no tag excuses one
   */
  public record Settings(List<String> reasonTags) implements Serializable {
    public Settings {
      if (reasonTags == null) {
        throw new IllegalArgumentException("reasonTags must be a list of tag keys ([] for none)");
      }
      reasonTags = List.copyOf(reasonTags);
      for (String tag : reasonTags) {
        if (tag.isBlank()) {
          throw new IllegalArgumentException("reasonTags must not hold a blank tag key");
        }
      }
    }

    /** The first reason tag the account carries, as {@code key=value}, or null. */
    String reason(Account account) {
      for (String tag : reasonTags) {
        String value = account.tag(tag);
        if (value != null && !value.isBlank()) {
          return tag + "=" + value;
        }
      }
      return null;
    }
  }

  @Override
  public List<Violation> check(Subject subject, Settings settings) {
    List<Violation> found = new ArrayList<>();
    for (Map.Entry<String, List<AccountView>> group :
        PersonalAccounts.bySystemAndTenant(subject).entrySet()) {
      List<AccountView> views = group.getValue();
      List<AccountView> undeclared =
          views.stream().filter(v -> settings.reason(v.account()) == null).toList();
      if (views.size() < 2 || undeclared.size() < 2) {
        continue;
      }
      AccountView own = undeclared.stream().min(OWN_FIRST).orElseThrow();
      for (AccountView extra : undeclared) {
        if (!extra.equals(own)) {
          found.add(violation(extra, own, subject, group.getKey(), views, settings));
        }
      }
    }
    return found;
  }

  /** The person's own account: the directory account, else the oldest, else the first by id. */
  private static final Comparator<AccountView> OWN_FIRST =
      Comparator.comparing((AccountView v) -> !v.isDirectoryAccount())
          .thenComparing(
              v -> v.account().created(), Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(v -> v.account().id());

  private static Violation violation(
      AccountView extra,
      AccountView own,
      Subject subject,
      String where,
      List<AccountView> all,
      Settings settings) {
    Account account = extra.account();
    String person = subject.person().personId();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("person", person));
    evidence.add(
        new Evidence(
            "accounts in " + where,
            all.stream()
                .map(
                    v -> {
                      String reason = settings.reason(v.account());
                      return v.account().name()
                          + (v.equals(own) ? " (their own)" : "")
                          + (reason == null ? "" : " (" + reason + ")");
                    })
                .collect(Collectors.joining(", "))));
    evidence.add(
        new Evidence(
            "reason tags",
            settings.reasonTags().isEmpty()
                ? "none accepted"
                : String.join(", ", settings.reasonTags()) + ": none on " + account.name()));
    evidence.add(Facts.lastActivity(account));
    return new Violation(
        extra,
        person
            + " has "
            + all.size()
            + " accounts in "
            + where
            + "; "
            + account.name()
            + " declares no reason beside "
            + own.account().name()
            + ".",
        evidence,
        fix(account, settings) + " If it is not needed: " + Remedies.disable(account));
  }

  private static String fix(Account account, Settings settings) {
    String name = Shell.quote(account.name());
    String tag = settings.reasonTags().isEmpty() ? null : settings.reasonTags().get(0);
    if (tag == null) {
      return "The profile accepts no reason tag: remove " + name + " or record an exception.";
    }
    return switch (account.key().system()) {
      case AWS_IAM ->
          "If "
              + name
              + " is needed, declare why and who approved it: aws iam tag-user --user-name "
              + name
              + " --tags "
              + Shell.quote("Key=" + tag)
              + ",Value=\"<business need; approver>\".";
      case ATLAS_DATABASE ->
          "If "
              + name
              + " is needed, label it with "
              + Shell.quote(tag)
              + " (Atlas Admin API: PATCH /api/atlas/v2/groups/"
              + UrlPath.segment(account.key().tenant())
              + "/databaseUsers/"
              // Users authenticated outside Atlas (AWS IAM, X.509, LDAP, OIDC) live in $external.
              + (account.key().nativeId().startsWith("$external/") ? "$external" : "admin")
              + "/"
              + UrlPath.segment(account.name())
              + " with labels [{key: "
              + Shell.quote(tag)
              + ", value: <business need; approver>}]).";
      default ->
          "If "
              + name
              + " is needed, record the business need and approver as an exception ("
              + account.key().system().label()
              + " accounts carry no tags rollcall reads).";
    };
  }
}
