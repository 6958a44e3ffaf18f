package dev.rollcall.rules;

import dev.rollcall.model.AccountView;
import java.util.Optional;

/** Runs one rule on one account in its own subject. */
final class RuleCheck {
  private RuleCheck() {}

  static <S> Optional<Violation> run(Rule<S> rule, S settings, AccountView view) {
    return rule.findIn(Fixtures.subjectOf(view), settings).stream().findFirst();
  }

  static <S> boolean flags(Rule<S> rule, S settings, AccountView view) {
    return run(rule, settings, view).isPresent();
  }
}
