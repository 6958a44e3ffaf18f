package dev.rollcall.jobs.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * What a night changes in a finding the store already holds, as a MongoDB update, and how to undo
 * it. A finding seen again changes only where it stands (its lifecycle fields: last seen, last run,
 * status, …); its content (title, evidence, remediation, …) is written only when tonight's differs.
 * The lifecycle fields are always written, all of them, so that one a store written by an older
 * rollcall lacks (read back as a default) is written out before the default could drift.
 *
 * @param set the fields to set, with their new values
 * @param unset the fields to remove
 * @param undoSet the fields the update touches that the finding had, with their old values
 * @param undoUnset the fields the update sets that the finding did not have
 */
record FindingUpdate(Document set, List<String> unset, Document undoSet, List<String> undoUnset) {
  /** The fields of a finding document that say where it stands rather than what it is. */
  static final Set<String> LIFECYCLE =
      Set.of(
          "source",
          "exceptionId",
          "status",
          "firstSeen",
          "lastSeen",
          "lastRunId",
          "timesReopened",
          "resolvedAt",
          "notRecheckedSince");

  /** The lifecycle fields a finding document has only while they mean something. */
  private static final Set<String> OPTIONAL =
      Set.of("exceptionId", "resolvedAt", "notRecheckedSince");

  FindingUpdate {
    set = new Document(set);
    unset = List.copyOf(unset);
    undoSet = new Document(undoSet);
    undoUnset = List.copyOf(undoUnset);
  }

  /**
   * The update from one stored document of a finding to the next.
   *
   * @param was the document as the store holds it
   * @param now the document as tonight leaves it
   * @param content whether the finding's content changed too, not only its lifecycle
   */
  static FindingUpdate between(Document was, Document now, boolean content) {
    Set<String> fields = new LinkedHashSet<>(content ? now.keySet() : LIFECYCLE);
    fields.addAll(OPTIONAL);
    if (content) {
      fields.addAll(was.keySet());
    }
    fields.remove("_id");
    Document set = new Document();
    List<String> unset = new ArrayList<>();
    Document undoSet = new Document();
    List<String> undoUnset = new ArrayList<>();
    for (String field : fields) {
      if (now.containsKey(field)) {
        set.append(field, now.get(field));
        if (was.containsKey(field)) {
          undoSet.append(field, was.get(field));
        } else {
          undoUnset.add(field);
        }
      } else if (was.containsKey(field)) {
        unset.add(field);
        undoSet.append(field, was.get(field));
      } else if (OPTIONAL.contains(field)) {
        unset.add(field); // not read back, but the stored document may hold it as null
      }
    }
    return new FindingUpdate(set, unset, undoSet, undoUnset);
  }

  /** The update itself. */
  Document apply() {
    return update(set, unset);
  }

  /** How the journal keeps the undoing of it (without the fingerprint). */
  Document undo() {
    return new Document("set", undoSet).append("unset", undoUnset);
  }

  /** The update that undoes one, from its journal entry ({@link #undo()}). */
  static Document undoing(Document entry) {
    return update(
        entry.get("set", Document.class), entry.getList("unset", String.class, List.of()));
  }

  private static Document update(Document set, List<String> unset) {
    Document update = new Document();
    if (!set.isEmpty()) {
      update.append("$set", set);
    }
    if (!unset.isEmpty()) {
      Document fields = new Document();
      unset.forEach(f -> fields.append(f, ""));
      update.append("$unset", fields);
    }
    return update;
  }
}
