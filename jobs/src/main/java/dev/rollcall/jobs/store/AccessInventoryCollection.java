package dev.rollcall.jobs.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.RenameCollectionOptions;
import dev.rollcall.model.Identity;
import dev.rollcall.reports.review.InventoryRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.bson.Document;

/**
 * The access inventory as a collection other tools query: {@value #NAME}, one document per person
 * of the directory (their accounts and privileges, none for someone without an account) and one per
 * account nobody owns, replaced whole by every run. The new documents go into a collection of their
 * own, indexed, which is then renamed over the old one: a reader sees last night's inventory or
 * tonight's, never half of one. The README documents the schema.
 */
final class AccessInventoryCollection {
  static final String NAME = "access_inventory";

  /** Where tonight's inventory is written before it replaces {@value #NAME}. */
  static final String STAGING = NAME + "_next";

  /** The index on the systems a person's accounts are in. */
  static final String BY_SYSTEM = "by_system";

  /** The index on the accounts' ids. */
  static final String BY_ACCOUNT = "by_account";

  /** The index on the person's id ({@code _id} is the document's key, this one its field). */
  static final String BY_PERSON = "by_person";

  private static final int BATCH = 1_000;

  private AccessInventoryCollection() {}

  /**
   * Replaces the collection with tonight's inventory.
   *
   * @param rows the inventory rows (a person's accounts, and the unowned accounts)
   * @param privilege each account's highest privilege, by account id
   * @param people the directory of people
   */
  static void replace(
      MongoDatabase database,
      String runId,
      Instant recordedAt,
      List<InventoryRow> rows,
      Map<String, String> privilege,
      List<Identity> people) {
    Map<String, Document> byPerson = new LinkedHashMap<>();
    Map<String, Identity> directory = new LinkedHashMap<>();
    people.forEach(p -> directory.putIfAbsent(p.personId(), p));
    for (Identity p : directory.values()) {
      byPerson.put(p.personId(), person(p.personId(), p.displayName(), p.manager(), status(p)));
    }
    List<Document> unowned = new ArrayList<>();
    for (InventoryRow r : rows) {
      if (r.accountId().isEmpty()) {
        continue;
      }
      if (r.personId().isEmpty()) {
        Document d =
            new Document("_id", "unowned:" + r.accountId())
                .append("person", null)
                .append("accounts", new ArrayList<>(List.of(account(r, privilege))));
        unowned.add(d);
        continue;
      }
      Document d =
          byPerson.computeIfAbsent(
              r.personId(), id -> person(id, r.personName(), r.manager(), "unknown"));
      d.getList("accounts", Document.class).add(account(r, privilege));
    }
    List<Document> documents = new ArrayList<>(byPerson.values());
    documents.addAll(unowned);
    Date at = Date.from(recordedAt);
    for (Document d : documents) {
      TreeSet<String> systems = new TreeSet<>();
      d.getList("accounts", Document.class).forEach(a -> systems.add(a.getString("system")));
      d.append("systems", new ArrayList<>(systems)).append("runId", runId).append("recordedAt", at);
    }

    MongoCollection<Document> staging = database.getCollection(STAGING);
    if (database.listCollectionNames().into(new ArrayList<>()).contains(STAGING)) {
      staging.drop(); // what a run that died between writing and renaming left
    }
    for (int start = 0; start < documents.size(); start += BATCH) {
      staging.insertMany(
          documents.subList(start, Math.min(documents.size(), start + BATCH)),
          new InsertManyOptions().ordered(false));
    }
    if (documents.isEmpty()) {
      database.createCollection(STAGING);
    }
    staging.createIndex(Indexes.ascending("person.id"), new IndexOptions().name(BY_PERSON));
    staging.createIndex(Indexes.ascending("systems"), new IndexOptions().name(BY_SYSTEM));
    staging.createIndex(
        Indexes.ascending("accounts.accountId"), new IndexOptions().name(BY_ACCOUNT));
    staging.renameCollection(
        new com.mongodb.MongoNamespace(database.getName(), NAME),
        new RenameCollectionOptions().dropTarget(true));
  }

  private static Document person(String id, String name, String manager, String status) {
    return new Document("_id", id)
        .append(
            "person",
            new Document("id", id)
                .append("name", name == null ? "" : name)
                .append("manager", manager == null ? "" : manager)
                .append("status", status))
        .append("accounts", new ArrayList<Document>());
  }

  private static String status(Identity p) {
    return p.status().name().toLowerCase(Locale.ROOT);
  }

  private static Document account(InventoryRow r, Map<String, String> privilege) {
    return new Document("system", r.system())
        .append("tenant", r.tenant())
        .append("accountId", r.accountId())
        .append("accountName", r.accountName())
        .append("kind", r.kind())
        .append("status", r.status())
        .append("privilege", privilege.getOrDefault(r.accountId(), "none"))
        .append("grants", r.privileges())
        .append("mfa", r.mfa())
        .append("lastUse", r.lastUse())
        .append("findings", r.findings())
        .append("ownedBecause", r.ownership());
  }
}
