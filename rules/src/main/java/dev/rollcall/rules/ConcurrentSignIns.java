package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SignIn;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds accounts signed in to from several places at once: evidence of sharing that no owner tag
 * shows.
 */
@RuleInfo(
    id = "concurrent-sign-ins",
    title = "Signed in from several places at once",
    summary = "One account signed in from different addresses within minutes of each other.",
    explanation =
        "An account that several people use shows itself in its sign-ins: successes from"
            + " different source IPs closer together than one person could move. rollcall reads"
            + " the latest successful sign-in from each source IP that a source records (Google"
            + " Workspace's login audit, the account's sign-ins) and flags an"
            + " account when two different IPs signed in within the window. Sources without"
            + " sign-in history are not judged; a VPN or a mobile network switching addresses can"
            + " look the same, so the finding shows the addresses and times to check. With a"
            + " CloudTrail trail configured, an AWS account (IAM user, root, Identity Center"
            + " person, federated role session name) is also flagged when two of its sessions (one"
            + " credential from one IP, events at most 30 minutes apart) were active at the same"
            + " time from different IPs.",
    severity = Severity.MEDIUM,
    family = RuleFamily.OWNERSHIP)
public final class ConcurrentSignIns implements AccountRule<ConcurrentSignIns.Settings> {
  private static final long serialVersionUID = 1L;

  /**
   * @param windowMinutes sign-ins from two addresses closer than this are "at once"
   */
  public record Settings(int windowMinutes) implements Serializable {
    public Settings {
      Ranges.within("windowMinutes", windowMinutes, 1, 1440, "minutes (a day)");
    }
  }

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess()) {
      return Optional.empty();
    }
    Optional<Violation> overlapping = overlappingSessions(view);
    if (overlapping.isPresent()) {
      return overlapping;
    }
    List<SignIn> signIns = account.signIns();
    Duration window = Duration.ofMinutes(settings.windowMinutes());
    for (int i = 0; i < signIns.size(); i++) {
      for (int j = i + 1; j < signIns.size(); j++) {
        SignIn a = signIns.get(i);
        SignIn b = signIns.get(j);
        if (!a.sourceIp().equals(b.sourceIp())
            && Duration.between(a.at(), b.at()).abs().compareTo(window) < 0) {
          long minutes = Duration.between(a.at(), b.at()).abs().toMinutes();
          return Optional.of(
              new Violation(
                  view,
                  account.name()
                      + " signed in from "
                      + a.sourceIp()
                      + " and "
                      + b.sourceIp()
                      + " "
                      + minutes
                      + " minute(s) apart.",
                  List.of(
                      new Evidence("sign-in", a.sourceIp() + " at " + a.at()),
                      new Evidence("sign-in", b.sourceIp() + " at " + b.at()),
                      new Evidence("window", settings.windowMinutes() + " minutes")),
                  remedy(view)));
        }
      }
    }
    return Optional.empty();
  }

  /** Sessions (CloudTrail) of the account active at the same time from different IPs. */
  private static Optional<Violation> overlappingSessions(AccountView view) {
    Account account = view.account();
    for (PrincipalActivity p : view.trail()) {
      if (p.overlaps().isEmpty()) {
        continue;
      }
      PrincipalActivity.SessionOverlap first = p.overlaps().get(0);
      List<Evidence> evidence = new ArrayList<>();
      for (PrincipalActivity.SessionOverlap o : p.overlaps()) {
        evidence.add(new Evidence("session", o.a().describe()));
        evidence.add(new Evidence("overlapping session", o.b().describe()));
      }
      evidence.add(
          new Evidence(
              "overlapping pairs",
              p.overlapCount()
                  + " in the trail read (a session: one credential from one IP, events at most "
                  + PrincipalActivity.SESSION_GAP.toMinutes()
                  + " minutes apart)"));
      p.busiestDay().ifPresent(d -> evidence.add(new Evidence("busiest day", d.describe())));
      return Optional.of(
          new Violation(
              view,
              account.name()
                  + " was used from "
                  + first.a().sourceIp()
                  + " and "
                  + first.b().sourceIp()
                  + " at the same time ("
                  + first.b().first()
                  + ").",
              evidence,
              remedy(view)));
    }
    return Optional.empty();
  }

  private static String remedy(AccountView view) {
    return "Ask "
        + (view.owners().isEmpty()
            ? "whoever uses " + Shell.quote(view.account().name())
            : Shell.quoteEach(view.personIds()))
        + " whether someone else signs in as them; if so, give that person an"
        + " account of their own and reset this one's password and second factor.";
  }
}
