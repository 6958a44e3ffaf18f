package dev.rollcall.jobs.correlate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Projections;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.RosterMongoConfig;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Reads the HR roster from a MongoDB collection through the driver: the same people, statuses, end
 * dates and managers as the CSV roster, with the same checks. A bad document is refused with the
 * collection, its {@code _id} and the field; the connection string is never shown.
 */
public final class MongoRoster {
  private MongoRoster() {}

  /** Reads every document of the configured collection. */
  public static HrRoster read(RosterMongoConfig config, Map<String, String> environment) {
    String source = config.describe();
    ConnectionString uri;
    try {
      uri = new ConnectionString(config.uri().resolve(environment));
    } catch (IllegalArgumentException e) {
      // The driver's message quotes the string, which may hold a password: not repeated.
      throw new ConfigException(
          "HR roster "
              + source
              + ": the connection string from "
              + config.uri().describe()
              + " is not a MongoDB connection string (mongodb:// or mongodb+srv://)");
    }
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(uri)
            .applyToClusterSettings(
                b -> {
                  // 15 s to find the server, unless the connection string says otherwise.
                  if (uri.getServerSelectionTimeout() == null) {
                    b.serverSelectionTimeout(15, TimeUnit.SECONDS);
                  }
                })
            .build();
    RosterMongoConfig.RosterFields f = config.fields();
    List<String> names = List.of(f.email(), f.name(), f.status(), f.endDate(), f.manager());
    Map<String, HrRoster.Row> rows = new LinkedHashMap<>();
    try (MongoClient client = MongoClients.create(settings)) {
      for (Document d :
          client
              .getDatabase(config.database())
              .getCollection(config.collection())
              .find()
              .projection(Projections.include(names))) {
        String where = "HR roster " + source + " document _id " + d.get("_id");
        HrRoster.add(
            rows,
            where,
            "field ",
            source + " _id " + d.get("_id"),
            new HrRoster.Fields(
                text(d, f.email(), where),
                text(d, f.name(), where),
                text(d, f.status(), where),
                date(d, f.endDate(), where),
                text(d, f.manager(), where)),
            names);
      }
    } catch (MongoException e) {
      throw new ConfigException(
          "HR roster " + source + ": cannot read the collection: " + e.getMessage(), e);
    }
    return new HrRoster(source, rows);
  }

  /** A string field (a dotted path into embedded documents), or null when absent or null. */
  private static String text(Document d, String field, String where) {
    Object value = value(d, field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new ConfigException(
          where
              + ": field "
              + field
              + " must be a string, was a "
              + value.getClass().getSimpleName());
    }
    return s;
  }

  /** A date field: a BSON date (its UTC day) or a yyyy-MM-dd string; null when absent or empty. */
  private static LocalDate date(Document d, String field, String where) {
    Object value = value(d, field);
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }
    if (value instanceof String s) {
      try {
        return LocalDate.parse(s.strip());
      } catch (DateTimeParseException e) {
        throw new ConfigException(where + ": field " + field + " must be a date (yyyy-MM-dd)", e);
      }
    }
    throw new ConfigException(
        where
            + ": field "
            + field
            + " must be a date or a yyyy-MM-dd string, was a "
            + value.getClass().getSimpleName());
  }

  private static Object value(Document d, String path) {
    Object current = d;
    for (String part : path.split("\\.", -1)) {
      if (!(current instanceof Document doc)) {
        return null;
      }
      current = doc.get(part);
    }
    return current;
  }
}
