package dev.rollcall.jobs.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's H2 backend, on an MVStore opened without H2's background auto-commit: every
 * command that changed something is committed to the file before its reply goes back, so a write
 * the driver saw acknowledged survives the process dying right after (with auto-commit it reached
 * the file up to a second later), and a bulk write costs one commit, not one a second while it
 * runs. Its unique indexes order their keys with {@link IndexKeyType}.
 */
final class CommittingH2Backend extends H2Backend {
  /** What H2Database puts between a collection's name and an index's in the index's map. */
  private static final String INDEX = "._index_";

  CommittingH2Backend(MVStore mvStore) {
    super(mvStore);
  }

  @Override
  public Document handleCommand(
      Channel channel, String databaseName, String command, Document query) {
    try {
      return super.handleCommand(channel, databaseName, command, query);
    } finally {
      // What a failed command did write stays, as on a MongoDB server.
      MVStore store = getMvStore();
      if (!store.isClosed() && store.hasUnsavedChanges()) {
        store.commit();
      }
    }
  }

  /**
   * Opens a map of the store as this backend does: an index map with {@link IndexKeyType}, any
   * other with H2's own types. A map is opened once per store, with the types it was opened with
   * first, so whoever reads the file before the backend starts must open it here.
   */
  static MVMap<Object, Object> openMap(MVStore store, String name) {
    MVMap.Builder<Object, Object> builder = new MVMap.Builder<>();
    if (name.contains(INDEX)) {
      builder.keyType(new IndexKeyType());
    }
    return store.openMap(name, builder);
  }

  /**
   * Commits, and rewrites the file with only its live pages when most of it is dead: H2 reclaims
   * space only by moving chunks, which it does not do here, and every night rewrites every finding
   * and the whole inventory, so the file grew by about a fifth of its size a night.
   */
  @Override
  public void close() {
    MVStore store = getMvStore();
    if (store.isClosed()) {
      return; // the server closes its backend, then whoever started it
    }
    store.commit();
    FileStore<?> file = store.getFileStore();
    boolean sparse =
        file != null && !file.isReadOnly() && file.getChunksFillRate() < StoreCompaction.BELOW;
    super.close();
    if (sparse) {
      StoreCompaction.rewrite(Path.of(file.getFileName()));
    }
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName);
  }

  /** H2's database, but its index maps are opened with {@link IndexKeyType} before H2 asks. */
  private final class Database extends H2Database {
    Database(String databaseName) {
      super(
          databaseName,
          CommittingH2Backend.this.getMvStore(),
          CommittingH2Backend.this.getCursorRegistry());
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      // The name H2Database gives the map; opened here first, H2's openMap(name) returns it.
      openMap(getMvStore(), getFullCollectionNamespace(collectionName) + INDEX + indexName);
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }
  }
}
