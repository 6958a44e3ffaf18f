package dev.rollcall.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The last use of an account as far as its source can tell. {@link State#UNKNOWN} is not the same
 * as never used: Identity Center, for one, records no sign-in time at all, and such an account must
 * not be called dormant.
 *
 * @param state whether the last use is known
 * @param at when, only for {@link State#USED}; null otherwise
 * @param evidence the source field or event the answer comes from
 */
public record Activity(State state, Instant at, String evidence) implements Serializable {

  /** How much the source tells about the last use. */
  public enum State {
    USED,
    NEVER_USED,
    UNKNOWN
  }

  public Activity {
    Objects.requireNonNull(state, "state");
    evidence = Text.required(evidence, "evidence");
    if (state == State.USED && at == null) {
      throw new IllegalArgumentException("a USED activity needs a time");
    }
    if (state != State.USED && at != null) {
      throw new IllegalArgumentException(state + " activity cannot carry a time");
    }
  }

  public static Activity usedAt(Instant at, String evidence) {
    return new Activity(State.USED, Objects.requireNonNull(at, "at"), evidence);
  }

  public static Activity neverUsed(String evidence) {
    return new Activity(State.NEVER_USED, null, evidence);
  }

  public static Activity unknown(String evidence) {
    return new Activity(State.UNKNOWN, null, evidence);
  }

  /** The later of two activities; a known use beats never used, which beats unknown. */
  public Activity latest(Activity other) {
    if (state == State.USED && other.state == State.USED) {
      return other.at.isAfter(at) ? other : this;
    }
    return other.state.ordinal() < state.ordinal() ? other : this;
  }
}
