package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Owner;
import dev.rollcall.model.Ownership;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds accounts that several people own. */
@RuleInfo(
    id = "shared-account",
    title = "Shared account",
    summary = "One account is tied to several people.",
    explanation =
        "Shared accounts are not allowed: nobody can tell who did what with them. An account is"
            + " shared when its strongest ownership evidence (mapping file rows, an owner tag"
            + " listing several addresses) names more than one person. An IAM role that people"
            + " assume by federation (CloudTrail) is shared when its sessions carry the addresses"
            + " of several people. An IAM role that several people can assume, each through an"
            + " account of their own, is not shared: CloudTrail's AssumeRole events name the"
            + " account each session came from; who can assume it is judged by"
            + " permissive-role-trust and over-privileged.",
    severity = Severity.HIGH,
    family = RuleFamily.OWNERSHIP,
    judgesOwnership = true)
public final class SharedAccount implements AccountRule<NoSettings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<NoSettings> settingsType() {
    return NoSettings.class;
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, NoSettings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess() || view.ownership() != Ownership.SHARED) {
      return Optional.empty();
    }
    // Each owner reaches the role through an account of their own, so its sessions are told apart.
    if (account.kind() == AccountKind.ROLE
        && view.owners().stream().allMatch(o -> o.rule() == LinkRule.ASSUMES_ROLE)) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    for (Owner owner : view.owners()) {
      evidence.add(
          new Evidence(
              "owner " + owner.person().personId(),
              owner.rule().description() + ": " + owner.evidence()));
    }
    evidence.add(Facts.kind(account));
    evidence.add(Facts.lastActivity(account));
    if (account.kind() == AccountKind.ROLE) {
      return Optional.of(
          new Violation(
              view,
              "The role " + account.name() + " is used by " + view.owners().size() + " people.",
              evidence,
              "Check that each of "
                  + Shell.quoteEach(view.personIds())
                  + " needs "
                  + Shell.quote(account.name())
                  + "; give people whose needs differ a role or permission set of their own, and"
                  + " keep every session named by the person's address so CloudTrail tells them"
                  + " apart."));
    }
    return Optional.of(
        new Violation(
            view,
            account.name() + " is used by " + view.owners().size() + " people.",
            evidence,
            "Give each of "
                + Shell.quoteEach(view.personIds())
                + " a named account with the access they need, move any automation to a service"
                + " account with one owner, then remove "
                + Shell.quote(account.name())
                + ". "
                + Remedies.disable(account)));
  }
}
