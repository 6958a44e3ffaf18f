package dev.rollcall.jobs.lifecycle;

import dev.rollcall.model.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the accepted risks to a run's findings: a finding an active exception covers is
 * suppressed (kept, and reported in its own section), the rest stay active; exceptions that have
 * expired or cover nothing any more are reported so that someone renews or removes them.
 *
 * @param active the findings no exception covers
 * @param suppressed the covered findings, each with the exception that covers it
 * @param notices what needs attention in the exceptions file, one sentence each
 */
public record Suppression(List<Finding> active, List<Suppressed> suppressed, List<String> notices) {

  /**
   * A finding an exception covers.
   *
   * @param finding the finding
   * @param exception the exception
   */
  public record Suppressed(Finding finding, RiskException exception) {}

  public Suppression {
    active = List.copyOf(active);
    suppressed = List.copyOf(suppressed);
    notices = List.copyOf(notices);
  }

  /** Applies {@code file} on {@code today} (the run's day, UTC). */
  public static Suppression apply(List<Finding> findings, ExceptionsFile file, LocalDate today) {
    List<Finding> active = new ArrayList<>();
    List<Suppressed> suppressed = new ArrayList<>();
    Set<String> used = new HashSet<>();
    Set<String> expiredButMatching = new HashSet<>();
    for (Finding finding : findings) {
      Optional<RiskException> cover =
          file.exceptions().stream()
              .filter(e -> e.matches(finding) && e.activeOn(today))
              .findFirst();
      if (cover.isPresent()) {
        suppressed.add(new Suppressed(finding, cover.get()));
        used.add(cover.get().id());
      } else {
        active.add(finding);
        file.exceptions().stream()
            .filter(e -> e.matches(finding) && !e.activeOn(today))
            .forEach(e -> expiredButMatching.add(e.id()));
      }
    }
    List<String> notices = new ArrayList<>();
    for (RiskException e : file.exceptions()) {
      if (expiredButMatching.contains(e.id())) {
        notices.add(
            e.id()
                + " expired on "
                + e.expires()
                + ": its findings are active again (owner "
                + e.owner()
                + "); renew it with a new review or fix them.");
      } else if (!used.contains(e.id()) && e.activeOn(today)) {
        notices.add(
            e.id()
                + " matches no finding any more: remove it from the exceptions file (owner "
                + e.owner()
                + ").");
      } else if (!used.contains(e.id())) {
        notices.add(e.id() + " expired on " + e.expires() + " and matches nothing: remove it.");
      }
    }
    return new Suppression(active, suppressed, notices);
  }
}
