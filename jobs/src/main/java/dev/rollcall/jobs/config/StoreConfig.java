package dev.rollcall.jobs.config;

/**
 * Where rollcall keeps its state.
 *
 * @param uri a reference to the MongoDB connection string ({@code mongodb://} or {@code
 *     mongodb+srv://}); null for the embedded store kept in the output folder
 * @param database the database name
 */
public record StoreConfig(SecretRef uri, String database) {
  public StoreConfig {
    database = database == null || database.isBlank() ? "rollcall" : database;
  }

  public static StoreConfig embedded() {
    return new StoreConfig(null, null);
  }
}
