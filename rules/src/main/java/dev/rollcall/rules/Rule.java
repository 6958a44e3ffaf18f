package dev.rollcall.rules;

import dev.rollcall.model.Subject;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A detection rule, of one of three kinds: an {@link AccountRule} judges each account of a subject
 * (a person with their accounts, or one unowned account) on its own, a {@link PersonRule} judges a
 * subject's accounts together, a {@link TenantRule} judges a tenant as a whole. Each kind answers
 * both questions the detector asks, so no caller needs to know which kind a rule is. Each
 * implementation carries {@link RuleInfo}. Rules are stateless and serializable, because they run
 * on Spark executors.
 *
 * @param <S> the type of the rule's settings (its {@code with:} block in the profile, where its
 *     defaults live too)
 */
public sealed interface Rule<S> extends Serializable permits AccountRule, PersonRule, TenantRule {

  /** What a rule judges: one account, one person's accounts together, or one tenant. */
  enum Scope {
    ACCOUNT,
    PERSON,
    TENANT
  }

  /** The type its {@code with:} block in the policy profile is read into. */
  Class<S> settingsType();

  /** What this rule judges. */
  Scope scope();

  /** What the rule finds in one subject; a tenant rule finds nothing here. */
  List<Violation> findIn(Subject subject, S settings);

  /** What the rule finds in one tenant; account and person rules find nothing here. */
  Optional<TenantViolation> findIn(TenantFacts tenant, S settings);

  /** This rule's metadata. */
  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
    }
    return info;
  }
}
