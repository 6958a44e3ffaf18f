package dev.rollcall.connectors.aws;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Decides a statement's Condition block where the snapshot decides it, in one of two worlds: a
 * request made with MFA or without. Dates on {@code aws:CurrentTime} and {@code aws:TokenIssueTime}
 * are compared with the capture time (a session issued now); {@code aws:PrincipalTag/K} with the
 * principal's own tags; {@code aws:MultiFactorAuthPresent} and {@code aws:MultiFactorAuthAge} by
 * the world. Everything else is {@link Tri#UNKNOWN}: shown as conditional, never dropped.
 * Operators:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
final class Conditions {
  private Conditions() {}

  /** All clauses must hold. */
  static Tri holds(List<IamStatement.Clause> clauses, IamPrincipal who, boolean mfa) {
    Tri result = Tri.TRUE;
    for (IamStatement.Clause clause : clauses) {
      result = result.and(clause(clause, who, mfa));
    }
    return result;
  }

  private static Tri clause(IamStatement.Clause clause, IamPrincipal who, boolean mfa) {
    String op = clause.operator();
    if (op.contains(":")) {
      // ForAnyValue: / ForAllValues: over multivalued keys: not decided from a dump.
      return Tri.UNKNOWN;
    }
    if (op.equals("Null")) {
      return nullCheck(clause, who, mfa);
    }
    boolean ifExists = op.endsWith("IfExists");
    String base = ifExists ? op.substring(0, op.length() - "IfExists".length()) : op;
    String key = clause.key().toLowerCase(Locale.ROOT);
    if (key.equals("aws:currenttime") || key.equals("aws:tokenissuetime")) {
      return date(base, clause.values(), who.capturedAt());
    }
    if (key.equals("aws:multifactorauthpresent") && base.equals("Bool")) {
      boolean wanted = clause.values().stream().anyMatch(v -> v.equalsIgnoreCase("true"));
      boolean unwanted = clause.values().stream().anyMatch(v -> v.equalsIgnoreCase("false"));
      if (mfa) {
        return Tri.of(wanted);
      }
      // Without MFA the key is false in a console session and absent with long-term access keys.
      Tri present = Tri.of(unwanted);
      Tri absent = Tri.of(ifExists);
      return present == absent ? present : Tri.UNKNOWN;
    }
    if (key.equals("aws:multifactorauthage")) {
      // A recent MFA sign-in satisfies an age limit; without MFA the key is absent.
      return mfa ? Tri.TRUE : Tri.of(ifExists);
    }
    if (key.startsWith("aws:principaltag/") && base.startsWith("String")) {
      String tag = clause.key().substring("aws:PrincipalTag/".length());
      String value =
          who.tags().entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(tag))
              .map(java.util.Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      return string(base, clause.values(), value, ifExists);
    }
    // Who asks: decided for the principal whose request is evaluated (a trust policy's
    // aws:PrincipalArn condition narrowing an account-wide trust, say).
    if (key.equals("aws:principalarn") && who.arn() != null) {
      // ArnEquals and ArnLike both match wildcards; for this key they compare like StringLike.
      String op2 =
          switch (base) {
            case "ArnEquals", "ArnLike" -> "StringLike";
            case "ArnNotEquals", "ArnNotLike" -> "StringNotLike";
            default -> base;
          };
      return string(op2, clause.values(), who.arn(), ifExists);
    }
    if (key.equals("aws:principalaccount")
        && base.startsWith("String")
        && who.accountId().matches("\\d{12}")) {
      return string(base, clause.values(), who.accountId(), ifExists);
    }
    return Tri.UNKNOWN;
  }

  /**
   * {@code Null}: "true" asks that the key be absent, "false" that it be present. Decided for the
   * keys whose presence the snapshot tells: the time (always there), the MFA age (there only after
   * an MFA sign-in) and the principal's own tags.
   */
  private static Tri nullCheck(IamStatement.Clause clause, IamPrincipal who, boolean mfa) {
    String key = clause.key().toLowerCase(Locale.ROOT);
    Tri present;
    if (key.equals("aws:currenttime") || key.equals("aws:epochtime")) {
      present = Tri.TRUE;
    } else if (key.equals("aws:multifactorauthage")) {
      present = Tri.of(mfa);
    } else if (key.equals("aws:multifactorauthpresent")) {
      // Present in every session with MFA; without it, absent only for long-term access keys.
      present = mfa ? Tri.TRUE : Tri.UNKNOWN;
    } else if (key.startsWith("aws:principaltag/")) {
      String tag = clause.key().substring("aws:PrincipalTag/".length());
      present = Tri.of(who.tags().keySet().stream().anyMatch(k -> k.equalsIgnoreCase(tag)));
    } else {
      return Tri.UNKNOWN;
    }
    Tri any = Tri.FALSE;
    for (String value : clause.values()) {
      if (value.equalsIgnoreCase("true")) {
        any = any.or(present.not());
      } else if (value.equalsIgnoreCase("false")) {
        any = any.or(present);
      } else {
        return Tri.UNKNOWN;
      }
    }
    return any;
  }

  private static Tri date(String op, List<String> values, Instant now) {
    Tri any = Tri.FALSE;
    for (String value : values) {
      Instant then;
      try {
        then = AwsTimes.parse(value, "Condition", null, null);
      } catch (RuntimeException e) {
        return Tri.UNKNOWN;
      }
      int c = now.compareTo(then);
      Tri here =
          switch (op) {
            case "DateEquals" -> Tri.of(c == 0);
            case "DateNotEquals" -> Tri.of(c != 0);
            case "DateLessThan" -> Tri.of(c < 0);
            case "DateLessThanEquals" -> Tri.of(c <= 0);
            case "DateGreaterThan" -> Tri.of(c > 0);
            case "DateGreaterThanEquals" -> Tri.of(c >= 0);
            default -> Tri.UNKNOWN;
          };
      any = any.or(here);
    }
    return any;
  }

  private static Tri string(String op, List<String> values, String actual, boolean ifExists) {
    boolean negated = op.startsWith("StringNot");
    if (values.stream().anyMatch(v -> v.contains("${"))) {
      return Tri.UNKNOWN;
    }
    if (actual == null) {
      return ifExists ? Tri.TRUE : negated ? Tri.UNKNOWN : Tri.FALSE;
    }
    boolean matched =
        switch (op) {
          case "StringEquals", "StringNotEquals" -> values.contains(actual);
          case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" ->
              values.stream().anyMatch(actual::equalsIgnoreCase);
          case "StringLike", "StringNotLike" ->
              values.stream().anyMatch(v -> Globs.covers(v, actual, false));
          default -> false;
        };
    if (!List.of(
            "StringEquals",
            "StringNotEquals",
            "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase",
            "StringLike",
            "StringNotLike")
        .contains(op)) {
      return Tri.UNKNOWN;
    }
    return Tri.of(negated != matched);
  }
}
