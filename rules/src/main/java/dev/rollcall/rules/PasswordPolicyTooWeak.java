package dev.rollcall.rules;

import dev.rollcall.model.Evidence;
import dev.rollcall.model.PasswordPolicy;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds AWS accounts whose password policy is weaker than the written policy's. */
@RuleInfo(
    id = "password-policy-weaker-than-policy",
    title = "Password policy weaker than the written policy",
    summary = "An AWS account's password policy is missing or weaker than the written policy.",
    explanation =
        "Written policies fix a minimum length, the character sets a password mixes, an expiry"
            + " and a reuse history (e.g. 8 characters, upper and lower case with numbers or"
            + " symbols, 90 days, the last 6 passwords). The account password policy of every"
            + " audited AWS account (aws iam get-account-password-policy) is compared with them;"
            + " an account with no policy at all (AWS answers NoSuchEntity) lets IAM users set any"
            + " password; a snapshot that did not capture the policy is not judged. Google Workspace"
            + " and Atlas password settings are not visible through their APIs and are not judged.",
    severity = Severity.MEDIUM,
    family = RuleFamily.TENANT)
public final class PasswordPolicyTooWeak implements TenantRule<PasswordPolicyTooWeak.Settings> {
  private static final long serialVersionUID = 1L;

  /**
   * @param minimumLength the shortest password allowed
   * @param minimumCharacterClasses how many of upper case, lower case, numbers and symbols must be
   *     required (0 to 4)
   * @param maxAgeDays the longest a password may live; null when the policy sets no expiry
   * @param reusePrevention how many earlier passwords may not be reused; null for no requirement
   */
  public record Settings(
      int minimumLength, int minimumCharacterClasses, Integer maxAgeDays, Integer reusePrevention)
      implements Serializable {
    public Settings {
      Ranges.within("minimumLength", minimumLength, 1, 128, "characters");
      Ranges.within("minimumCharacterClasses", minimumCharacterClasses, 0, 4, "classes");
      if (maxAgeDays != null) {
        // AWS's own range for MaxPasswordAge.
        Ranges.within("maxAgeDays", maxAgeDays, 1, 1095, "days (AWS's range)");
      }
      if (reusePrevention != null) {
        Ranges.within("reusePrevention", reusePrevention, 1, 24, "passwords (AWS's range)");
      }
    }
  }

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  @Override
  public Optional<TenantViolation> check(TenantFacts tenant, Settings settings) {
    // A snapshot without the policy file did not ask: say nothing rather than "none set".
    if (tenant.system() != SourceSystem.AWS_IAM || !tenant.settings().passwordPolicyKnown()) {
      return Optional.empty();
    }
    PasswordPolicy policy = tenant.settings().passwordPolicy();
    String fix = remedy(tenant, settings);
    if (policy == null) {
      return Optional.of(
          new TenantViolation(
              tenant.label() + " has no password policy: IAM users may set any password.",
              List.of(new Evidence("password policy", "none set"), wanted(settings)),
              fix));
    }
    List<String> gaps = new ArrayList<>();
    int length = policy.minimumLength() == null ? 8 : policy.minimumLength();
    if (length < settings.minimumLength()) {
      gaps.add("minimum length " + length + " < " + settings.minimumLength());
    }
    int classes =
        (policy.requireUppercase() ? 1 : 0)
            + (policy.requireLowercase() ? 1 : 0)
            + (policy.requireNumbers() ? 1 : 0)
            + (policy.requireSymbols() ? 1 : 0);
    if (classes < settings.minimumCharacterClasses()) {
      gaps.add("requires " + classes + " character set(s) < " + settings.minimumCharacterClasses());
    }
    if (settings.maxAgeDays() != null
        && (policy.maxAgeDays() == null || policy.maxAgeDays() > settings.maxAgeDays())) {
      gaps.add(
          (policy.maxAgeDays() == null
                  ? "passwords never expire"
                  : "passwords expire after " + policy.maxAgeDays() + " days")
              + " > "
              + settings.maxAgeDays());
    }
    if (settings.reusePrevention() != null
        && (policy.reusePrevention() == null
            || policy.reusePrevention() < settings.reusePrevention())) {
      gaps.add(
          "remembers "
              + (policy.reusePrevention() == null ? 0 : policy.reusePrevention())
              + " earlier password(s) < "
              + settings.reusePrevention());
    }
    if (gaps.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TenantViolation(
            tenant.label()
                + "'s password policy is weaker than the written policy: "
                + String.join("; ", gaps)
                + ".",
            List.of(new Evidence("password policy", describe(policy)), wanted(settings)),
            fix));
  }

  private static Evidence wanted(Settings settings) {
    return new Evidence(
        "written policy",
        "at least "
            + settings.minimumLength()
            + " characters, "
            + settings.minimumCharacterClasses()
            + " character sets"
            + (settings.maxAgeDays() == null ? "" : ", expiry " + settings.maxAgeDays() + " days")
            + (settings.reusePrevention() == null
                ? ""
                : ", no reuse of the last " + settings.reusePrevention()));
  }

  private static String describe(PasswordPolicy policy) {
    List<String> sets = new ArrayList<>();
    if (policy.requireUppercase()) {
      sets.add("upper case");
    }
    if (policy.requireLowercase()) {
      sets.add("lower case");
    }
    if (policy.requireNumbers()) {
      sets.add("numbers");
    }
    if (policy.requireSymbols()) {
      sets.add("symbols");
    }
    return "minimum length "
        + (policy.minimumLength() == null ? "8 (AWS default)" : policy.minimumLength())
        + "; requires "
        + (sets.isEmpty() ? "no character set" : String.join(", ", sets))
        + "; "
        + (policy.maxAgeDays() == null ? "no expiry" : "expiry " + policy.maxAgeDays() + " days")
        + "; "
        + (policy.reusePrevention() == null
            ? "no reuse history"
            : "remembers " + policy.reusePrevention());
  }

  private static String remedy(TenantFacts tenant, Settings settings) {
    StringBuilder cli =
        new StringBuilder("aws iam update-account-password-policy --minimum-password-length ")
            .append(Math.max(settings.minimumLength(), 8));
    if (settings.minimumCharacterClasses() > 0) {
      cli.append(" --require-uppercase-characters --require-lowercase-characters");
    }
    if (settings.minimumCharacterClasses() > 2) {
      cli.append(" --require-numbers");
    }
    if (settings.minimumCharacterClasses() > 3) {
      cli.append(" --require-symbols");
    }
    if (settings.maxAgeDays() != null) {
      cli.append(" --max-password-age ").append(settings.maxAgeDays());
    }
    if (settings.reusePrevention() != null) {
      cli.append(" --password-reuse-prevention ").append(settings.reusePrevention());
    }
    return "In "
        + tenant.quotedLabel()
        + ": IAM console → Account settings → Password policy → Edit, or run `"
        + cli
        + "` with that account's credentials.";
  }
}
