package dev.rollcall.rules;

import dev.rollcall.model.Subject;
import java.util.List;
import java.util.Optional;

/**
 * A rule about a tenant as a whole (an AWS account, a Google Workspace, an Atlas organisation): its
 * settings or a count over its accounts, rather than one person's accounts. It has a policy profile
 * entry like any rule; its findings carry the tenant's key ({@link TenantFacts#key()}).
 *
 * @param <S> the type of the rule's settings
 */
public non-sealed interface TenantRule<S> extends Rule<S> {

  /** Checks one tenant; empty when it keeps the policy. */
  Optional<TenantViolation> check(TenantFacts tenant, S settings);

  @Override
  default Scope scope() {
    return Scope.TENANT;
  }

  @Override
  default List<Violation> findIn(Subject subject, S settings) {
    return List.of();
  }

  @Override
  default Optional<TenantViolation> findIn(TenantFacts tenant, S settings) {
    return check(tenant, settings);
  }
}
