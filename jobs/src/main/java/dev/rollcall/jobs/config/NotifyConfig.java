package dev.rollcall.jobs.config;

/**
 * Where a run announces itself: a chat webhook that receives the short summary.
 *
 * @param webhook a reference to the webhook's URL (a secret: whoever has it can post), or null
 */
public record NotifyConfig(SecretRef webhook) {
  /** No notification beyond the environment's {@code ROLLCALL_WEBHOOK_URL}. */
  public static NotifyConfig none() {
    return new NotifyConfig(null);
  }
}
