package dev.rollcall.rules;

import dev.rollcall.model.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, kept on its class: the catalogue, {@code rollcall rules} and the README's rule
 * table are all generated from it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Stable id, used in profiles, fingerprints and exceptions; never changes once released. */
  String id();

  /** A short title. */
  String title();

  /** One sentence: what the rule finds. */
  String summary();

  /** Why it matters and what it looks at. */
  String explanation();

  /** The severity when the profile does not say. */
  Severity severity();

  /** Its family in the catalogue. */
  RuleFamily family();

  /**
   * Whether what it decides depends on who owns the accounts (the directory of people, the roster,
   * the mapping), not only on the accounts themselves: on a night the directory is not fully read,
   * its findings are neither raised nor resolved.
   */
  boolean judgesOwnership() default false;
}
