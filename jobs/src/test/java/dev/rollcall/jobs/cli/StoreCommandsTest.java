package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.jobs.config.StoreConfig;
import dev.rollcall.jobs.lifecycle.ExceptionsFile;
import dev.rollcall.jobs.lifecycle.FindingState;
import dev.rollcall.jobs.lifecycle.Lifecycle;
import dev.rollcall.jobs.store.RunRecord;
import dev.rollcall.jobs.store.StateStore;
import dev.rollcall.jobs.store.StoreFile;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Finding;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The store as the audit's history, through the command line: three nights recorded as a run
 * records them, then {@code history}, {@code store verify}, a damaged file and {@code store
 * restore}.
 */
class StoreCommandsTest {
  private static final Instant NIGHT_1 = Instant.parse("2026-11-20T06:00:00Z");
  private static final Instant NIGHT_2 = Instant.parse("2026-11-21T06:00:00Z");
  private static final Instant NIGHT_3 = Instant.parse("2026-11-22T06:00:00Z");
  private static final String AWS = "aws/111122223333";

  @TempDir Path out;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private final Finding alice = finding("alice");
  private final Finding bob = finding("bob");

  @Test
  void historyListsTheRunsAndEachNightOfAFinding() {
    threeNights();

    assertEquals(0, execute("history", "--out", out.toString()), stderr.toString());
    List<String> lines = stdout.toString().lines().toList();
    assertTrue(lines.get(0).contains("not re-checked"), lines.get(0));
    assertEquals(4, lines.size(), stdout.toString());
    // night 1: alice and bob new; night 2: aws failed, both not re-checked; night 3: bob gone.
    assertRow(lines.get(1), "2026-11-20 06:00", "r1", "exit 3", "2 2 0 0 0", AWS + " complete");
    assertRow(lines.get(2), "2026-11-21 06:00", "r2", "exit 4", "0 0 0 2 0", AWS + " failed");
    assertRow(lines.get(3), "2026-11-22 06:00", "r3", "exit 3", "1 0 1 0 0", AWS + " complete");

    reset();
    assertEquals(0, execute("history", "--out", out.toString(), bob.fingerprint()));
    String bobs = stdout.toString();
    assertTrue(bobs.contains("first seen 2026-11-20 06:00 UTC"), bobs);
    assertTrue(bobs.contains("now resolved"), bobs);
    List<String> nights = bobs.lines().filter(l -> l.matches(".* r[123] .*")).toList();
    assertEquals(3, nights.size(), bobs);
    assertTrue(nights.get(0).matches(".*r1\\s+new\\s+0$"), nights.get(0));
    assertTrue(nights.get(1).matches(".*r2\\s+not re-checked\\s+1$"), nights.get(1));
    assertTrue(nights.get(2).matches(".*r3\\s+resolved\\s+2$"), nights.get(2));

    reset();
    assertEquals(
        0, execute("history", "--out", out.toString(), alice.fingerprint().substring(0, 10)));
    assertTrue(stdout.toString().matches("(?s).*r3\\s+still open\\s+2\n.*"), stdout.toString());
  }

  @Test
  void anUnknownFingerprintIsRefusedInOneLine() {
    threeNights();
    assertEquals(2, execute("history", "--out", out.toString(), "0123456789abcdef"));
    assertEquals(1, stderr.toString().lines().count(), stderr.toString());
    assertTrue(stderr.toString().contains("no finding with fingerprint '0123456789abcdef'"));
  }

  @Test
  void theStoreFileAndItsCopiesAreOwnerOnlyAndRotated() throws Exception {
    threeNights();
    StoreFile file = StoreFile.in(out);
    Path state = file.live().getParent();
    for (String name : List.of("rollcall-state.mv", "rollcall-state.mv.1", "rollcall-state.mv.2")) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(name))),
          name);
    }
    assertEquals(
        List.of("r3", "r2", "r1"), file.goodCopies().stream().map(s -> s.runId()).toList());
    assertEquals(
        List.of("rollcall-state.mv.1", "rollcall-state.mv.2", "rollcall-state.mv.3"),
        file.goodCopies().stream().map(s -> s.file().getFileName().toString()).toList());

    assertEquals(0, execute("store", "verify", "--out", out.toString()), stderr.toString());
    String said = stdout.toString();
    assertTrue(said.contains("readable and consistent"), said);
    assertTrue(said.contains("runs: 3 (3 finished)"), said);
    assertTrue(said.contains("last finished run: r3"), said);
    assertTrue(said.contains("findings: 2 (1 open, 0 suppressed, 1 resolved)"), said);
    assertTrue(said.contains("rollcall-state.mv.1 (after run r3)"), said);
  }

  @Test
  void aTruncatedStoreIsRefusedAndRestoredFromItsCopy() throws Exception {
    threeNights();
    Path live = StoreFile.in(out).live();
    try (RandomAccessFile f = new RandomAccessFile(live.toFile(), "rw")) {
      f.setLength(f.length() / 2); // H2 alone would fall back to an older state without a word
    }
    assertRefusedAsDamaged("store", "verify", "--out", out.toString());
    assertRefusedAsDamaged("history", "--out", out.toString());
    assertRestoredAndWhole();
  }

  @Test
  void aGarbledStoreIsRefusedAndRestoredFromItsCopy() throws Exception {
    threeNights();
    Path live = StoreFile.in(out).live();
    byte[] bytes = Files.readAllBytes(live);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (bytes[i] ^ 0x5a);
    }
    Files.write(live, bytes);
    assertRefusedAsDamaged("store", "verify", "--out", out.toString());
    assertRestoredAndWhole();
  }

  @Test
  void anEmptiedStoreIsRefusedToo() throws Exception {
    threeNights();
    Files.write(StoreFile.in(out).live(), new byte[0]);
    assertRefusedAsDamaged("store", "verify", "--out", out.toString());
  }

  @Test
  void restoreRefusesWhenNoCopyExists() throws Exception {
    try (StateStore store = StateStore.open(StoreConfig.embedded(), out, Map.of())) {
      store.startRun("r1", NIGHT_1, "test", "default");
    }
    assertEquals(2, execute("store", "restore", "--out", out.toString()));
    assertTrue(stderr.toString().contains("there is no good copy of"), stderr.toString());
    assertTrue(Files.exists(StoreFile.in(out).live()), "the store is left where it was");
  }

  @Test
  void verifyWithoutAStoreSaysThereIsNone() {
    assertEquals(2, execute("store", "verify", "--out", out.toString()));
    assertTrue(stderr.toString().contains("there is no state store at"), stderr.toString());
  }

  private void assertRefusedAsDamaged(String... args) {
    reset();
    assertEquals(2, execute(args), stderr.toString());
    String said = stderr.toString();
    assertEquals(1, said.lines().count(), said);
    assertTrue(said.contains(StoreFile.in(out).live() + " is damaged"), said);
    assertTrue(said.contains("rollcall store restore --out " + out), said);
    assertFalse(said.contains("Exception"), said);
    assertFalse(said.contains("another rollcall run"), said);
  }

  private void assertRestoredAndWhole() throws Exception {
    reset();
    assertEquals(0, execute("store", "restore", "--out", out.toString()), stderr.toString());
    assertTrue(
        stdout.toString().contains("from rollcall-state.mv.1: the store as run r3 left it"),
        stdout.toString());
    Path state = StoreFile.in(out).live().getParent();
    try (var kept = Files.list(state)) {
      assertEquals(
          1,
          kept.filter(p -> p.getFileName().toString().startsWith("rollcall-state.mv.replaced-"))
              .count(),
          "the damaged file is kept aside");
    }
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(StoreFile.in(out).live())));
    reset();
    assertEquals(0, execute("store", "verify", "--out", out.toString()), stderr.toString());
    assertTrue(stdout.toString().contains("last finished run: r3"), stdout.toString());
    reset();
    assertEquals(0, execute("store", "restore", "--out", out.toString()), stderr.toString());
    assertTrue(stdout.toString().contains("nothing to do"), stdout.toString());
  }

  /** Night 1: alice and bob new; night 2: AWS failed; night 3: bob is gone. */
  private void threeNights() {
    night("r1", NIGHT_1, List.of(alice, bob), PullStatus.COMPLETE, 3);
    night("r2", NIGHT_2, List.of(), PullStatus.FAILED, 4);
    night("r3", NIGHT_3, List.of(alice), PullStatus.COMPLETE, 3);
  }

  /** One night as NightlyRun records it, the copy kept after it included. */
  private void night(
      String runId, Instant at, List<Finding> findings, PullStatus status, int exitCode) {
    try (StateStore store = StateStore.open(StoreConfig.embedded(), out, Map.of())) {
      store.acquireLease(runId, at, java.time.Duration.ofHours(1));
      store.startRun(runId, at, "test", "default");
      Map<AccountKey, String> sourceOf = new HashMap<>();
      findings.forEach(f -> sourceOf.put(f.account(), AWS));
      Map<String, FindingState> before = store.findingStates();
      Lifecycle.Night night =
          Lifecycle.advance(
              before,
              new Lifecycle.Tonight(
                  runId,
                  at,
                  findings,
                  sourceOf,
                  status == PullStatus.COMPLETE ? Set.of(AWS) : Set.of(),
                  ExceptionsFile.none()));
      store.recordFindings(runId, before, night);
      store.finishRun(
          new RunRecord(
              runId,
              at,
              at.plusSeconds(60),
              "test",
              "default",
              List.of(
                  new SourcePull(
                      AWS,
                      SourceSystem.AWS_IAM,
                      "111122223333",
                      status,
                      findings.size(),
                      List.of(),
                      at)),
              findings.size(),
              0,
              0,
              exitCode,
              night.openBySeverity()));
      store.releaseLease(runId);
    }
    StoreFile.in(out).keepCopyAfter(runId);
  }

  private static void assertRow(
      String line, String started, String run, String ended, String counts, String sources) {
    String squeezed = line.replaceAll("\\s+", " ");
    String expected = started + " " + run + " " + ended + " " + counts + " " + sources;
    assertEquals(expected, squeezed.strip(), line);
  }

  private int execute(String... args) {
    CommandLine cli = RollcallCommand.commandLine();
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    return cli.execute(args);
  }

  private void reset() {
    stdout.getBuffer().setLength(0);
    stderr.getBuffer().setLength(0);
  }

  private static Finding finding(String name) {
    AccountKey key = new AccountKey(SourceSystem.AWS_IAM, "111122223333", "AIDA" + name);
    return new Finding(
        Finding.fingerprintOf("dormant-account", key),
        "dormant-account",
        "Dormant account",
        Severity.HIGH,
        key,
        name,
        List.of(),
        name + " has not signed in for 120 days.",
        List.of(),
        List.of(),
        "fix it");
  }
}
