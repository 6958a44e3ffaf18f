package dev.rollcall.jobs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.rollcall.model.PullStatus;
import dev.rollcall.reports.review.InventoryRow;
import dev.rollcall.reports.review.PackSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The review packs as they were handed out, in the state store: an import is checked against the
 * pack the reviewers filled in, not against whatever the latest night found.
 */
public final class ReviewPacks {
  private static final String PACKS = "reviewPacks";
  private static final String ROWS = "reviewPackRows";
  private static final int PER_DOCUMENT = 1_000;

  private final MongoDatabase database;

  public ReviewPacks(StateStore store) {
    this.database = store.database();
  }

  /** Keeps a pack; its rows go in chunks, as a run's inventory does. */
  public void save(StoredPack pack) {
    PackSummary s = pack.summary();
    MongoCollection<Document> rows = database.getCollection(ROWS);
    List<InventoryRow> all = pack.rows();
    List<Document> chunks = new ArrayList<>();
    for (int start = 0; start < all.size(); start += PER_DOCUMENT) {
      List<Document> chunk = new ArrayList<>();
      for (InventoryRow r : all.subList(start, Math.min(all.size(), start + PER_DOCUMENT))) {
        chunk.add(StateStore.inventoryRow(r));
      }
      int number = start / PER_DOCUMENT;
      chunks.add(
          new Document("_id", s.packId() + "|chunk|" + number)
              .append("packId", s.packId())
              .append("chunk", number)
              .append("rows", chunk));
    }
    if (!chunks.isEmpty()) {
      rows.insertMany(chunks, new InsertManyOptions().ordered(false));
    }
    List<Document> sources = new ArrayList<>();
    for (PackSummary.Source source : s.sources()) {
      sources.add(
          new Document("source", source.name())
              .append("status", source.status().name())
              .append("observedAt", Date.from(source.observedAt()))
              .append("errors", source.errors()));
    }
    // The header last: a pack whose rows did not all go in is never found.
    database
        .getCollection(PACKS)
        .insertOne(
            new Document("_id", s.packId())
                .append("period", s.period())
                .append("runId", s.runId())
                .append("madeAt", Date.from(s.madeAt()))
                .append("dataCapturedAt", Date.from(s.dataCapturedAt()))
                .append("sources", sources)
                .append("rowCount", all.size()));
  }

  /** The pack with this id, if one was made. */
  public Optional<StoredPack> find(String packId) {
    Document d = database.getCollection(PACKS).find(Filters.eq("_id", packId)).first();
    if (d == null) {
      return Optional.empty();
    }
    List<PackSummary.Source> sources = new ArrayList<>();
    for (Document s : d.getList("sources", Document.class, List.of())) {
      sources.add(source(s));
    }
    List<InventoryRow> rows = new ArrayList<>();
    for (Document chunk :
        database
            .getCollection(ROWS)
            .find(Filters.eq("packId", packId))
            .sort(Sorts.ascending("chunk"))
            .batchSize(StateStore.CHUNKS_A_BATCH)) {
      chunk.getList("rows", Document.class).forEach(r -> rows.add(StateStore.inventoryRow(r)));
    }
    return Optional.of(
        new StoredPack(
            new PackSummary(
                packId,
                d.getString("period"),
                d.getString("runId"),
                d.getDate("madeAt").toInstant(),
                d.getDate("dataCapturedAt").toInstant(),
                sources),
            rows));
  }

  /** Notes on the pack that a filled-in copy of it was imported, as evidence of the review. */
  public void recordImport(String packId, String file, int decisions, Instant at) {
    database
        .getCollection(PACKS)
        .updateOne(
            Filters.eq("_id", packId),
            Updates.push(
                "imports",
                new Document("file", file)
                    .append("decisions", decisions)
                    .append("importedAt", Date.from(at))));
  }

  /** The sources of a finished run and how complete each was, as the run recorded them. */
  public List<PackSummary.Source> sourcesOf(String runId) {
    Document run = database.getCollection("runs").find(Filters.eq("_id", runId)).first();
    List<PackSummary.Source> sources = new ArrayList<>();
    if (run != null) {
      for (Document s : run.getList("sources", Document.class, List.of())) {
        sources.add(source(s));
      }
    }
    return sources;
  }

  private static PackSummary.Source source(Document s) {
    return new PackSummary.Source(
        s.getString("source"),
        PullStatus.valueOf(s.getString("status")),
        s.getDate("observedAt").toInstant(),
        s.getList("errors", String.class, List.of()));
  }
}
