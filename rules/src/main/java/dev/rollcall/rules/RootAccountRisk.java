package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds an AWS root user that is unprotected, has keys, or is in everyday use. */
@RuleInfo(
    id = "root-account-risk",
    title = "AWS root user at risk or in use",
    summary =
        "The AWS root user lacks (hardware) MFA, has an active access key, or was used recently.",
    explanation =
        "Policies disable vendor default accounts, the root user included, and require a second"
            + " factor for all access. The AWS root user cannot be disabled or limited, so it must"
            + " be locked away: a hardware MFA device (FIDO security key or hardware TOTP), no"
            + " access keys, and no use except the few tasks only root can do. One finding lists"
            + " every reason: no MFA while root can sign in; MFA without a hardware factor (when"
            + " requireHardwareMfa); an active root access key; a use (the credential report's"
            + " password or key last use) within recentUseDays of capture. Where the source says"
            + " MFA is on but not which device (the IAM device listings may not show a root hardware"
            + " device), nothing is claimed about its kind; MFA unknown is not called"
            + " missing. It reads the credential report only: CloudTrail, SCPs and centrally"
            + " removed root credentials beyond what the report shows are not seen.",
    severity = Severity.CRITICAL,
    family = RuleFamily.MFA)
public final class RootAccountRisk implements AccountRule<RootAccountRisk.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param requireHardwareMfa whether MFA without a security key or hardware TOTP is flagged
   * @param recentUseDays a root use at most this many days before capture is flagged
   */
  public record Settings(boolean requireHardwareMfa, int recentUseDays) implements Serializable {
    public Settings {
      Ranges.days("recentUseDays", recentUseDays);
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    if (!account.isAwsRoot() || !account.status().grantsAccess()) {
      return Optional.empty();
    }
    String tenant = account.key().tenant();
    List<String> reasons = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    Mfa mfa = account.mfa();
    // Without a console password (credentials removed centrally) nobody can sign in as root, so a
    // missing or weak factor does not matter.
    if (account.hasInteractiveLogin()) {
      if (mfa.state() == Mfa.State.NOT_ENABLED) {
        reasons.add("no MFA");
        evidence.add(new Evidence("MFA", MfaFactors.describe(mfa)));
        fixes.add(Remedies.enableMfa(account));
      } else if (mfa.state() == Mfa.State.ENABLED
          && settings.requireHardwareMfa()
          && !MfaFactors.hasAny(mfa, MfaFactors.HARDWARE)
          && !MfaFactors.typeUnknown(mfa)) {
        reasons.add("MFA without a hardware device");
        evidence.add(new Evidence("MFA", MfaFactors.describe(mfa)));
        evidence.add(new Evidence("required", MfaFactors.names(MfaFactors.HARDWARE)));
        fixes.add(MfaRemedies.strongerFactor(account));
      }
    }
    List<Credential> keys =
        account.credentials().stream()
            .filter(c -> c.active() && c.type() == CredentialType.ACCESS_KEY)
            .toList();
    if (!keys.isEmpty()) {
      reasons.add(keys.size() == 1 ? "an active access key" : keys.size() + " active access keys");
      for (Credential key : keys) {
        evidence.add(
            new Evidence(
                "root access key",
                key.label()
                    + (key.created() == null ? "" : ", created " + Facts.day(key.created()))
                    + (key.lastUsed() == null
                        ? ", never used"
                        : ", last used " + Facts.day(key.lastUsed()))));
      }
      fixes.add(removeKeys(tenant));
    }
    Activity activity = account.lastActivity();
    if (activity.state() == Activity.State.USED) {
      long days = Facts.daysBetween(activity.at(), account.observedAt());
      if (days <= settings.recentUseDays()) {
        reasons.add("used " + days + " days " + Facts.beforeCapture(account));
        evidence.add(Facts.lastActivity(account));
        evidence.add(new Evidence("recent use window", settings.recentUseDays() + " days"));
        fixes.add(stopUse(tenant));
      }
    }
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            view,
            "The AWS root user of account " + tenant + ": " + String.join("; ", reasons) + ".",
            evidence,
            String.join(" ", fixes)));
  }

  private static String removeKeys(String tenant) {
    return "Sign in as root to account "
        + Shell.quote(tenant)
        + " > Security credentials > Access keys: make each key inactive, then delete it, after"
        + " moving whatever used it to an IAM role (CloudTrail events with userIdentity.type Root"
        + " and an accessKeyId show the callers).";
  }

  private static String stopUse(String tenant) {
    return "Find what root was used for in account "
        + Shell.quote(tenant)
        + " (aws cloudtrail lookup-events --lookup-attributes"
        + " AttributeKey=Username,AttributeValue=root), give that task to an IAM role, and alert"
        + " on every root sign-in (an EventBridge rule on ConsoleLogin with userIdentity.type"
        + " Root). With AWS Organizations, turn on centralized root access (aws iam"
        + " enable-organizations-root-credentials-management) and delete the member account's"
        + " root credentials from the management account (aws sts assume-root with the"
        + " IAMDeleteRootUserCredentials task policy).";
  }
}
