package dev.rollcall.jobs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.reports.CsvFindingsRenderer;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewDatesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 15);

  @Test
  void theFormsSpreadsheetsWriteAreRead() {
    for (String text :
        new String[] {"2026-12-15", "12/15/2026", "12/15/26", "15.12.2026", "15.12.26"}) {
      assertEquals(DAY, ReviewDates.parse(text, Optional.empty()), text);
    }
    assertEquals(
        DAY, ReviewDates.parse("15/12/2026", Optional.of(ReviewDates.Order.DMY)), "when told");
    assertEquals(
        LocalDate.of(2026, 5, 6),
        ReviewDates.parse("05/06/2026", Optional.of(ReviewDates.Order.MDY)));
  }

  @Test
  void aSlashOrderIsNeverGuessed() {
    String dayFirst =
        assertThrows(
                IllegalArgumentException.class,
                () -> ReviewDates.parse("15/12/2026", Optional.empty()))
            .getMessage();
    assertTrue(dayFirst.contains("--date-order dmy"), dayFirst);
    String both =
        assertThrows(
                IllegalArgumentException.class,
                () -> ReviewDates.parse("05/06/2026", Optional.empty()))
            .getMessage();
    assertTrue(both.contains("could be month/day or day/month"), both);
    assertThrows(
        IllegalArgumentException.class, () -> ReviewDates.parse("2026-02-30", Optional.empty()));
    assertThrows(
        IllegalArgumentException.class, () -> ReviewDates.parse("next week", Optional.empty()));
  }

  @Test
  void neutralisedCellsComeBackUnchanged() {
    for (String cell :
        new String[] {"=build-bot", "'=x", "''y", "'plain", "+1", "-", "@a", "plain"}) {
      assertEquals(cell, CsvFindingsRenderer.restore(CsvFindingsRenderer.neutralise(cell)), cell);
    }
    assertEquals("'=build-bot", CsvFindingsRenderer.neutralise("=build-bot"));
  }
}
