package dev.rollcall.jobs.activity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.rollcall.jobs.spark.CompactKryo;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.PrincipalActivity.DayActivity;
import dev.rollcall.model.PrincipalActivity.SessionOverlap;
import dev.rollcall.model.PrincipalActivity.SessionUser;
import dev.rollcall.model.PrincipalActivity.TrailSession;
import dev.rollcall.model.PrincipalKind;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Derives each principal's activity from trail events with Spark aggregations: last console sign-in
 * (with its MFAUsed), last API call, console sign-ins with and without MFA, the people
 * (email-shaped session names) who used a role, distinct source IPs and user agents per day, and
 * overlapping sessions from distinct IPs. Only one row per principal, per principal and day, and
 * per overlapping principal reaches the driver.
 */
public final class TrailEvidence {
  private static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
  private static final int MAX_EXAMPLES = 5;
  private static final long MAX_COUNTED = 1000;
  private static final Encoder<Overlaps> OVERLAPS = CompactKryo.encoder(Overlaps.class);

  private TrailEvidence() {}

  /** The activity of every principal with at least one event, sorted by kind, account, name. */
  public static List<PrincipalActivity> derive(Dataset<Row> events) {
    Map<String, Builder> builders = new HashMap<>();
    for (Row row : principals(events).collectAsList()) {
      builders.put(row.getString(0), new Builder(row));
    }
    for (Row row :
        events
            .filter(col("sessionName").rlike(EMAIL))
            .groupBy(col("principal"), lower(col("sessionName")).as("sessionName"))
            .agg(max("at"), count(lit(1)))
            .collectAsList()) {
      builders
          .get(row.getString(0))
          .sessionUsers
          .add(
              new SessionUser(
                  row.getString(1), Instant.ofEpochMilli(row.getLong(2)), row.getLong(3)));
    }
    for (Row row :
        events
            .groupBy("principal", "day")
            .agg(countDistinct(col("sourceIp")), countDistinct(col("userAgent")), count(lit(1)))
            .collectAsList()) {
      builders
          .get(row.getString(0))
          .days
          .add(new DayActivity(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)));
    }
    for (Overlaps o : overlaps(events).collectAsList()) {
      Builder b = builders.get(o.principal());
      b.overlaps.addAll(o.examples());
      b.overlapCount += o.count();
    }
    return builders.values().stream()
        .map(Builder::build)
        .sorted(
            Comparator.comparing((PrincipalActivity p) -> p.kind().name())
                .thenComparing(p -> p.account() == null ? "" : p.account())
                .thenComparing(PrincipalActivity::name))
        .toList();
  }

  private static Dataset<Row> principals(Dataset<Row> events) {
    Column console = col("console");
    Column mfa = coalesce(col("mfaUsed"), lit(""));
    return events
        .groupBy("principal")
        .agg(
            max("kind"),
            max("account"),
            max("name"),
            max("roleArn"),
            max(when(console, struct(col("at"), mfa, coalesce(col("sourceIp"), lit(""))))),
            max(
                when(
                    not(console),
                    struct(col("at"), concat_ws(" ", col("eventSource"), col("eventName"))))),
            sum(when(console.and(mfa.equalTo("Yes")), 1).otherwise(0)),
            sum(when(console.and(mfa.equalTo("No")), 1).otherwise(0)),
            max("federated"));
  }

  /** The sessions of each principal (and session name), then their overlaps from distinct IPs. */
  private static Dataset<Overlaps> overlaps(Dataset<Row> events) {
    Column credential =
        coalesce(col("accessKeyId"), when(col("console"), lit("console")).otherwise(lit("none")));
    WindowSpec byStream =
        Window.partitionBy("principal", "sname", "credential", "sourceIp").orderBy("at");
    Dataset<Row> sessions =
        events
            .filter(col("sourceIp").isNotNull())
            .withColumn("sname", coalesce(col("sessionName"), lit("")))
            .withColumn("credential", credential)
            .withColumn("gap", col("at").minus(lag("at", 1).over(byStream)))
            .withColumn(
                "starts",
                when(
                        col("gap")
                            .isNull()
                            .or(col("gap").gt(PrincipalActivity.SESSION_GAP.toMillis())),
                        1)
                    .otherwise(0))
            .withColumn(
                "sessionNo",
                sum("starts")
                    .over(byStream.rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
            .groupBy("principal", "sname", "credential", "sourceIp", "sessionNo")
            .agg(min("at").as("first"), max("at").as("last"), count(lit(1)).as("events"));
    return sessions
        .groupByKey(
            (MapFunction<Row, String>) r -> r.getString(0) + "\u0000" + r.getString(1),
            Encoders.STRING())
        .flatMapGroups(
            (FlatMapGroupsFunction<String, Row, Overlaps>) TrailEvidence::sweep, OVERLAPS);
  }

  /** Finds sessions whose [first, last] intervals intersect and whose IPs differ. */
  private static Iterator<Overlaps> sweep(String key, Iterator<Row> rows) {
    String principal = key.substring(0, key.indexOf('\u0000'));
    List<TrailSession> sessions = new ArrayList<>();
    rows.forEachRemaining(
        r ->
            sessions.add(
                new TrailSession(
                    r.getString(1).isEmpty() ? null : r.getString(1),
                    mask(r.getString(2)),
                    r.getString(3),
                    Instant.ofEpochMilli(r.getLong(5)),
                    Instant.ofEpochMilli(r.getLong(6)),
                    r.getLong(7))));
    sessions.sort(
        Comparator.comparing(TrailSession::first)
            .thenComparing(TrailSession::last)
            .thenComparing(TrailSession::sourceIp)
            .thenComparing(TrailSession::credential));
    List<SessionOverlap> examples = new ArrayList<>();
    List<TrailSession> active = new ArrayList<>();
    long counted = 0;
    for (TrailSession s : sessions) {
      active.removeIf(a -> a.last().isBefore(s.first()));
      for (TrailSession a : active) {
        if (counted >= MAX_COUNTED) {
          break;
        }
        if (!a.sourceIp().equals(s.sourceIp())) {
          counted++;
          if (examples.size() < MAX_EXAMPLES) {
            examples.add(new SessionOverlap(a, s));
          }
        }
      }
      active.add(s);
    }
    return counted == 0
        ? java.util.Collections.emptyIterator()
        : List.of(new Overlaps(principal, examples, counted)).iterator();
  }

  /** An access key id as reports show it: its first four and last four characters. */
  static String mask(String credential) {
    if (credential.length() <= 8 || !credential.matches("[A-Z0-9]+")) {
      return credential;
    }
    return credential.substring(0, 4) + "…" + credential.substring(credential.length() - 4);
  }

  /** The overlaps of one principal. */
  public record Overlaps(String principal, List<SessionOverlap> examples, long count)
      implements Serializable {}

  /** Gathers one principal's facts on the driver. */
  private static final class Builder {
    private final Row row;
    private final List<SessionUser> sessionUsers = new ArrayList<>();
    private final List<DayActivity> days = new ArrayList<>();
    private final List<SessionOverlap> overlaps = new ArrayList<>();
    private long overlapCount;

    Builder(Row row) {
      this.row = row;
    }

    PrincipalActivity build() {
      PrincipalKind kind = PrincipalKind.valueOf(row.getString(1));
      Row console = row.isNullAt(5) ? null : row.getStruct(5);
      Row api = row.isNullAt(6) ? null : row.getStruct(6);
      sessionUsers.sort(Comparator.comparing(SessionUser::sessionName));
      days.sort(Comparator.comparing(DayActivity::day));
      return new PrincipalActivity(
          kind,
          kind == PrincipalKind.IDENTITY_CENTER ? null : row.getString(2),
          row.getString(3),
          kind != PrincipalKind.ROLE || row.isNullAt(4) ? null : row.getString(4),
          console == null ? null : Instant.ofEpochMilli(console.getLong(0)),
          console == null || console.getString(1).isEmpty() ? null : console.getString(1),
          console == null || console.getString(2).isEmpty() ? null : console.getString(2),
          api == null ? null : Instant.ofEpochMilli(api.getLong(0)),
          api == null ? null : api.getString(1),
          row.getLong(7),
          row.getLong(8),
          row.getBoolean(9),
          sessionUsers,
          days,
          overlaps,
          overlapCount);
    }
  }
}
