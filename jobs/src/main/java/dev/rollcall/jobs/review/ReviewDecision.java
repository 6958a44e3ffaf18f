package dev.rollcall.jobs.review;

import java.time.LocalDate;

/**
 * A reviewer's decision on one person's account, kept as evidence of the review.
 *
 * @param period the review period, e.g. 2026Q4
 * @param accountId the account
 * @param personId the person (email), or "" for an unowned account
 * @param decision keep, revoke or change
 * @param reviewer who decided (an email)
 * @param reviewedOn when
 * @param note the reviewer's note, or ""
 */
public record ReviewDecision(
    String period,
    String accountId,
    String personId,
    String decision,
    String reviewer,
    LocalDate reviewedOn,
    String note) {}
