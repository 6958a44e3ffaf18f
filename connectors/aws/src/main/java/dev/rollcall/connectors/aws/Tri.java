package dev.rollcall.connectors.aws;

/** Three-valued truth (Kleene): a condition the snapshot cannot decide is {@link #UNKNOWN}. */
enum Tri {
  FALSE,
  UNKNOWN,
  TRUE;

  Tri and(Tri other) {
    return values()[Math.min(ordinal(), other.ordinal())];
  }

  Tri or(Tri other) {
    return values()[Math.max(ordinal(), other.ordinal())];
  }

  Tri not() {
    return values()[2 - ordinal()];
  }

  static Tri of(boolean value) {
    return value ? TRUE : FALSE;
  }
}
