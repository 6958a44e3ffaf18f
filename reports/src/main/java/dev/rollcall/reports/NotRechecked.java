package dev.rollcall.reports;

import dev.rollcall.model.Finding;
import java.time.Instant;
import java.util.Objects;

/**
 * An earlier open finding that this run could neither confirm nor resolve, because its source
 * failed or came back partial: it stays open, with the last time it was seen.
 *
 * @param finding the finding as last seen
 * @param source the source it came from
 * @param lastSeen when a run last saw it
 */
public record NotRechecked(Finding finding, String source, Instant lastSeen) {
  public NotRechecked {
    Objects.requireNonNull(finding, "not re-checked: finding is required");
    Objects.requireNonNull(source, "not re-checked: source is required");
    Objects.requireNonNull(lastSeen, "not re-checked: lastSeen is required");
  }
}
