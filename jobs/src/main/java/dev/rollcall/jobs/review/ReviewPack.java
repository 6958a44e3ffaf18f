package dev.rollcall.jobs.review;

import dev.rollcall.reports.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The quarterly access review pack, as CSV: one row per person per account, grouped by manager,
 * with empty decision columns for the reviewer (keep, revoke or change; reviewer; date; note), and
 * the accounts nobody owns in a file of their own for the system owners.
 */
public final class ReviewPack {
  /** A review period: a year and a quarter, e.g. 2026Q4. */
  public static final Pattern PERIOD = Pattern.compile("\\d{4}Q[1-4]");

  static final List<String> PEOPLE_HEADER =
      List.of(
          "manager",
          "person",
          "name",
          "system",
          "tenant",
          "account",
          "account_id",
          "kind",
          "status",
          "privileges",
          "last_use",
          "mfa",
          "findings",
          "previous_decision",
          "revoke_done",
          "decision",
          "reviewer",
          "reviewed_on",
          "note");

  private ReviewPack() {}

  /**
   * Writes {@code people.csv} and {@code unowned.csv} into {@code dir}, owner-only.
   *
   * @return the files written
   */
  public static List<Path> write(
      List<InventoryRow> rows, Path dir, Map<String, ReviewDecision> previous) {
    List<InventoryRow> owned = rows.stream().filter(r -> !r.personId().isEmpty()).toList();
    List<InventoryRow> unowned = rows.stream().filter(r -> r.personId().isEmpty()).toList();
    try {
      AtomicFiles.createOwnerOnlyDirectories(dir);
      Path people = dir.resolve("people.csv");
      Path nobody = dir.resolve("unowned.csv");
      AtomicFiles.write(
          people, csv(owned, PEOPLE_HEADER, previous).getBytes(StandardCharsets.UTF_8));
      AtomicFiles.write(
          nobody,
          csv(unowned, PEOPLE_HEADER.subList(3, PEOPLE_HEADER.size()), previous)
              .getBytes(StandardCharsets.UTF_8));
      return List.of(people, nobody);
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot write the review pack", e);
    }
  }

  /**
   * For a row revoked in an earlier review that is still in the inventory: "no" while the account
   * still grants access, "yes" once it no longer does; "" when nothing was revoked.
   */
  private static String revokeDone(ReviewDecision before, InventoryRow row) {
    if (before == null || !before.decision().equals("revoke")) {
      return "";
    }
    return row.status().equals("active") || row.status().equals("pending")
        ? "no: the account still grants access"
        : "yes";
  }

  private static String csv(
      List<InventoryRow> rows, List<String> header, Map<String, ReviewDecision> previous)
      throws IOException {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (InventoryRow r : rows) {
        List<String> cells = new ArrayList<>();
        if (header.size() == PEOPLE_HEADER.size()) {
          cells.add(r.manager());
          cells.add(r.personId());
          cells.add(r.personName());
        }
        cells.add(r.system());
        cells.add(r.tenant());
        cells.add(r.accountName());
        cells.add(r.accountId());
        cells.add(r.kind());
        cells.add(r.status());
        cells.add(String.join("; ", r.privileges()));
        cells.add(r.lastUse());
        cells.add(r.mfa());
        cells.add(String.join("; ", r.findings()));
        ReviewDecision before = previous.get(DecisionsFile.key(r.accountId(), r.personId()));
        cells.add(
            before == null
                ? ""
                : before.decision()
                    + " by "
                    + before.reviewer()
                    + " on "
                    + before.reviewedOn()
                    + " ("
                    + before.period()
                    + ")");
        cells.add(revokeDone(before, r));
        cells.add("");
        cells.add("");
        cells.add("");
        cells.add("");
        printer.printRecord(cells);
      }
    }
    return out.toString();
  }
}
