package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds tenants with more administrators than the policy allows. */
@RuleInfo(
    id = "too-many-admins",
    title = "Too many administrators",
    summary = "A tenant has more accounts with administrator rights than the policy allows.",
    explanation =
        "Least privilege keeps the number of administrators small (Google recommends no more than"
            + " a handful of super admins). The accounts that grant access and hold an"
            + " administrator grant (Google super admin, AWS AdministratorAccess or *:*, Atlas"
            + " organisation owner) are counted per tenant, users that reach one by assuming"
            + " roles too. IAM roles are not counted themselves: who can assume them is counted"
            + " through their own users, or in Identity Center and the identity provider. The AWS"
            + " root user is not counted: it exists in every account.",
    severity = Severity.MEDIUM,
    family = RuleFamily.TENANT)
public final class TooManyAdmins implements TenantRule<TooManyAdmins.Settings> {
  private static final long serialVersionUID = 1L;

  /**
   * @param max administrators allowed per tenant
   * @param maxBySystem a different limit for some systems
   */
  public record Settings(int max, Map<SourceSystem, Integer> maxBySystem) implements Serializable {
    public Settings {
      Ranges.within("max", max, 1, 100_000, "accounts");
      maxBySystem = maxBySystem == null ? Map.of() : Map.copyOf(maxBySystem);
      maxBySystem.forEach(
          (system, limit) -> {
            if (limit == null) {
              throw new IllegalArgumentException("maxBySystem." + system + " must be a number");
            }
            Ranges.within("maxBySystem." + system, limit, 1, 100_000, "accounts");
          });
    }

    int limitFor(SourceSystem system) {
      return maxBySystem.getOrDefault(system, max);
    }
  }

  @Override
  public Class<Settings> settingsType() {
    return Settings.class;
  }

  @Override
  public Optional<TenantViolation> check(TenantFacts tenant, Settings settings) {
    List<String> admins =
        tenant.accounts().stream()
            .filter(a -> a.status().grantsAccess())
            .filter(a -> !a.isAwsRoot())
            .filter(TooManyAdmins::isAdmin)
            .map(Account::name)
            .sorted()
            .toList();
    int limit = settings.limitFor(tenant.system());
    if (admins.size() <= limit) {
      return Optional.empty();
    }
    return Optional.of(
        new TenantViolation(
            tenant.label() + " has " + admins.size() + " administrators (limit " + limit + ").",
            List.of(
                new Evidence("administrators", String.join(", ", admins)),
                new Evidence("limit", Integer.toString(limit))),
            "Keep at most "
                + limit
                + " administrators in "
                + tenant.quotedLabel()
                + ": give the others a role that fits their work (for Google: Admin console →"
                + " Account → Admin roles → Super Admin → Admins → Unassign role; for AWS: detach"
                + " AdministratorAccess and grant a narrower policy or permission set)."));
  }

  private static boolean isAdmin(Account account) {
    return account.kind() != dev.rollcall.model.AccountKind.ROLE
        && account.grants().stream().anyMatch(g -> g.level() == PrivilegeLevel.ADMIN);
  }
}
