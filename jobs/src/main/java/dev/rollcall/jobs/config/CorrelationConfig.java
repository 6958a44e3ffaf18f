package dev.rollcall.jobs.config;

import java.util.List;

/**
 * How accounts are tied to people.
 *
 * @param mapping the explicit mapping file (CSV: system,tenant,account,person), relative to the
 *     configuration file, or null
 * @param ownerTags tag and label keys whose values name an account's owner, compared without regard
 *     to case
 * @param roster the HR roster (CSV: email,name,status,end_date,manager), relative to the
 *     configuration file, or null
 */
public record CorrelationConfig(String mapping, List<String> ownerTags, String roster) {
  /** The owner tags used when the configuration names none. */
  public static final List<String> DEFAULT_OWNER_TAGS = List.of("owner", "email", "owner_email");

  public CorrelationConfig {
    ownerTags = ownerTags == null ? DEFAULT_OWNER_TAGS : List.copyOf(ownerTags);
  }

  public static CorrelationConfig defaults() {
    return new CorrelationConfig(null, null, null);
  }
}
