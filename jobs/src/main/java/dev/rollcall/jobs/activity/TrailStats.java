package dev.rollcall.jobs.activity;

import java.io.Serializable;
import java.util.List;

/**
 * What reading a trail found.
 *
 * @param files the log files listed in the window
 * @param skippedFiles files not read: not gzip, cut short, or not CloudTrail JSON
 * @param compressedBytes the listed files' size
 * @param uncompressedBytes the JSON read from the files that were read
 * @param records the records in the files that were read
 * @param events the records of audited principals (rows)
 * @param skipped each skipped file with the reason, sorted
 */
public record TrailStats(
    long files,
    long skippedFiles,
    long compressedBytes,
    long uncompressedBytes,
    long records,
    long events,
    List<String> skipped)
    implements Serializable {
  public TrailStats {
    skipped = List.copyOf(skipped);
  }
}
