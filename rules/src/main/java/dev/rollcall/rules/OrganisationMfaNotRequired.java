package dev.rollcall.rules;

import dev.rollcall.model.Evidence;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import java.util.List;
import java.util.Optional;

/** Finds Atlas organisations that do not require MFA of their members. */
@RuleInfo(
    id = "organisation-mfa-not-required",
    title = "Organisation does not require MFA",
    summary = "An Atlas organisation lets its members sign in without a second factor.",
    explanation =
        "Atlas keeps no per-user MFA state that its API shows, so the organisation's own"
            + " setting (multiFactorAuthRequired) is the control the written policy can be"
            + " checked against: without it, every member's MFA is unknown. An organisation"
            + " whose settings could not be read is not judged.",
    severity = Severity.HIGH,
    family = RuleFamily.TENANT)
public final class OrganisationMfaNotRequired implements TenantRule<NoSettings> {
  private static final long serialVersionUID = 1L;

  @Override
  public Class<NoSettings> settingsType() {
    return NoSettings.class;
  }

  @Override
  public Optional<TenantViolation> check(TenantFacts tenant, NoSettings settings) {
    if (tenant.system() != SourceSystem.ATLAS_ORG
        || !Boolean.FALSE.equals(tenant.settings().mfaRequired())) {
      return Optional.empty();
    }
    long members =
        tenant.accounts().stream()
            .filter(a -> a.key().system() == SourceSystem.ATLAS_ORG)
            .filter(a -> a.status().grantsAccess())
            .count();
    return Optional.of(
        new TenantViolation(
            tenant.label() + " does not require multi-factor authentication of its members.",
            List.of(
                new Evidence("multiFactorAuthRequired", "false (organisation settings)"),
                new Evidence("members with access", Long.toString(members))),
            "Atlas → Organization Settings → Require Multi-Factor Authentication → On, or `PATCH"
                + " /api/atlas/v2/orgs/"
                + UrlPath.segment(tenant.tenant())
                + "/settings` with {\"multiFactorAuthRequired\": true}; better still, federate the"
                + " organisation with the identity provider that enforces MFA."));
  }
}
