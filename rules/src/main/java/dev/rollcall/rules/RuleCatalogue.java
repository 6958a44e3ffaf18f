package dev.rollcall.rules;

import java.util.List;
import java.util.Optional;

/** Every rule rollcall has, in the order the catalogue and reports list them. */
public final class RuleCatalogue {
  private RuleCatalogue() {}

  /** The rules, one instance each. */
  public static List<Rule<?>> all() {
    return List.of(
        new AccessLeftAfterTermination(),
        new UnownedAccount(),
        new SharedAccount(),
        new ConcurrentSignIns(),
        new GenericAccountName(),
        new SeveralAccountsOneSystem(),
        new DormantAccount(),
        new NeverUsedAccount(),
        new UnusedCredential(),
        new TemporaryAccountExpired(),
        new InteractiveLoginWithoutMfa(),
        new RootAccountRisk(),
        new WeakMfaForPrivileged(),
        new ProgrammaticAccessWithoutHardwareKey(),
        new OverPrivilegedAccount(),
        new PermissiveRoleTrust(),
        new PrivilegedEverydayAccount(),
        new ServiceAccountUsedInteractively(),
        new AccessKeyNotRotated(),
        new TwoActiveAccessKeys(),
        new PasswordTooOld(),
        new TooManyAdmins(),
        new PasswordPolicyTooWeak(),
        new OrganisationMfaNotRequired());
  }

  /** The rule with this id. */
  public static Optional<Rule<?>> byId(String id) {
    return all().stream().filter(r -> r.info().id().equals(id)).findFirst();
  }
}
