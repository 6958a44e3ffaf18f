package dev.rollcall.jobs.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.rollcall.jobs.config.StoreConfig;
import dev.rollcall.jobs.lifecycle.FindingState;
import dev.rollcall.jobs.lifecycle.Lifecycle;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.ReviewDecision;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TrackedFinding;
import dev.rollcall.reports.TrendPoint;
import dev.rollcall.reports.review.InventoryRow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The memory of the audit, in MongoDB through the real driver: every run, and every finding with
 * when it was first and last seen. With no URI configured it runs an embedded server persisted in
 * the output folder, so a second run on the same folder sees the first.
 */
public final class StateStore implements AutoCloseable {
  private static final String RUNS = "runs";
  private static final String FINDINGS = "findings";
  private static final String LOCKS = "locks";
  private static final String JOURNAL = "journal";
  private static final String INVENTORY = "inventory";
  private static final String REVIEWS = "reviews";
  private static final String NIGHTS = "nights";
  private static final org.apache.logging.log4j.Logger LOG_ROLLBACK =
      org.apache.logging.log4j.LogManager.getLogger(StateStore.class);
  private static final String NIGHTLY_LOCK = "nightly";

  /**
   * How the collection of a run's access inventory is named: this, then the run id. One collection
   * a run, so that an inventory no longer needed is dropped whole rather than read back document by
   * document to be deleted (the embedded server deserializes what it deletes). Stores written
   * before kept every run's inventory in {@value #INVENTORY}, by run id.
   */
  private static final String INVENTORY_PREFIX = "inventory-";

  /** The field of an inventory chunk that holds its rows (InventoryLines). */
  private static final String LINES = "lines";

  /**
   * Inventory rows or journal entries per document. A server spends its time per document (the
   * embedded one about a millisecond each), so a million inventory rows go in as a thousand
   * documents; each stays far below MongoDB's 16 MB limit.
   */
  private static final int PER_DOCUMENT = 1_000;

  /**
   * Findings (or other small documents) a reply carries. A reply must stay under MongoDB's 48 MB
   * message size, and the embedded server otherwise answers a query with every match at once: the
   * findings of a million accounts came to 240 MB.
   */
  private static final int FINDINGS_A_BATCH = 1_000;

  /** Documents of {@value #PER_DOCUMENT} inventory rows or journal entries a reply carries. */
  static final int CHUNKS_A_BATCH = 16;

  /**
   * Documents of {@value #PER_DOCUMENT} inventory rows one bulk insert carries (about 10 MB): the
   * rows of a million accounts are not all held as text at once.
   */
  private static final int CHUNKS_A_WRITE = 64;

  private final MongoClient client;
  private final MongoDatabase database;
  private final EmbeddedMongo embedded;
  private final String description;

  private StateStore(
      MongoClient client, MongoDatabase database, EmbeddedMongo embedded, String description) {
    this.client = client;
    this.database = database;
    this.embedded = embedded;
    this.description = description;
  }

  /**
   * Opens the store.
   *
   * @param config the store section of the configuration
   * @param outputDir the output folder, home of the embedded store
   * @param environment where secret references are looked up
   */
  public static StateStore open(
      StoreConfig config, Path outputDir, Map<String, String> environment) {
    if (config.uri() == null) {
      StoreFile file = StoreFile.in(outputDir);
      EmbeddedMongo embedded = EmbeddedMongo.start(file);
      StateStore store = null;
      try {
        MongoClient client = connect(embedded.connectionString());
        store =
            new StateStore(
                client,
                client.getDatabase(config.database()),
                embedded,
                "embedded store " + file.live());
        store.checkSeal(file);
        return store;
      } catch (RuntimeException e) {
        if (store != null) {
          store.close();
        } else {
          embedded.close();
        }
        throw e;
      }
    }
    String uri = config.uri().resolve(environment);
    if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
      throw new dev.rollcall.jobs.config.ConfigException(
          "store.uri ("
              + config.uri().describe()
              + ") must start with mongodb:// or mongodb+srv://");
    }
    MongoClient client = connect(uri);
    return new StateStore(
        client,
        client.getDatabase(config.database()),
        null,
        "MongoDB at "
            + new ConnectionString(uri).getHosts()
            + " (from "
            + config.uri().describe()
            + ")");
  }

  private static MongoClient connect(String uri) {
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
            .build();
    return MongoClients.create(settings);
  }

  /**
   * Refuses a store file that lost what the last finished run wrote: H2 falls back to an older
   * state, or to an empty store, when the end of its file is cut off or garbled, without a word.
   */
  private void checkSeal(StoreFile file) {
    Optional<StoreFile.Sealed> sealed = file.sealedLive();
    if (sealed.isEmpty()) {
      return; // no run has finished since stores were sealed
    }
    String runId = sealed.get().runId();
    Document run = runs().find(Filters.eq("_id", runId)).first();
    if (run == null || !Boolean.TRUE.equals(run.getBoolean("complete"))) {
      throw EmbeddedMongo.damaged(
          file,
          "run "
              + runId
              + " finished and was sealed in "
              + file.live().getParent().resolve("rollcall-state.seal")
              + ", but the file no longer holds it");
    }
  }

  /** The database, for the stores of this package that keep collections of their own. */
  MongoDatabase database() {
    return database;
  }

  /** Where the state is kept, safe to log (no credentials). */
  public String describe() {
    return description;
  }

  /**
   * Takes the lease that lets one run write at a time. It expires on its own, so a run that crashed
   * does not block the next night for ever.
   *
   * @throws RunLockedException when another run holds an unexpired lease
   */
  public void acquireLease(String runId, Instant now, java.time.Duration ttl) {
    MongoCollection<Document> locks = database.getCollection(LOCKS);
    try {
      Document taken =
          locks.findOneAndUpdate(
              Filters.and(
                  Filters.eq("_id", NIGHTLY_LOCK),
                  Filters.or(
                      Filters.lte("expiresAt", Date.from(now)), Filters.eq("holder", runId))),
              Updates.combine(
                  Updates.set("holder", runId),
                  Updates.set("takenAt", Date.from(now)),
                  Updates.set("expiresAt", Date.from(now.plus(ttl)))),
              new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true));
      if (taken != null || locks.find(Filters.eq("holder", runId)).first() != null) {
        rollBackUnfinishedRuns(runId);
        return;
      }
    } catch (com.mongodb.MongoWriteException | com.mongodb.MongoCommandException e) {
      // the upsert met the other run's lease: a duplicate key
    }
    Document held = locks.find(Filters.eq("_id", NIGHTLY_LOCK)).first();
    throw new RunLockedException(
        held == null
            ? "another run holds the state store"
            : "run "
                + held.getString("holder")
                + " holds the state store until "
                + held.getDate("expiresAt").toInstant()
                + "; two runs cannot write at once (the lease expires on its own if that run"
                + " died)");
  }

  /** Gives the lease back, if this run holds it. */
  public void releaseLease(String runId) {
    database
        .getCollection(LOCKS)
        .deleteOne(Filters.and(Filters.eq("_id", NIGHTLY_LOCK), Filters.eq("holder", runId)));
  }

  /** Records that a run has started; it stays marked incomplete until {@link #finishRun}. */
  public void startRun(String runId, Instant startedAt, String version, String profile) {
    runs()
        .replaceOne(
            Filters.eq("_id", runId),
            new Document("_id", runId)
                .append("startedAt", Date.from(startedAt))
                .append("version", version)
                .append("profile", profile)
                .append("complete", false),
            new ReplaceOptions().upsert(true));
  }

  /** Every finding the store holds, by fingerprint: what the finding lifecycle starts from. */
  public Map<String, FindingState> findingStates() {
    Map<String, FindingState> states = new HashMap<>();
    for (Document doc : findingsCollection().find().batchSize(FINDINGS_A_BATCH)) {
      FindingState state = stateOf(doc);
      states.put(state.fingerprint(), state);
    }
    return states;
  }

  /**
   * Stores what the finding lifecycle decided tonight, journaled so that a run that dies half-way
   * is rolled back by the next one; and, for {@code rollcall history}, each tracked finding's
   * status tonight and tonight's counts, in bulk (a document per {@value #PER_DOCUMENT} findings).
   * A new finding is inserted whole; a known one gets only its lifecycle fields (and its content,
   * when that changed), and the journal keeps only what those fields held before.
   *
   * @param before the states the lifecycle started from, as {@link #findingStates()} gave them
   * @param night what the lifecycle decided tonight
   */
  public void recordFindings(
      String runId, Map<String, FindingState> before, Lifecycle.Night night) {
    recordNight(runId, night.tracked());
    List<FindingState> changes = night.changes();
    if (changes.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
    List<Document> undo = new ArrayList<>(changes.size());
    int updates = 0;
    // In the order of the store's B-tree: a bulk write then changes its pages a stretch at a time,
    // where in tonight's order every write would touch pages all over the tree and each commit
    // would rewrite most of them.
    List<FindingState> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparing(FindingState::fingerprint));
    for (FindingState state : sorted) {
      FindingState was = before.get(state.fingerprint());
      if (was == null) {
        writes.add(new InsertOneModel<>(toDocument(state)));
        undo.add(new Document("fingerprint", state.fingerprint()).append("before", null));
      } else {
        FindingUpdate update =
            FindingUpdate.between(toDocument(was), toDocument(state), content(was, state));
        writes.add(new UpdateOneModel<>(Filters.eq("_id", state.fingerprint()), update.apply()));
        undo.add(update.undo().append("fingerprint", state.fingerprint()));
        updates++;
      }
    }
    journal(runId, undo);
    int matched =
        findingsCollection()
            .bulkWrite(writes, new BulkWriteOptions().ordered(false))
            .getMatchedCount();
    if (matched != updates) {
      throw new IllegalStateException(
          "state store: "
              + (updates - matched)
              + " of the "
              + updates
              + " findings run "
              + runId
              + " read at its start were gone when it wrote them back");
    }
  }

  /** Whether tonight's finding differs from the stored one in more than its lifecycle. */
  private static boolean content(FindingState was, FindingState state) {
    return !was.finding().equals(state.finding());
  }

  private void recordNight(String runId, List<TrackedFinding> tracked) {
    MongoCollection<Document> nights = database.getCollection(NIGHTS);
    indexByRun(nights);
    // An earlier attempt of the same run left chunks if it left the first; a lookup by id says so,
    // where a delete by run id would read every night ever kept (the embedded server has no index
    // on it).
    if (nights.find(Filters.eq("_id", runId + "|0")).projection(new Document("_id", 1)).first()
        != null) {
      nights.deleteMany(Filters.eq("runId", runId));
    }
    Map<FindingStatus, Integer> counts = new EnumMap<>(FindingStatus.class);
    List<Document> chunks = new ArrayList<>();
    for (int start = 0; start < tracked.size(); start += PER_DOCUMENT) {
      Document statuses = new Document();
      for (TrackedFinding t :
          tracked.subList(start, Math.min(tracked.size(), start + PER_DOCUMENT))) {
        statuses.append(t.fingerprint(), t.status().name());
        counts.merge(t.status(), 1, Integer::sum);
      }
      chunks.add(
          new Document("_id", runId + "|" + (start / PER_DOCUMENT))
              .append("runId", runId)
              .append("statuses", statuses));
    }
    if (!chunks.isEmpty()) {
      nights.insertMany(chunks, new InsertManyOptions().ordered(false));
    }
    Document byStatus = new Document();
    for (FindingStatus status : FindingStatus.values()) {
      byStatus.append(status.name(), counts.getOrDefault(status, 0));
    }
    runs().updateOne(Filters.eq("_id", runId), Updates.set("statusCounts", byStatus));
  }

  /** Marks a run complete with its outcome. */
  public void finishRun(RunRecord run) {
    List<Document> sources = new ArrayList<>();
    for (SourcePull pull : run.sources()) {
      sources.add(
          new Document("source", pull.source())
              .append("system", pull.system().name())
              .append("tenant", pull.tenant())
              .append("status", pull.status().name())
              .append("accounts", pull.accounts())
              .append("errors", pull.errors())
              .append("observedAt", Date.from(pull.observedAt())));
    }
    List<org.bson.conversions.Bson> updates =
        new ArrayList<>(
            List.of(
                Updates.set("finishedAt", Date.from(run.finishedAt())),
                Updates.set("sources", sources),
                Updates.set("findings", run.findings()),
                Updates.set("newFindings", run.newFindings()),
                Updates.set("resolved", run.resolved()),
                Updates.set("exitCode", run.exitCode()),
                Updates.set("complete", true)));
    if (!run.openBySeverity().isEmpty()) {
      Document open = new Document();
      run.openBySeverity().forEach((severity, n) -> open.append(severity.name(), n));
      updates.add(Updates.set("openBySeverity", open));
    }
    runs().updateOne(Filters.eq("_id", run.runId()), Updates.combine(updates));
    database.getCollection(JOURNAL).deleteMany(Filters.eq("runId", run.runId()));
    forgetOlderInventories(run.runId());
  }

  /**
   * Drops the access inventories of every run but {@code runId} (the review is made from the last
   * complete run): their collections, and the one collection stores written before held them all
   * in.
   */
  private void forgetOlderInventories(String runId) {
    String kept = INVENTORY_PREFIX + runId;
    for (String name : database.listCollectionNames()) {
      if (name.equals(INVENTORY) || (name.startsWith(INVENTORY_PREFIX) && !name.equals(kept))) {
        database.getCollection(name).drop();
      }
    }
  }

  /**
   * Open findings by severity after each of the last {@code runs} complete runs that recorded them,
   * oldest first. Runs stored before the counts were kept are left out, not shown as zero.
   */
  public List<TrendPoint> trend(int runs) {
    List<TrendPoint> points = new ArrayList<>();
    for (Document run :
        runs()
            .find(Filters.and(Filters.eq("complete", true), Filters.exists("openBySeverity")))
            .sort(Sorts.descending("startedAt"))
            .limit(runs)) {
      Document counts = run.get("openBySeverity", Document.class);
      if (counts == null) {
        continue;
      }
      Map<Severity, Integer> open = new EnumMap<>(Severity.class);
      for (Severity s : Severity.values()) {
        open.put(s, counts.getInteger(s.name(), 0));
      }
      points.add(
          new TrendPoint(
              run.getString("_id"),
              run.getDate("startedAt").toInstant(),
              open,
              run.getInteger("newFindings", 0),
              run.getInteger("resolved", 0)));
    }
    Collections.reverse(points);
    return points;
  }

  /**
   * Keeps a run's access inventory, read by the access review once the run is complete: in a
   * collection of its own, {@value #PER_DOCUMENT} rows a document as JSON lines, inserted in bulk.
   */
  public void recordInventory(String runId, List<InventoryRow> rows) {
    String name = INVENTORY_PREFIX + runId;
    MongoCollection<Document> inventory = database.getCollection(name);
    // What an earlier attempt of the same run left (the server answers the drop of a collection
    // it does not hold with an error it logs); a run that dies leaves its collection for the next
    // finished run to drop.
    if (hasCollection(name)) {
      inventory.drop();
    }
    int count = (rows.size() + PER_DOCUMENT - 1) / PER_DOCUMENT;
    List<Document> chunks = new ArrayList<>();
    for (int number = 0; number < count; number++) {
      int start = number * PER_DOCUMENT;
      chunks.add(
          new Document("_id", String.format(Locale.ROOT, "%09d", number))
              .append("runId", runId)
              .append("chunk", number)
              .append(
                  LINES,
                  InventoryLines.write(
                      rows.subList(start, Math.min(rows.size(), start + PER_DOCUMENT)))));
      if (chunks.size() == CHUNKS_A_WRITE || number == count - 1) {
        inventory.insertMany(chunks, new InsertManyOptions().ordered(false));
        chunks.clear();
      }
    }
  }

  /**
   * With a MongoDB store, replaces the {@code access_inventory} collection (one document per
   * person, see {@link AccessInventoryCollection}) that other tools query; the embedded store,
   * which nothing outside the run can reach, keeps only the run's inventory rows.
   */
  public void recordAccessInventory(
      String runId,
      Instant recordedAt,
      List<InventoryRow> rows,
      Map<String, String> privilege,
      List<dev.rollcall.model.Identity> people) {
    if (embedded == null) {
      AccessInventoryCollection.replace(database, runId, recordedAt, rows, privilege, people);
    }
  }

  private boolean hasCollection(String name) {
    return database.listCollectionNames().into(new ArrayList<>()).contains(name);
  }

  static Document inventoryRow(InventoryRow r) {
    return new Document("personId", r.personId())
        .append("personName", r.personName())
        .append("manager", r.manager())
        .append("system", r.system())
        .append("tenant", r.tenant())
        .append("accountId", r.accountId())
        .append("accountName", r.accountName())
        .append("kind", r.kind())
        .append("status", r.status())
        .append("privileges", r.privileges())
        .append("lastUse", r.lastUse())
        .append("mfa", r.mfa())
        .append("findings", r.findings());
  }

  /** Keeps review decisions as evidence; a decision imported again for the same row replaces it. */
  public void recordDecisions(List<ReviewDecision> decisions, Instant importedAt) {
    MongoCollection<Document> reviews = database.getCollection(REVIEWS);
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (ReviewDecision d : decisions) {
      String id = d.period() + "|" + d.key();
      writes.add(
          new ReplaceOneModel<>(
              Filters.eq("_id", id),
              new Document("_id", id)
                  .append("period", d.period())
                  .append("accountId", d.accountId())
                  .append("personId", d.personId() == null ? "" : d.personId())
                  .append("decision", d.decision().label())
                  .append("reviewer", d.reviewer())
                  .append("reviewedOn", d.reviewedOn().toString())
                  .append("note", d.note() == null ? "" : d.note())
                  .append("importedAt", Date.from(importedAt)),
              new ReplaceOptions().upsert(true)));
    }
    if (!writes.isEmpty()) {
      reviews.bulkWrite(writes);
    }
  }

  /** The latest decision of every reviewed row before {@code period}, by account and person. */
  public Map<String, ReviewDecision> decisionsBefore(String period) {
    Map<String, ReviewDecision> latest = new HashMap<>();
    for (Document d :
        database
            .getCollection(REVIEWS)
            .find(Filters.lt("period", period))
            .sort(Sorts.ascending("period", "reviewedOn"))) {
      ReviewDecision decision =
          new ReviewDecision(
              d.getString("period"),
              d.getString("accountId"),
              d.getString("personId"),
              ReviewDecision.Decision.parse(d.getString("decision"))
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "state store: review decision " + d.get("_id") + " is unreadable")),
              d.getString("reviewer"),
              java.time.LocalDate.parse(d.getString("reviewedOn")),
              d.getString("note"));
      latest.put(decision.key(), decision);
    }
    return latest;
  }

  /** A run's access inventory, in the order it was recorded. */
  public List<InventoryRow> inventory(String runId) {
    String own = INVENTORY_PREFIX + runId;
    boolean legacy = !hasCollection(own);
    List<InventoryRow> rows = new ArrayList<>();
    for (Document d :
        database
            .getCollection(legacy ? INVENTORY : own)
            .find(legacy ? Filters.eq("runId", runId) : new Document())
            .sort(Sorts.ascending("chunk", "line"))
            .batchSize(CHUNKS_A_BATCH)) {
      if (d.containsKey(LINES)) {
        rows.addAll(
            InventoryLines.read(
                d.getString(LINES), "inventory chunk " + d.get("_id") + " of run " + runId));
      } else {
        // Stores written before kept rows as documents, a chunk of them or one a document.
        List<Document> chunk =
            d.containsKey("rows") ? d.getList("rows", Document.class) : List.of(d);
        chunk.forEach(row -> rows.add(inventoryRow(row)));
      }
    }
    return rows;
  }

  static InventoryRow inventoryRow(Document d) {
    return new InventoryRow(
        d.getString("personId"),
        d.getString("personName"),
        d.getString("manager"),
        d.getString("system"),
        d.getString("tenant"),
        d.getString("accountId"),
        d.getString("accountName"),
        d.getString("kind"),
        d.getString("status"),
        d.getList("privileges", String.class),
        d.getString("lastUse"),
        d.getString("mfa"),
        d.getList("findings", String.class));
  }

  /**
   * Keeps, before a run changes the finding state, how to undo each change (the finding a new one
   * replaces nothing of, or the fields an update changes as they were), then a marker that the
   * journal is whole, in one ordered insert. A run that dies before {@link #finishRun} is rolled
   * back from it by the next run that takes the lease, so nothing half-written is ever read.
   *
   * <p>Undoing a new finding ({@code before: null}) is under {@code entries}, as rollcall has
   * always kept it; undoing an update is under {@code updates}, which a rollcall from before
   * updates ignores rather than reading it as a finding to delete.
   */
  private void journal(String runId, List<Document> undo) {
    MongoCollection<Document> journal = database.getCollection(JOURNAL);
    indexByRun(journal);
    List<Document> chunks = new ArrayList<>();
    for (int start = 0; start < undo.size(); start += PER_DOCUMENT) {
      List<Document> entries = new ArrayList<>();
      List<Document> updates = new ArrayList<>();
      for (Document u : undo.subList(start, Math.min(undo.size(), start + PER_DOCUMENT))) {
        (u.containsKey("before") ? entries : updates).add(u);
      }
      chunks.add(
          new Document("_id", runId + "|" + (start / PER_DOCUMENT))
              .append("runId", runId)
              .append("entries", entries)
              .append("updates", updates));
    }
    chunks.add(new Document("_id", runId + "|#whole").append("runId", runId).append("whole", true));
    journal.insertMany(chunks);
  }

  /**
   * Undoes the finding changes of runs that never finished (their journal is still there), and
   * forgets the journals of runs that did. Called by the run that has just taken the lease.
   */
  private void rollBackUnfinishedRuns(String currentRunId) {
    MongoCollection<Document> journal = database.getCollection(JOURNAL);
    Set<String> runIds = new HashSet<>();
    for (Document entry :
        journal.find().projection(new Document("runId", 1)).batchSize(FINDINGS_A_BATCH)) {
      runIds.add(entry.getString("runId"));
    }
    runIds.remove(currentRunId);
    for (String runId : runIds) {
      Document run = runs().find(Filters.eq("_id", runId)).first();
      boolean finished = run != null && Boolean.TRUE.equals(run.getBoolean("complete"));
      boolean whole = journal.find(Filters.eq("_id", runId + "|#whole")).first() != null;
      if (!finished && whole) {
        List<WriteModel<Document>> undo = new ArrayList<>();
        for (Document doc : journal.find(Filters.eq("runId", runId)).batchSize(CHUNKS_A_BATCH)) {
          List<Document> entries = new ArrayList<>();
          if (doc.containsKey("entries")) {
            entries.addAll(doc.getList("entries", Document.class));
          } else if (doc.containsKey("fingerprint")) {
            entries.add(doc); // one entry a document, as stores written before chunking hold
          }
          for (Document entry : entries) {
            Bson id = Filters.eq("_id", entry.getString("fingerprint"));
            Document before = entry.get("before", Document.class);
            undo.add(
                before == null
                    ? new DeleteOneModel<>(id)
                    : new ReplaceOneModel<>(id, before, new ReplaceOptions().upsert(true)));
          }
          for (Document entry : doc.getList("updates", Document.class, List.of())) {
            undo.add(
                new UpdateOneModel<>(
                    Filters.eq("_id", entry.getString("fingerprint")),
                    FindingUpdate.undoing(entry)));
          }
        }
        if (!undo.isEmpty()) {
          findingsCollection().bulkWrite(undo, new BulkWriteOptions().ordered(false));
        }
        int undone = undo.size();
        if (run != null) {
          runs().updateOne(Filters.eq("_id", runId), Updates.set("rolledBack", true));
        }
        database.getCollection(NIGHTS).deleteMany(Filters.eq("runId", runId));
        LOG_ROLLBACK.warn(
            "run {} did not finish: its {} finding change(s) were rolled back", runId, undone);
      }
      journal.deleteMany(Filters.eq("runId", runId));
    }
  }

  /**
   * Indexes a collection by run id on a MongoDB server; the embedded server has no secondary
   * indexes (it would only warn) and scans instead.
   */
  private void indexByRun(MongoCollection<Document> collection) {
    if (embedded == null) {
      collection.createIndex(Indexes.ascending("runId"));
    }
  }

  /** The last run that finished, if any. */
  public Optional<String> lastCompleteRunId() {
    return Optional.ofNullable(
            runs()
                .find(Filters.eq("complete", true))
                .sort(Sorts.descending("startedAt"))
                .projection(new Document("_id", 1))
                .first())
        .map(d -> d.getString("_id"));
  }

  /**
   * Every run the store holds, finished or not, oldest first: what {@code rollcall history} lists.
   */
  public List<PastRun> pastRuns() {
    List<PastRun> past = new ArrayList<>();
    for (Document run : runs().find().sort(Sorts.ascending("startedAt"))) {
      past.add(pastRun(run));
    }
    return past;
  }

  private static PastRun pastRun(Document run) {
    String runId = run.getString("_id");
    try {
      List<SourcePull> sources = new ArrayList<>();
      for (Document s : run.getList("sources", Document.class, List.of())) {
        sources.add(
            new SourcePull(
                s.getString("source"),
                SourceSystem.valueOf(s.getString("system")),
                s.getString("tenant"),
                dev.rollcall.model.PullStatus.valueOf(s.getString("status")),
                s.getInteger("accounts", 0),
                s.getList("errors", String.class, List.of()),
                s.getDate("observedAt").toInstant()));
      }
      Map<FindingStatus, Integer> byStatus = new EnumMap<>(FindingStatus.class);
      Document counts = run.get("statusCounts", Document.class);
      if (counts != null) {
        for (FindingStatus status : FindingStatus.values()) {
          byStatus.put(status, counts.getInteger(status.name(), 0));
        }
      }
      boolean complete = Boolean.TRUE.equals(run.getBoolean("complete"));
      return new PastRun(
          runId,
          run.getDate("startedAt").toInstant(),
          complete ? run.getDate("finishedAt").toInstant() : null,
          Boolean.TRUE.equals(run.getBoolean("rolledBack")),
          sources,
          byStatus,
          run.getInteger("findings", 0),
          run.getInteger("newFindings", 0),
          run.getInteger("resolved", 0),
          complete ? run.getInteger("exitCode") : null);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "state store: run " + runId + " cannot be read back: " + e.getMessage(), e);
    }
  }

  /**
   * One finding's status after each finished run that recorded it, oldest first; runs stored before
   * statuses were kept are not among them.
   */
  public List<FindingNight> nightsOf(String fingerprint) {
    Map<String, PastRun> finished = new HashMap<>();
    pastRuns().stream().filter(PastRun::finished).forEach(r -> finished.put(r.runId(), r));
    List<FindingNight> nights = new ArrayList<>();
    for (Document chunk :
        database
            .getCollection(NIGHTS)
            .find(Filters.exists("statuses." + fingerprint))
            .projection(new Document("runId", 1).append("statuses." + fingerprint, 1))
            .batchSize(FINDINGS_A_BATCH)) {
      PastRun run = finished.get(chunk.getString("runId"));
      String status = chunk.get("statuses", Document.class).getString(fingerprint);
      if (run != null && status != null) {
        nights.add(new FindingNight(run.runId(), run.startedAt(), FindingStatus.valueOf(status)));
      }
    }
    nights.sort(java.util.Comparator.comparing(FindingNight::startedAt));
    return nights;
  }

  /** The stored state of a finding, read back whole, if the store holds it. */
  public Optional<FindingState> findingState(String fingerprint) {
    return finding(fingerprint).map(StateStore::stateOf);
  }

  /** The fingerprints of the stored findings that start with {@code prefix}. */
  public List<String> fingerprintsStartingWith(String prefix) {
    List<String> matches = new ArrayList<>();
    for (Document d :
        findingsCollection()
            .find()
            .projection(new Document("_id", 1))
            .batchSize(FINDINGS_A_BATCH)) {
      String id = d.getString("_id");
      if (id.startsWith(prefix)) {
        matches.add(id);
      }
    }
    return matches;
  }

  /** The runs a collection holds documents of (the journal, the findings' nights). */
  Set<String> runIdsIn(String collection) {
    Set<String> ids = new HashSet<>();
    for (Document d :
        database
            .getCollection(collection)
            .find()
            .projection(new Document("runId", 1))
            .batchSize(FINDINGS_A_BATCH)) {
      ids.add(d.getString("runId"));
    }
    return ids;
  }

  /** How many runs the store holds, finished or not. */
  public long runCount() {
    return runs().countDocuments();
  }

  /** The stored state of a finding, if any. */
  public Optional<Document> finding(String fingerprint) {
    return Optional.ofNullable(findingsCollection().find(Filters.eq("_id", fingerprint)).first());
  }

  private MongoCollection<Document> runs() {
    return database.getCollection(RUNS);
  }

  private MongoCollection<Document> findingsCollection() {
    return database.getCollection(FINDINGS);
  }

  private static Document toDocument(FindingState state) {
    Finding finding = state.finding();
    List<Document> evidence = new ArrayList<>();
    for (Evidence e : finding.evidence()) {
      evidence.add(new Document("label", e.label()).append("value", e.value()));
    }
    List<Document> clauses = new ArrayList<>();
    for (PolicyClause c : finding.clauses()) {
      clauses.add(new Document("reference", c.reference()).append("text", c.text()));
    }
    Document doc =
        new Document("_id", finding.fingerprint())
            .append("ruleId", finding.ruleId())
            .append("title", finding.title())
            .append("severity", finding.severity().name())
            .append("system", finding.account().system().name())
            .append("tenant", finding.account().tenant())
            .append("nativeId", finding.account().nativeId())
            .append("accountName", finding.accountName())
            .append("personIds", finding.personIds())
            .append("summary", finding.summary())
            .append("evidence", evidence)
            .append("clauses", clauses)
            .append("remediation", finding.remediation())
            .append("source", state.source());
    if (state.exceptionId() != null) {
      doc.append("exceptionId", state.exceptionId());
    }
    doc.append("status", state.stored().name().toLowerCase(Locale.ROOT))
        .append("firstSeen", Date.from(state.firstSeen()))
        .append("lastSeen", Date.from(state.lastSeen()))
        .append("lastRunId", state.lastRunId())
        .append("timesReopened", state.timesReopened());
    if (state.resolvedAt() != null) {
      doc.append("resolvedAt", Date.from(state.resolvedAt()));
    }
    if (state.notRecheckedSince() != null) {
      doc.append("notRecheckedSince", Date.from(state.notRecheckedSince()));
    }
    return doc;
  }

  /** A finding's state as {@link #toDocument} stored it. */
  private static FindingState stateOf(Document doc) {
    String fingerprint = doc.getString("_id");
    try {
      List<Evidence> evidence = new ArrayList<>();
      for (Document e : doc.getList("evidence", Document.class, List.of())) {
        evidence.add(new Evidence(e.getString("label"), e.getString("value")));
      }
      List<PolicyClause> clauses = new ArrayList<>();
      for (Document c : doc.getList("clauses", Document.class, List.of())) {
        clauses.add(new PolicyClause(c.getString("reference"), c.getString("text")));
      }
      Finding finding =
          new Finding(
              fingerprint,
              doc.getString("ruleId"),
              doc.getString("title"),
              Severity.valueOf(doc.getString("severity")),
              new AccountKey(
                  SourceSystem.valueOf(doc.getString("system")),
                  doc.getString("tenant"),
                  doc.getString("nativeId")),
              doc.getString("accountName"),
              doc.getList("personIds", String.class, List.of()),
              doc.getString("summary"),
              evidence,
              clauses,
              doc.getString("remediation"));
      Instant lastSeen = doc.getDate("lastSeen").toInstant();
      Date firstSeen = doc.getDate("firstSeen");
      String source = doc.getString("source");
      String lastRunId = doc.getString("lastRunId");
      return new FindingState(
          finding,
          FindingState.Stored.valueOf(doc.getString("status").toUpperCase(Locale.ROOT)),
          source == null ? "" : source,
          firstSeen == null ? lastSeen : firstSeen.toInstant(),
          lastSeen,
          instant(doc.getDate("resolvedAt")),
          instant(doc.getDate("notRecheckedSince")),
          doc.getString("exceptionId"),
          doc.getInteger("timesReopened", 0),
          lastRunId == null ? "" : lastRunId);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "state store: finding " + fingerprint + " cannot be read back: " + e.getMessage(), e);
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  @Override
  public void close() {
    client.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
