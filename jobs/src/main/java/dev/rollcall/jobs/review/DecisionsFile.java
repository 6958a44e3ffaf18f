package dev.rollcall.jobs.review;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.model.ReviewDecision;
import dev.rollcall.reports.review.InventoryRow;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a filled-in review pack (people.csv or unowned.csv) back: every row must be one of the
 * pack's, and every decided row needs a valid decision, a reviewer and a date. All problems are
 * collected and reported together, each with its line; nothing is stored unless there are none.
 */
public final class DecisionsFile {
  private DecisionsFile() {}

  /**
   * The decisions in {@code file}, checked against the pack's rows.
   *
   * @param pack the inventory the pack was made from
   */
  public static List<ReviewDecision> read(Path file, String period, List<InventoryRow> pack) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": decisions file not found");
    }
    Set<String> known = new HashSet<>();
    pack.forEach(r -> known.add(ReviewDecision.key(r.accountId(), r.personId())));
    List<String> problems = new ArrayList<>();
    List<ReviewDecision> decisions = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader reader = Files.newBufferedReader(file);
        CSVParser parser = format.parse(reader)) {
      List<String> header = parser.getHeaderNames();
      for (String column : List.of("account_id", "decision", "reviewer", "reviewed_on", "note")) {
        if (!header.contains(column)) {
          throw new ConfigException(
              file + " line 1: column " + column + " is missing (is this a rollcall review pack?)");
        }
      }
      boolean people = header.contains("person");
      for (CSVRecord row : parser) {
        String where = "line " + parser.getCurrentLineNumber();
        String account = row.get("account_id");
        String person = people ? row.get("person") : "";
        if (!known.contains(ReviewDecision.key(account, person))) {
          problems.add(
              where
                  + ": "
                  + account
                  + (person.isEmpty() ? "" : " of " + person)
                  + " is not in the "
                  + period
                  + " review pack");
          continue;
        }
        String decisionCell = row.get("decision");
        Optional<ReviewDecision.Decision> decision = ReviewDecision.Decision.parse(decisionCell);
        String reviewer = row.get("reviewer");
        String on = row.get("reviewed_on");
        if (decisionCell.isEmpty() && reviewer.isEmpty() && on.isEmpty()) {
          continue; // not reviewed yet
        }
        if (decision.isEmpty()) {
          problems.add(
              where
                  + ": column decision must be keep, revoke or change, was '"
                  + decisionCell.toLowerCase(Locale.ROOT)
                  + "'");
        }
        if (!reviewer.contains("@")) {
          problems.add(
              where + ": column reviewer must be the reviewer's email, was '" + reviewer + "'");
        }
        LocalDate date = null;
        try {
          date = LocalDate.parse(on);
        } catch (DateTimeParseException e) {
          problems.add(
              where + ": column reviewed_on must be a date (yyyy-MM-dd), was '" + on + "'");
        }
        if (problems.isEmpty()) {
          decisions.add(
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
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(
          file + ": nothing was stored; fix these rows:\n  " + String.join("\n  ", problems));
    }
    return decisions;
  }
}
