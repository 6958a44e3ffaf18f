package dev.rollcall.model;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reviewer's decision on one person's account, kept as evidence of the review.
 *
 * @param period the review period, e.g. 2026Q4
 * @param accountId the account
 * @param personId the person (email), or null for an unowned account
 * @param decision what the reviewer decided
 * @param reviewer who decided (an email)
 * @param reviewedOn when
 * @param note the reviewer's note, or null
 */
public record ReviewDecision(
    String period,
    String accountId,
    String personId,
    Decision decision,
    String reviewer,
    LocalDate reviewedOn,
    String note) {

  /** What a reviewer can decide about an account. */
  public enum Decision {
    KEEP,
    REVOKE,
    CHANGE;

    /** As the review pack writes it: {@code keep}, {@code revoke}, {@code change}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The decision a pack's cell names, without regard to case; empty for anything else. */
    public static Optional<Decision> parse(String cell) {
      for (Decision d : values()) {
        if (d.label().equalsIgnoreCase(cell.strip())) {
          return Optional.of(d);
        }
      }
      return Optional.empty();
    }
  }

  public ReviewDecision {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(accountId, "accountId");
    personId = personId == null || personId.isEmpty() ? null : personId;
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(reviewedOn, "reviewedOn");
    note = note == null || note.isEmpty() ? null : note;
  }

  /** The row a decision is about: the account and its person ("" for an unowned account). */
  public static String key(String accountId, String personId) {
    return accountId + "|" + (personId == null ? "" : personId);
  }

  /** This decision's row, as {@link #key(String, String)} names it. */
  public String key() {
    return key(accountId, personId);
  }
}
