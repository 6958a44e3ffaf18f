package dev.rollcall.jobs.review;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.review.DecisionSheets.DecisionRow;
import dev.rollcall.jobs.review.DecisionSheets.DecisionSheet;
import dev.rollcall.jobs.store.ReviewPacks;
import dev.rollcall.jobs.store.StoredPack;
import dev.rollcall.model.ReviewDecision;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a filled-in review pack (people.csv, unowned.csv or review.xlsx) back and checks it against
 * the pack as it was handed out (found by the pack id its rows carry): every row must be one of
 * that pack's, and every decided row needs a valid decision, a reviewer and a date. All problems
 * are collected and reported together, each with its line; nothing is stored unless there are none.
 */
public final class DecisionsFile {
  private DecisionsFile() {}

  /**
   * What an import read.
   *
   * @param packId the pack the file is a filled-in copy of
   * @param decisions the decided rows
   */
  public record Imported(String packId, List<ReviewDecision> decisions) {
    public Imported {
      decisions = List.copyOf(decisions);
    }
  }

  /**
   * The decisions in {@code file}, checked against its pack.
   *
   * @param period the period the user named, which must be the pack's
   * @param order how to read slash dates, if the user said
   */
  public static Imported read(
      Path file, String period, ReviewPacks packs, Optional<ReviewDates.Order> order) {
    List<DecisionSheet> sheets = DecisionSheets.read(file);
    String packId = packIdOf(file, sheets);
    StoredPack pack =
        packs
            .find(packId)
            .orElseThrow(
                () ->
                    new ConfigException(
                        file
                            + ": column pack_id names a pack this state store never made (is the"
                            + " file from another output folder?); nothing was stored"));
    if (!pack.summary().period().equals(period)) {
      throw new ConfigException(
          file
              + ": this is pack "
              + packId
              + " of "
              + pack.summary().period()
              + ", not of "
              + period
              + "; import it with --period "
              + pack.summary().period()
              + "; nothing was stored");
    }
    Set<String> known = new HashSet<>();
    pack.rows().forEach(r -> known.add(ReviewDecision.key(r.accountId(), r.personId())));
    List<String> problems = new ArrayList<>();
    List<ReviewDecision> decisions = new ArrayList<>();
    for (DecisionSheet sheet : sheets) {
      for (DecisionRow row : sheet.rows()) {
        decided(row, sheet.people(), period, packId, known, order, problems)
            .ifPresent(decisions::add);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(
          file + ": nothing was stored; fix these rows:\n  " + String.join("\n  ", problems));
    }
    return new Imported(packId, decisions);
  }

  /** The one pack id every row carries. */
  private static String packIdOf(Path file, List<DecisionSheet> sheets) {
    String packId = null;
    for (DecisionSheet sheet : sheets) {
      for (DecisionRow row : sheet.rows()) {
        String id = row.get("pack_id");
        if (id.isEmpty()) {
          continue;
        }
        if (packId == null) {
          packId = id;
        } else if (!packId.equals(id)) {
          throw new ConfigException(
              file
                  + " "
                  + row.where()
                  + ": column pack_id names another pack than the rows before: one file holds"
                  + " one pack; nothing was stored");
        }
      }
    }
    if (packId == null) {
      throw new ConfigException(
          file + ": no row carries a pack id (column pack_id): nothing to import");
    }
    return packId;
  }

  private static Optional<ReviewDecision> decided(
      DecisionRow row,
      boolean people,
      String period,
      String packId,
      Set<String> known,
      Optional<ReviewDates.Order> order,
      List<String> problems) {
    String where = row.where();
    String account = row.get("account_id");
    String person = people ? row.get("person") : "";
    if (!known.contains(ReviewDecision.key(account, person))) {
      problems.add(
          where
              + ": its account_id"
              + (person.isEmpty() ? "" : " and person")
              + " are not in the "
              + period
              + " review pack "
              + packId);
      return Optional.empty();
    }
    String decisionCell = row.get("decision");
    String reviewer = row.get("reviewer");
    String on = row.get("reviewed_on");
    if (decisionCell.isEmpty() && reviewer.isEmpty() && on.isEmpty()) {
      return Optional.empty(); // not reviewed yet
    }
    int before = problems.size();
    Optional<ReviewDecision.Decision> decision = ReviewDecision.Decision.parse(decisionCell);
    if (decision.isEmpty()) {
      problems.add(where + ": column decision must be keep, revoke or change");
    }
    if (!reviewer.contains("@")) {
      problems.add(where + ": column reviewer must be the reviewer's email");
    }
    LocalDate date = null;
    try {
      date = ReviewDates.parse(on, order);
    } catch (IllegalArgumentException e) {
      problems.add(where + ": column reviewed_on " + e.getMessage());
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ReviewDecision(
            period,
            account,
            person,
            decision.orElseThrow(),
            reviewer.toLowerCase(Locale.ROOT),
            date,
            row.get("note")));
  }
}
