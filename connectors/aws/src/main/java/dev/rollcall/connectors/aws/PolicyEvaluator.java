package dev.rollcall.connectors.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS's evaluation logic for identity policies, for one principal and one request: an explicit Deny
 * in any policy wins; otherwise an Allow in any policy allows; a permissions boundary must allow
 * too (its own Deny denies). Each policy's conditions are decided by {@link Conditions} in a world
 * with MFA and one without, so that an answer is unconditional, only with MFA, or conditional.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 *
 * <p>An action or resource may be a pattern standing for many ({@code s3:*}, {@code
 * arn:aws:lambda:*:111122223333:function:*}): {@code every = false} asks whether some of them is
 * allowed, {@code every = true} whether all are.
 */
final class PolicyEvaluator {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  /** How an allowed request holds. */
  enum Qualifier {
    UNCONDITIONAL("unconditional"),
    MFA_ONLY("only with MFA"),
    CONDITIONAL("conditional: a condition the snapshot cannot decide");

    final String text;

    Qualifier(String text) {
      this.text = text;
    }

    /** The weaker of two: a chain of needs holds only as well as its weakest step. */
    Qualifier weaker(Qualifier other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  /** An allowed request: how it holds and the Allow statements that grant it. */
  record Access(Qualifier qualifier, List<IamStatement> statements) {
    Access {
      statements = List.copyOf(statements);
    }
  }

  private PolicyEvaluator() {}

  /** Whether {@code who} may do {@code action} on {@code resource}; empty when it may not. */
  static Optional<Access> access(IamPrincipal who, String action, String resource, boolean every) {
    Tri plain = decide(who, action, resource, every, false);
    Tri withMfa = decide(who, action, resource, every, true);
    Optional<Qualifier> held = qualifier(plain, withMfa);
    if (held.isEmpty()) {
      return Optional.empty();
    }
    Qualifier qualifier = held.get();
    boolean mfaWorld =
        qualifier == Qualifier.MFA_ONLY
            || (qualifier == Qualifier.CONDITIONAL && withMfa == Tri.UNKNOWN);
    List<IamStatement> granting = new ArrayList<>();
    for (IamPolicy policy : who.policies()) {
      for (IamStatement s : policy.statements()) {
        if (s.allow()
            && applies(s, who, action, resource, every)
            && holds(s, who, mfaWorld) != Tri.FALSE) {
          granting.add(s);
        }
      }
    }
    return Optional.of(new Access(qualifier, granting));
  }

  /**
   * How a request holds, from its answers in the world without MFA and the world with it; empty
   * when it is denied in both.
   */
  static Optional<Qualifier> qualifier(Tri plain, Tri withMfa) {
    if (plain == Tri.TRUE) {
      return Optional.of(Qualifier.UNCONDITIONAL);
    }
    if (withMfa == Tri.TRUE) {
      return Optional.of(Qualifier.MFA_ONLY);
    }
    if (plain == Tri.UNKNOWN || withMfa == Tri.UNKNOWN) {
      return Optional.of(Qualifier.CONDITIONAL);
    }
    return Optional.empty();
  }

  /**
   * Whether an explicit Deny (in an identity policy or the boundary) reaches a concrete request:
   * what still stops a request that a resource-based policy, such as a role's trust naming the
   * principal, allows on its own.
   */
  static Tri denied(IamPrincipal who, String action, String resource, boolean mfa) {
    Tri deny = Tri.FALSE;
    List<IamPolicy> all = new ArrayList<>(who.policies());
    who.boundary().ifPresent(all::add);
    for (IamPolicy policy : all) {
      for (IamStatement s : policy.statements()) {
        if (!s.allow() && applies(s, who, action, resource, false)) {
          deny = deny.or(holds(s, who, mfa));
        }
      }
    }
    return deny;
  }

  /** Whether identity policies and boundary allow a request in one world (with MFA or not). */
  static Tri decide(IamPrincipal who, String action, String resource, boolean every, boolean mfa) {
    Tri identity = allowedBy(who.policies(), who, action, resource, every, mfa);
    if (who.boundary().isEmpty()) {
      return identity;
    }
    return identity.and(
        allowedBy(List.of(who.boundary().get()), who, action, resource, every, mfa));
  }

  /** Some Allow applies and holds, and no Deny applies and holds (Kleene logic). */
  private static Tri allowedBy(
      List<IamPolicy> policies,
      IamPrincipal who,
      String action,
      String resource,
      boolean every,
      boolean mfa) {
    Tri allow = Tri.FALSE;
    Tri deny = Tri.FALSE;
    for (IamPolicy policy : policies) {
      for (IamStatement s : policy.statements()) {
        if (s.allow()) {
          if (applies(s, who, action, resource, every)) {
            allow = allow.or(holds(s, who, mfa));
          }
        } else if (applies(s, who, action, resource, !every)) {
          // A Deny takes away "some" only when it covers them all, and "all" when it reaches any.
          deny = deny.or(holds(s, who, mfa));
        }
      }
    }
    return allow.and(deny.not());
  }

  /** Whether the statement reaches the request; {@code cover} asks for all of it. */
  private static boolean applies(
      IamStatement s, IamPrincipal who, String action, String resource, boolean cover) {
    return reach(s.actions(), s.notAction(), action, cover, true)
        && reach(resolved(s, who), s.notResource(), resource, cover, false);
  }

  /**
   * Whether an Allow's Action (NotAction when {@code not}) reaches some of {@code action}: what
   * {@link #access} with {@code every = false} asks of an action before it looks at resources and
   * conditions, so no Allow of a principal reaching it means no access.
   */
  static boolean mayReachAction(List<String> patterns, boolean not, String action) {
    return reach(patterns, not, action, false, true);
  }

  private static boolean reach(
      List<String> patterns, boolean not, String candidate, boolean cover, boolean ignoreCase) {
    // NotX reaches everything it does not list. (Loops, not streams: this runs for every
    // statement of every policy on every request a principal is asked about.)
    for (String p : patterns) {
      boolean hit =
          cover != not
              ? Globs.covers(p, candidate, ignoreCase)
              : Globs.overlaps(p, candidate, ignoreCase);
      if (hit) {
        return !not;
      }
    }
    return not;
  }

  /** The statement's condition, UNKNOWN too when a resource names a variable we cannot fill. */
  private static Tri holds(IamStatement s, IamPrincipal who, boolean mfa) {
    Tri condition = Conditions.holds(s.conditions(), who, mfa);
    for (String r : s.resources()) {
      if (hasVariable(r) && substitute(r, who) == null) {
        return condition.and(Tri.UNKNOWN);
      }
    }
    return condition;
  }

  private static List<String> resolved(IamStatement s, IamPrincipal who) {
    if (!anyVariable(s.resources())) {
      return s.resources(); // most statements name no variable: nothing to fill
    }
    List<String> out = new ArrayList<>();
    for (String r : s.resources()) {
      String value = substitute(r, who);
      out.add(value == null ? VARIABLE.matcher(r).replaceAll("*") : value);
    }
    return out;
  }

  private static boolean anyVariable(List<String> patterns) {
    for (String p : patterns) {
      if (hasVariable(p)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a pattern may name a policy variable ({@code ${...}}): the regex need not look. */
  private static boolean hasVariable(String pattern) {
    return pattern.indexOf("${") >= 0;
  }

  /**
   * Fills policy variables the principal decides; null when one is not decided here.
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
   */
  private static String substitute(String pattern, IamPrincipal who) {
    if (!hasVariable(pattern)) {
      return pattern;
    }
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value;
      if (name.equals("*") || name.equals("?") || name.equals("$")) {
        value = name;
      } else if (name.equalsIgnoreCase("aws:username")) {
        value = who.name();
      } else if (name.regionMatches(true, 0, "aws:PrincipalTag/", 0, 17)) {
        value =
            who.tags().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name.substring(17)))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
      } else {
        value = null;
      }
      if (value == null) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
