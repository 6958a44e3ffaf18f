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
 * @param rosterMongodb the HR roster in a MongoDB collection instead, or null
 */
public record CorrelationConfig(
    String mapping, List<String> ownerTags, String roster, RosterMongoConfig rosterMongodb) {
  /** The owner tags used when the configuration names none. */
  public static final List<String> DEFAULT_OWNER_TAGS = List.of("owner", "email", "owner_email");

  public CorrelationConfig {
    ownerTags = ownerTags == null ? DEFAULT_OWNER_TAGS : List.copyOf(ownerTags);
    if (roster != null && rosterMongodb != null) {
      throw new IllegalArgumentException(
          "give the HR roster once: roster (a CSV file) or rosterMongodb, not both");
    }
  }

  /** Correlation with a CSV roster (or none). */
  public CorrelationConfig(String mapping, List<String> ownerTags, String roster) {
    this(mapping, ownerTags, roster, null);
  }

  public static CorrelationConfig defaults() {
    return new CorrelationConfig(null, null, null, null);
  }
}
