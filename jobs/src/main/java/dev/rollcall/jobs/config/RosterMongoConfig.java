package dev.rollcall.jobs.config;

/**
 * The HR roster kept in MongoDB ({@code correlation.rosterMongodb}): one document per workforce
 * member, read through the driver.
 *
 * @param uri a reference to the connection string (a secret: it may hold a password)
 * @param database the database
 * @param collection the collection
 * @param fields which field holds what; each defaults to the CSV roster's column name
 */
public record RosterMongoConfig(
    SecretRef uri, String database, String collection, RosterFields fields) {
  public RosterMongoConfig {
    if (uri == null) {
      throw new IllegalArgumentException("uri is required ({env: VARIABLE} or {file: PATH})");
    }
    if (database == null || database.isBlank()) {
      throw new IllegalArgumentException("database is required");
    }
    if (collection == null || collection.isBlank()) {
      throw new IllegalArgumentException("collection is required");
    }
    fields = fields == null ? RosterFields.defaults() : fields;
  }

  /** How messages and evidence name the collection (never the connection string). */
  public String describe() {
    return "mongodb " + database + "." + collection;
  }

  /**
   * The field names of a roster document (dotted paths into embedded documents are allowed).
   *
   * @param email the work email (required in every document)
   * @param name the name
   * @param status active, leave, on leave, notice, or terminated, left, inactive, ended, resigned,
   *     retired
   * @param endDate the last day of work: a date, or a yyyy-MM-dd string
   * @param manager the manager's email
   */
  public record RosterFields(
      String email, String name, String status, String endDate, String manager) {
    public RosterFields {
      email = orDefault(email, "email");
      name = orDefault(name, "name");
      status = orDefault(status, "status");
      endDate = orDefault(endDate, "end_date");
      manager = orDefault(manager, "manager");
    }

    public static RosterFields defaults() {
      return new RosterFields(null, null, null, null, null);
    }

    private static String orDefault(String value, String fallback) {
      return value == null || value.isBlank() ? fallback : value.strip();
    }
  }
}
