package dev.rollcall.rules;

import dev.rollcall.model.Subject;
import java.util.List;
import java.util.Optional;

/**
 * A rule that judges a person's accounts together (several accounts in one system, no standard
 * account beside the privileged ones): what it finds in one account depends on the others.
 *
 * @param <S> the type of the rule's settings
 */
public non-sealed interface PersonRule<S> extends Rule<S> {

  /** Checks the subject's accounts together; each violation names the account it is about. */
  List<Violation> check(Subject subject, S settings);

  @Override
  default Scope scope() {
    return Scope.PERSON;
  }

  @Override
  default List<Violation> findIn(Subject subject, S settings) {
    return check(subject, settings);
  }

  @Override
  default Optional<TenantViolation> findIn(TenantFacts tenant, S settings) {
    return Optional.empty();
  }
}
