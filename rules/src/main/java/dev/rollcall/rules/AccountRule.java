package dev.rollcall.rules;

import dev.rollcall.model.AccountView;
import dev.rollcall.model.Subject;
import java.util.List;
import java.util.Optional;

/**
 * A rule that judges each account on its own (dormant, no MFA, an old key); its subject, the person
 * who owns the account, is there for the evidence.
 *
 * @param <S> the type of the rule's settings
 */
public non-sealed interface AccountRule<S> extends Rule<S> {

  /** Checks one account. */
  Optional<Violation> check(AccountView view, Subject subject, S settings);

  @Override
  default Scope scope() {
    return Scope.ACCOUNT;
  }

  /** Checks every account of the subject. */
  @Override
  default List<Violation> findIn(Subject subject, S settings) {
    return subject.accounts().stream()
        .map(view -> check(view, subject, settings))
        .flatMap(Optional::stream)
        .toList();
  }

  @Override
  default Optional<TenantViolation> findIn(TenantFacts tenant, S settings) {
    return Optional.empty();
  }
}
