package dev.rollcall.jobs.config;

/**
 * Where a run announces itself: a chat webhook that receives the short summary.
 *
 * @param webhook a reference to the webhook's URL (a secret: whoever has it can post), or null
 * @param reportUrl where readers of the chat message open the report (http or https; {@code
 *     {runId}} becomes the run's id), or null for no link
 */
public record NotifyConfig(SecretRef webhook, String reportUrl) {
  /** The placeholder of {@link #reportUrl} for the run's id. */
  public static final String RUN_ID = "{runId}";

  public NotifyConfig {
    reportUrl = reportUrl == null || reportUrl.isBlank() ? null : reportUrl.strip();
    if (reportUrl != null) {
      HttpUrls.require("reportUrl", reportUrl.replace(RUN_ID, "run"));
    }
  }

  /** A webhook without a report link. */
  public NotifyConfig(SecretRef webhook) {
    this(webhook, null);
  }

  /** No notification beyond the environment's {@code ROLLCALL_WEBHOOK_URL}. */
  public static NotifyConfig none() {
    return new NotifyConfig(null, null);
  }

  /** The report's link for run {@code runId}, when one is configured. */
  public java.util.Optional<String> reportLink(String runId) {
    return java.util.Optional.ofNullable(reportUrl).map(u -> u.replace(RUN_ID, runId));
  }
}
