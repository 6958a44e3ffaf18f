package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Owner;
import dev.rollcall.model.Ownership;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds accounts that no person in the directory owns. */
@RuleInfo(
    id = "unowned-account",
    title = "Unowned account",
    summary = "An account that grants access is tied to no person in the directory.",
    explanation =
        "Every account needs an accountable person, service accounts included. An account is"
            + " owned when the mapping file, an owner/email tag, or its email-shaped name ties it"
            + " to a person of the identity provider. Otherwise it is flagged, with any owner claim"
            + " that named an address nobody in the directory has. An IAM role whose trust policy"
            + " admits someone is not flagged: it is owned by the people who can assume it, a"
            + " service role has no person by design, and its trust is judged by"
            + " permissive-role-trust; a role seen only in CloudTrail (no trust read) still is.",
    severity = Severity.HIGH,
    family = RuleFamily.OWNERSHIP,
    judgesOwnership = true)
public final class UnownedAccount implements AccountRule<NoSettings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<NoSettings> settingsType() {
    return NoSettings.class;
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, NoSettings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess() || view.ownership() != Ownership.UNOWNED) {
      return Optional.empty();
    }
    // A role's trust says who can take it on; with no person behind it (a service, an identity
    // provider whose users the snapshot lacks) that trust is shown and judged elsewhere.
    if (account.kind() == AccountKind.ROLE && !account.assumers().isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("name", account.name()));
    for (String claim : view.unresolvedClaims()) {
      evidence.add(new Evidence("owner claim matching nobody", claim));
    }
    for (Owner probable : view.probableOwners()) {
      evidence.add(
          new Evidence(
              "probable owner (name match only, not enough to own it)",
              probable.person().personId() + " (" + probable.evidence() + ")"));
    }
    evidence.add(Facts.kind(account));
    evidence.add(Facts.lastActivity(account));
    return Optional.of(
        new Violation(
            view,
            account.name()
                + " in "
                + account.key().system().label()
                + " "
                + account.key().tenant()
                + " belongs to no one in the directory.",
            evidence,
            "Find who uses "
                + Shell.quote(account.name())
                + " and record it: an owner tag with their company email (AWS: aws iam tag-user"
                + " --user-name "
                + Shell.quote(account.name())
                + " --tags Key=owner,Value=EMAIL; Atlas: a label owner=EMAIL) or a row in the"
                + " mapping file. If nobody claims it: "
                + Remedies.disable(account)));
  }
}
