import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.rollcall.jobs.config.StoreConfig;
import dev.rollcall.jobs.lifecycle.ExceptionsFile;
import dev.rollcall.jobs.lifecycle.FindingState;
import dev.rollcall.jobs.lifecycle.Lifecycle;
import dev.rollcall.jobs.store.RunRecord;
import dev.rollcall.jobs.store.StateStore;
import dev.rollcall.jobs.store.StoreFile;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.reports.review.InventoryRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * The state store alone: records N synthetic findings (through the real lifecycle and {@code
 * StateStore.recordFindings}) and 5×N inventory rows into a fresh embedded store, for two nights in
 * a row (the second: 95 % of the findings again, 5 % resolved, 5 % new), timing each call the way
 * {@code NightlyRun} makes it; then writes the same documents, as the store holds them, with bare
 * {@code insertMany} into the same backend and as a JSON-lines file, for a floor. Run it from the
 * checkout: java -cp 'jobs/target/classes:jobs/target/lib/*' scripts/benchmark/StoreBench.java N...
 */
public final class StoreBench {
  private static final Instant NIGHT_1 = Instant.parse("2026-12-01T02:00:00Z");
  private static final Instant NIGHT_2 = NIGHT_1.plus(Duration.ofDays(1));
  private static final String[] RULES = {
    "dormant-account", "console-password-without-mfa", "old-access-key", "unowned-account",
    "access-left-after-termination", "over-privileged", "shared-account", "permissive-role-trust"
  };
  private static final int TENANTS = 40;

  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    boolean baselines = true;
    for (String a : args) {
      if (a.equals("--no-baselines")) {
        baselines = false;
      } else {
        sizes.add(Integer.parseInt(a.replace("_", "").replace(",", "")));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(20_000, 200_000);
    }
    try {
      for (int size : sizes) {
        bench(size, baselines);
      }
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.exit(1); // the server's threads would keep the JVM alive
    }
  }

  private static void bench(int n, boolean baselines) throws Exception {
    Path dir = Files.createTempDirectory("rollcall-bench-store");
    try {
      System.out.printf(
          Locale.ROOT,
          "%n## %,d findings, %,d inventory rows a night (load %s)%n%n",
          n,
          5 * n,
          load());
      List<Finding> first = findings(0, n);
      // Night 2: the first 95 % again, the last 5 % resolved, 5 % new ones.
      int kept = n - n / 20;
      List<Finding> second = new ArrayList<>(first.subList(0, kept));
      second.addAll(findings(n, n / 20));
      List<InventoryRow> rows = inventory(first, 0);
      Map<String, Double> one = night(dir, "night-1", NIGHT_1, first, rows);
      rows = inventory(second, 1);
      Map<String, Double> two = night(dir, "night-2", NIGHT_2, second, rows);
      System.out.println("| call | night 1 | night 2 |");
      System.out.println("| --- | ---: | ---: |");
      for (String call : one.keySet()) {
        System.out.printf(
            Locale.ROOT, "| %s | %.2f s | %.2f s |%n", call, one.get(call), two.get(call));
      }
      long file = Files.size(StoreFile.in(dir).live());
      System.out.printf(
          Locale.ROOT, "%nstore file after two nights: %.1f MB (load %s)%n", file / 1e6, load());
      if (baselines) {
        baselines(dir, rows.size());
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** One night as NightlyRun drives the store, each call timed; "store" is their sum. */
  private static Map<String, Double> night(
      Path dir, String runId, Instant now, List<Finding> findings, List<InventoryRow> rows) {
    Map<String, Double> t = new LinkedHashMap<>();
    StateStore store = time(t, "open", () -> StateStore.open(StoreConfig.embedded(), dir, Map.of()));
    run(t, "acquireLease", () -> store.acquireLease(runId, now, Duration.ofHours(6)));
    run(t, "startRun", () -> store.startRun(runId, now, "bench", "default"));
    Map<String, FindingState> before = time(t, "findingStates", store::findingStates);
    Map<AccountKey, String> sourceOfAccount = new HashMap<>();
    for (Finding f : findings) {
      sourceOfAccount.put(f.account(), "aws/" + f.account().tenant());
    }
    Set<String> complete = new java.util.HashSet<>(sourceOfAccount.values());
    for (FindingState s : before.values()) {
      complete.add(s.source());
    }
    Lifecycle.Night night =
        time(
            t,
            "(lifecycle, not store)",
            () ->
                Lifecycle.advance(
                    before,
                    new Lifecycle.Tonight(
                        runId,
                        now,
                        findings,
                        sourceOfAccount,
                        complete,
                        new ExceptionsFile(List.of()))));
    run(t, "recordFindings", () -> store.recordFindings(runId, before, night));
    run(t, "recordInventory", () -> store.recordInventory(runId, rows));
    run(t, "trend", () -> store.trend(29));
    RunRecord record =
        new RunRecord(
            runId,
            now,
            now.plusSeconds(60),
            "bench",
            "default",
            List.of(
                new SourcePull(
                    "aws", SourceSystem.AWS_IAM, "o-bench", PullStatus.COMPLETE, rows.size(),
                    List.of(), now)),
            findings.size(),
            (int) night.tracked().stream().filter(x -> x.status().fresh()).count(),
            night.with(FindingStatus.RESOLVED).size(),
            3,
            night.openBySeverity());
    run(t, "finishRun", () -> store.finishRun(record));
    run(t, "releaseLease", () -> store.releaseLease(runId));
    run(t, "close", store::close);
    run(t, "keepCopyAfter (seal)", () -> StoreFile.in(dir).keepCopyAfter(runId));
    double total = 0;
    for (Map.Entry<String, Double> e : t.entrySet()) {
      if (!e.getKey().startsWith("(")) {
        total += e.getValue();
      }
    }
    t.put("**store, all calls**", total);
    System.err.printf(Locale.ROOT, "bench-store: %s done, the store's calls took %.1f s%n", runId, total);
    return t;
  }

  /**
   * The floor: the finding documents and the inventory chunks the store holds after night 2 (read
   * back raw from its file), each written with one unordered insertMany into a fresh backend of
   * each kind and read back with one find, and as a JSON-lines file.
   */
  private static void baselines(Path dir, int rows) throws Exception {
    List<Document> findings;
    List<Document> inventory = new ArrayList<>();
    Path live = StoreFile.in(dir).live();
    MVStore stored = MVStore.open(live.toString());
    System.out.printf(
        Locale.ROOT,
        "live data: %d %% of the file's chunks (H2's chunks fill rate)%n",
        stored.getFileStore().getChunksFillRate());
    try (Embedded server = Embedded.h2(stored);
        MongoClient client = MongoClients.create(server.uri())) {
      // In batches: a reply stays under MongoDB's 48 MB message size.
      var db = client.getDatabase("rollcall");
      findings = db.getCollection("findings").find().batchSize(1_000).into(new ArrayList<>());
      for (String name : db.listCollectionNames()) {
        if (name.startsWith("inventory-")) {
          db.getCollection(name).find().batchSize(16).into(inventory);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nbare: the same %,d finding documents, and the %,d inventory rows in the same %,d"
            + " documents (load %s):%n%n",
        findings.size(),
        rows,
        inventory.size(),
        load());
    System.out.println(
        "| baseline | insert findings | read them back | insert inventory | all three |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    Map<String, Supplier<MVStore>> h2 = new LinkedHashMap<>();
    h2.put(
        "H2 as rollcall opened it before (MVStore.open, auto-commit)",
        () -> MVStore.open(dir.resolve("a.mv").toString()));
    h2.put(
        "H2, auto-commit off, one commit a call",
        () ->
            new MVStore.Builder()
                .fileName(dir.resolve("b.mv").toString())
                .autoCommitDisabled()
                .open());
    h2.put(
        "H2, auto-commit off, one commit a call, LZF",
        () ->
            new MVStore.Builder()
                .fileName(dir.resolve("c.mv").toString())
                .autoCommitDisabled()
                .compress()
                .open());
    for (Map.Entry<String, Supplier<MVStore>> e : h2.entrySet()) {
      MVStore mv = e.getValue().get();
      try (Embedded server = Embedded.h2(mv)) {
        bare(e.getKey(), server, findings, inventory, mv::commit);
      }
    }
    try (Embedded server = Embedded.memory()) {
      bare("memory backend (not durable)", server, findings, inventory, () -> {});
    }
    double f = jsonLines(dir.resolve("findings.jsonl"), findings);
    double i = jsonLines(dir.resolve("inventory.jsonl"), inventory);
    System.out.printf(
        Locale.ROOT,
        "| JSON-lines file (Document.toJson, fsync) | %.2f s | – | %.2f s | %.2f s |%n",
        f,
        i,
        f + i);
    System.out.printf(Locale.ROOT, "%n(load %s)%n", load());
  }

  private static void bare(
      String name,
      Embedded server,
      List<Document> findings,
      List<Document> inventory,
      Runnable commit) {
    try (MongoClient client = MongoClients.create(server.uri())) {
      var db = client.getDatabase("bench");
      double f = insert(db.getCollection("findings"), findings, commit);
      long started = System.nanoTime();
      int read = 0;
      for (Document d : db.getCollection("findings").find().batchSize(1_000)) {
        read += d.size() > 0 ? 1 : 0;
      }
      double r = (System.nanoTime() - started) / 1e9;
      if (read != findings.size()) {
        throw new IllegalStateException(name + ": read back " + read + " of " + findings.size());
      }
      double i = insert(db.getCollection("inventory"), inventory, commit);
      System.out.printf(
          Locale.ROOT, "| %s | %.2f s | %.2f s | %.2f s | %.2f s |%n", name, f, r, i, f + r + i);
    }
  }

  private static double insert(
      MongoCollection<Document> collection, List<Document> docs, Runnable commit) {
    long started = System.nanoTime();
    // Copies: the driver gives a document without an _id one, and the next backend needs them.
    List<Document> copies = new ArrayList<>(docs.size());
    docs.forEach(d -> copies.add(new Document(d)));
    collection.insertMany(copies, new InsertManyOptions().ordered(false));
    commit.run();
    return (System.nanoTime() - started) / 1e9;
  }

  private static double jsonLines(Path file, List<Document> docs) throws IOException {
    long started = System.nanoTime();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Document d : docs) {
        out.write(d.toJson());
        out.write('\n');
      }
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** A bare wire-protocol server on loopback over one backend. */
  private record Embedded(MongoServer server, AutoCloseable backend) implements AutoCloseable {
    static Embedded h2(MVStore mv) {
      H2Backend backend = new H2Backend(mv);
      MongoServer server = new MongoServer(backend);
      server.bind("127.0.0.1", 0);
      return new Embedded(server, backend::close);
    }

    static Embedded memory() {
      MemoryBackend backend = new MemoryBackend();
      MongoServer server = new MongoServer(backend);
      server.bind("127.0.0.1", 0);
      return new Embedded(server, backend::close);
    }

    String uri() {
      InetSocketAddress a = server.getLocalAddress();
      return "mongodb://127.0.0.1:" + a.getPort() + "/?directConnection=true";
    }

    @Override
    public void close() throws Exception {
      server.shutdown();
      backend.close();
    }
  }

  /** Findings {@code from} … {@code from + count - 1}, about the size real ones have. */
  private static List<Finding> findings(int from, int count) {
    List<Finding> out = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) {
      String rule = RULES[i % RULES.length];
      String tenant = String.format(Locale.ROOT, "%012d", 100_000_000_000L + i % TENANTS);
      String user = "user-" + i;
      AccountKey account = new AccountKey(SourceSystem.AWS_IAM, tenant, "AIDA" + (1_000_000 + i));
      out.add(
          new Finding(
              Finding.fingerprintOf(rule, account),
              rule,
              "A finding of " + rule,
              Severity.values()[i % Severity.values().length],
              account,
              user,
              List.of("person-" + (i / 3)),
              user + " in account " + tenant + " has not signed in for 214 days and keeps access",
              List.of(
                  new Evidence("last sign-in", "2026-05-01T10:00:00Z"),
                  new Evidence("access keys", "AKIA****" + (i % 10_000) + " active, last used never"),
                  new Evidence("groups", "developers, deploy"),
                  new Evidence("policy", "arn:aws:iam::aws:policy/PowerUserAccess")),
              List.of(
                  new PolicyClause(
                      "AC-2(3)", "Disable accounts when they have been inactive for 90 days."),
                  new PolicyClause(
                      "ISO 27001 A.5.18", "Access rights are reviewed and removed when unused.")),
              "Deactivate the access keys (aws iam update-access-key --status Inactive) and delete"
                  + " the console password of "
                  + user
                  + " after confirming with the owner."));
    }
    return out;
  }

  /** Five inventory rows a finding; {@code night} changes the last-use of one row in fifty. */
  private static List<InventoryRow> inventory(List<Finding> findings, int night) {
    List<InventoryRow> rows = new ArrayList<>(findings.size() * 5);
    for (Finding f : findings) {
      for (int k = 0; k < 5; k++) {
        int i = rows.size();
        rows.add(
            new InventoryRow(
                f.personIds().get(0),
                "Person " + f.personIds().get(0),
                "manager@example.test",
                "AWS",
                f.account().tenant(),
                f.account().nativeId() + "-" + k,
                f.accountName() + "-" + k,
                "USER",
                "ACTIVE",
                List.of("ADMIN", "WRITE"),
                i % 50 == 0 ? "2026-12-0" + (night + 1) : "2026-11-15",
                "VIRTUAL",
                k == 0 ? List.of(f.fingerprint()) : List.of()));
      }
    }
    return rows;
  }

  private static <T> T time(Map<String, Double> t, String name, Supplier<T> call) {
    long started = System.nanoTime();
    T result = call.get();
    t.merge(name, (System.nanoTime() - started) / 1e9, Double::sum);
    return result;
  }

  private static void run(Map<String, Double> t, String name, Runnable call) {
    time(
        t,
        name,
        () -> {
          call.run();
          return null;
        });
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "n/a";
    }
  }
}
