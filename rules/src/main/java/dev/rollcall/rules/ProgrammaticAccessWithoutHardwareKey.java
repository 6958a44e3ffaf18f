package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.Severity;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds people's accounts with API keys but no hardware second factor. */
@RuleInfo(
    id = "programmatic-access-without-hardware-key",
    title = "Programmatic access without a hardware key",
    summary =
        "A person's account has an active access key but no security key or hardware token as a"
            + " second factor.",
    explanation =
        "Some policies require a physical security key for every account with programmatic data"
            + " access (NashBio 7.12.3). A human account that grants access and has an active"
            + " access key is flagged when none of its factors is in hardwareFactors: no MFA at"
            + " all, or only app, push or SMS factors. Service accounts are out of scope (their"
            + " keys belong to a program), and so is the AWS root user (root-account-risk). Where"
            + " MFA is unknown, or on without the kind being said, nothing is claimed. It sees the"
            + " factors registered on the account, not whether a policy makes the key usable only"
            + " with MFA (aws:MultiFactorAuthPresent).",
    severity = Severity.MEDIUM,
    family = RuleFamily.MFA)
public final class ProgrammaticAccessWithoutHardwareKey
    implements AccountRule<ProgrammaticAccessWithoutHardwareKey.Settings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  /**
   * @param hardwareFactors the factor kinds that count as a hardware key
   */
  public record Settings(List<MfaFactorType> hardwareFactors) implements Serializable {
    public Settings {
      if (hardwareFactors == null || hardwareFactors.isEmpty()) {
        throw new IllegalArgumentException("hardwareFactors must name at least one factor kind");
      }
      if (hardwareFactors.contains(MfaFactorType.UNSPECIFIED)) {
        throw new IllegalArgumentException(
            "hardwareFactors cannot hold unspecified: it is what a source says when it does not"
                + " know the kind");
      }
      hardwareFactors = List.copyOf(hardwareFactors);
    }
  }

  @Override
  public Optional<Violation> check(AccountView view, Subject subject, Settings settings) {
    Account account = view.account();
    if (!account.status().grantsAccess()
        || account.kind() != AccountKind.HUMAN
        || account.isAwsRoot()) {
      return Optional.empty();
    }
    List<Credential> keys =
        account.credentials().stream()
            .filter(c -> c.active() && c.type() == CredentialType.ACCESS_KEY)
            .toList();
    if (keys.isEmpty() || !weak(account.mfa(), settings)) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    for (Credential key : keys) {
      evidence.add(
          new Evidence(
              "access key",
              key.label()
                  + (key.lastUsed() == null
                      ? ", not used"
                      : ", last used " + Facts.day(key.lastUsed()))));
    }
    evidence.add(new Evidence("MFA", MfaFactors.describe(account.mfa())));
    evidence.add(
        new Evidence("required", "one of " + MfaFactors.names(settings.hardwareFactors())));
    evidence.add(Facts.kind(account));
    return Optional.of(
        new Violation(
            view,
            account.name()
                + " has "
                + (keys.size() == 1 ? "an active access key" : keys.size() + " active access keys")
                + " but "
                + (account.mfa().state() == Mfa.State.NOT_ENABLED
                    ? "no second factor."
                    : "no hardware second factor."),
            evidence,
            fix(account)));
  }

  private static boolean weak(Mfa mfa, Settings settings) {
    return switch (mfa.state()) {
      case NOT_ENABLED -> true;
      case ENABLED ->
          !MfaFactors.hasAny(mfa, settings.hardwareFactors()) && !MfaFactors.typeUnknown(mfa);
      case UNKNOWN -> false;
    };
  }

  private static String fix(Account account) {
    String name = Shell.quote(account.name());
    return switch (account.key().system()) {
      case AWS_IAM ->
          "Replace the access key with IAM Identity Center sign-in (aws configure sso; aws sso"
              + " login opens the browser, where a security key is required), then delete the"
              + " key: aws iam delete-access-key --user-name "
              + name
              + " --access-key-id KEY_ID. If a key must stay, register a hardware TOTP token"
              + " (IAM > Users > "
              + name
              + " > Security credentials > Assign MFA device) and deny calls without"
              + " aws:MultiFactorAuthPresent, so the key works only through aws sts"
              + " get-session-token --serial-number SERIAL --token-code CODE (STS takes TOTP"
              + " codes, not FIDO keys).";
      default ->
          "Register a security key for "
              + name
              + " at its sign-in, or move its programmatic access to a short-lived credential"
              + " issued after a security-key sign-in; then revoke the long-lived key.";
    };
  }
}
