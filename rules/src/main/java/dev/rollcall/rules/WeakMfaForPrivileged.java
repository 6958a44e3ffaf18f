package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds privileged accounts whose second factor is weaker than the policy wants. */
@RuleInfo(
    id = "weak-mfa-for-privileged",
    title = "Weak MFA on a privileged account",
    summary =
        "An account with administrator or privilege-escalating rights has MFA, but no factor of"
            + " the kinds the policy requires.",
    explanation =
        "An administrator's second factor is what stands between a phished password and the"
            + " whole tenant; SMS, push and app codes can be phished or relayed, security keys and"
            + " passkeys cannot. An account that grants access, holds an admin or"
            + " privilege-escalation grant and has MFA enabled is flagged when none of its"
            + " registered factors is in requiredFactors. MFA not enabled is left to"
            + " interactive-login-without-mfa, and the AWS root user to root-account-risk. Where"
            + " the source says MFA is on but not which factor (the AWS credential report's"
            + " mfa_active, Google's 2SV enrolment without login audit events) nothing is claimed;"
            + " MFA unknown is never flagged. It sees the factors registered (AWS MFA devices) or"
            + " used at sign-in (Google login audit), not which factor a sign-in policy enforces.",
    severity = Severity.HIGH,
    family = RuleFamily.MFA)
public final class WeakMfaForPrivileged implements AccountRule<WeakMfaForPrivileged.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param requiredFactors the factor kinds a privileged account must have one of
   */
  public record Settings(List<MfaFactorType> requiredFactors) implements Serializable {
    public Settings {
      if (requiredFactors == null || requiredFactors.isEmpty()) {
        throw new IllegalArgumentException("requiredFactors must name at least one factor kind");
      }
      if (requiredFactors.contains(MfaFactorType.UNSPECIFIED)) {
        throw new IllegalArgumentException(
            "requiredFactors cannot hold unspecified: it is what a source says when it does not"
                + " know the kind");
      }
      requiredFactors = List.copyOf(requiredFactors);
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    Mfa mfa = account.mfa();
    if (!account.status().grantsAccess()
        || account.isAwsRoot()
        || mfa.state() != Mfa.State.ENABLED
        || MfaFactors.hasAny(mfa, settings.requiredFactors())
        || MfaFactors.typeUnknown(mfa)) {
      return Optional.empty();
    }
    List<Grant> privileged =
        account.grants().stream()
            .filter(g -> g.level().atLeast(PrivilegeLevel.PRIVILEGE_ESCALATION))
            .toList();
    if (privileged.isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("MFA", MfaFactors.describe(mfa)));
    evidence.add(
        new Evidence("required", "one of " + MfaFactors.names(settings.requiredFactors())));
    for (Grant grant : privileged) {
      evidence.add(
          new Evidence(
              "grant",
              grant.name()
                  + " ("
                  + grant.level().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                  + ", on "
                  + grant.scope()
                  + ")"));
    }
    evidence.add(Facts.lastActivity(account));
    String held =
        mfa.factors().stream()
            .map(f -> MfaFactors.name(f.type()))
            .distinct()
            .collect(java.util.stream.Collectors.joining(", "));
    return Optional.of(
        new Violation(
            view,
            account.name()
                + " holds "
                + privileged.get(0).name()
                + (privileged.size() > 1 ? " and more" : "")
                + " but its second factor is only "
                + held
                + ".",
            evidence,
            MfaRemedies.strongerFactor(account)));
  }
}
