package dev.rollcall.rules;

import dev.rollcall.model.AccountView;
import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A detection rule: reads one subject (a person with their accounts, or one unowned account) with
 * the rule's settings from the policy profile, and says which accounts break the policy. Each
 * implementation carries {@link RuleInfo}. Rules are stateless and serializable, because they run
 * on Spark executors.
 *
 * @param <S> the type of the rule's settings (its {@code with:} block in the profile)
 */
public interface Rule<S> extends Serializable {

  /** The type its {@code with:} block in the policy profile is read into. */
  Class<S> settingsType();

  /** Checks every account of the subject. */
  default List<Violation> check(Subject subject, S settings) {
    return subject.accounts().stream()
        .map(view -> check(view, subject, settings))
        .flatMap(Optional::stream)
        .toList();
  }

  /** Checks one account; per-account rules implement only this. */
  Optional<Violation> check(AccountView view, Subject subject, S settings);

  /** This rule's metadata. */
  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
    }
    return info;
  }
}
