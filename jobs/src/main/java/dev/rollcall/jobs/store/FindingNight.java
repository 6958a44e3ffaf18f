package dev.rollcall.jobs.store;

import dev.rollcall.model.FindingStatus;
import java.time.Instant;

/**
 * Where one finding stood after one finished run: a line of {@code rollcall history FINGERPRINT}.
 *
 * @param runId the run
 * @param startedAt when the run started (the night)
 * @param status the finding's status that night
 */
public record FindingNight(String runId, Instant startedAt, FindingStatus status) {}
