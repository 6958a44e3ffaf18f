package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Owner;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds accounts still open after the people who own them have left. */
@RuleInfo(
    id = "access-after-termination",
    title = "Access left after termination",
    summary = "An account still grants access although every person who owns it has left.",
    explanation =
        "Access is removed at termination, within a deadline (24 hours in most policies). A"
            + " person has left when the identity provider suspends, archives or deletes them. Any"
            + " other account tied to them (by mapping, owner tag or name) that still grants access"
            + " is flagged, with the hours since they left where the directory says when. A shared"
            + " account is flagged only once all its owners have left. An IAM role owned only"
            + " through the accounts that can assume it is not flagged: those accounts are flagged"
            + " themselves, and removing them removes the way in.",
    severity = Severity.CRITICAL,
    family = RuleFamily.OWNERSHIP,
    judgesOwnership = true)
public final class AccessLeftAfterTermination
    implements AccountRule<AccessLeftAfterTermination.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param deadlineHours hours after leaving by which access must be gone
   */
  public record Settings(int deadlineHours) implements Serializable {
    public Settings {
      Ranges.within("deadlineHours", deadlineHours, 1, 8760, "hours (a year)");
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    // A directory account of someone who left is normally suspended (and grants nothing); one
    // that is still active means the HR roster says they left while the identity provider does not.
    if (!account.status().grantsAccess()
        || !view.allOwnersLeft()
        || onlyAssumedByOwners(view)
        || withinDeadline(view, account, settings)) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    for (Owner owner : view.owners()) {
      Identity person = owner.person();
      String left = person.statusEvidence();
      if (person.leftAt() != null) {
        long hours = Duration.between(person.leftAt(), account.observedAt()).toHours();
        left +=
            "; left "
                + person.leftAt()
                + ", "
                + hours
                + " hours "
                + Facts.beforeCapture(account)
                + " (deadline "
                + settings.deadlineHours()
                + " h)";
      } else {
        left += "; the directory does not say when";
      }
      evidence.add(new Evidence("owner " + person.personId(), left));
      evidence.add(new Evidence("linked by", owner.rule().description() + ": " + owner.evidence()));
    }
    evidence.add(Facts.status(account));
    evidence.add(Facts.lastActivity(account));
    return Optional.of(
        new Violation(
            view,
            account.name()
                + " in "
                + account.key().system().label()
                + " still grants access, but "
                + String.join(" and ", view.personIds())
                + (view.owners().size() == 1 ? " has" : " have")
                + " left.",
            evidence,
            Remedies.disable(account)));
  }

  /**
   * True for a role whose every owner reaches it through another account (its trust admits an
   * account they own): the finding belongs on that account, whose removal ends the access.
   */
  private static boolean onlyAssumedByOwners(AccountView view) {
    return view.account().kind() == AccountKind.ROLE
        && !view.owners().isEmpty()
        && view.owners().stream().allMatch(o -> o.rule() == LinkRule.ASSUMES_ROLE);
  }

  /**
   * True while every owner left less than the deadline ago: the policy allows that long to remove
   * access. When the directory does not say when someone left, the deadline cannot be granted.
   */
  private static boolean withinDeadline(AccountView view, Account account, Settings settings) {
    return view.owners().stream()
        .allMatch(
            o ->
                o.person().leftAt() != null
                    && Duration.between(o.person().leftAt(), account.observedAt()).toHours()
                        < settings.deadlineHours());
  }
}
