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
 * @param maxPeoplePerAddress the most people one address (an email, an alias, a full name) may name
 *     and still tie accounts to them; an address more people hold is left out of the matching and
 *     reported. Null means {@value #DEFAULT_MAX_PEOPLE_PER_ADDRESS}
 */
public record CorrelationConfig(
    String mapping,
    List<String> ownerTags,
    String roster,
    RosterMongoConfig rosterMongodb,
    Integer maxPeoplePerAddress) {
  /** The owner tags used when the configuration names none. */
  public static final List<String> DEFAULT_OWNER_TAGS = List.of("owner", "email", "owner_email");

  /** The default of {@code maxPeoplePerAddress}. */
  public static final int DEFAULT_MAX_PEOPLE_PER_ADDRESS = 50;

  /** The largest {@code maxPeoplePerAddress}: beyond it the matching stops being bounded. */
  public static final int MAX_PEOPLE_PER_ADDRESS_LIMIT = 10_000;

  public CorrelationConfig {
    ownerTags = ownerTags == null ? DEFAULT_OWNER_TAGS : List.copyOf(ownerTags);
    if (roster != null && rosterMongodb != null) {
      throw new IllegalArgumentException(
          "give the HR roster once: roster (a CSV file) or rosterMongodb, not both");
    }
    if (maxPeoplePerAddress == null) {
      maxPeoplePerAddress = DEFAULT_MAX_PEOPLE_PER_ADDRESS;
    }
    if (maxPeoplePerAddress < 1 || maxPeoplePerAddress > MAX_PEOPLE_PER_ADDRESS_LIMIT) {
      throw new IllegalArgumentException(
          "maxPeoplePerAddress must be between 1 and "
              + MAX_PEOPLE_PER_ADDRESS_LIMIT
              + ", not "
              + maxPeoplePerAddress);
    }
  }

  /** Correlation with the roster in MongoDB, the default address limit. */
  public CorrelationConfig(
      String mapping, List<String> ownerTags, String roster, RosterMongoConfig rosterMongodb) {
    this(mapping, ownerTags, roster, rosterMongodb, null);
  }

  /** Correlation with a CSV roster (or none). */
  public CorrelationConfig(String mapping, List<String> ownerTags, String roster) {
    this(mapping, ownerTags, roster, null);
  }

  public static CorrelationConfig defaults() {
    return new CorrelationConfig(null, null, null, null, null);
  }
}
