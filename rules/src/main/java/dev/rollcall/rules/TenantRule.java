package dev.rollcall.rules;

import dev.rollcall.model.AccountView;
import dev.rollcall.model.Subject;
import java.util.Optional;

/**
 * A rule about a tenant as a whole (an AWS account, a Google Workspace, an Atlas organisation): its
 * settings or a count over its accounts, rather than one person's accounts. It has a policy profile
 * entry like any rule; its findings carry the tenant's key ({@link TenantFacts#key()}).
 *
 * @param <S> the type of the rule's settings
 */
public interface TenantRule<S> extends Rule<S> {

  /** Checks one tenant; empty when it keeps the policy. */
  Optional<TenantViolation> check(TenantFacts tenant, S settings);

  /** Tenant rules do not look at accounts one by one. */
  @Override
  default Optional<Violation> check(AccountView view, Subject subject, S settings) {
    return Optional.empty();
  }
}
