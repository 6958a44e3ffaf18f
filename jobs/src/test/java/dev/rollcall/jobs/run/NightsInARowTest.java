package dev.rollcall.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.jobs.config.StoreConfig;
import dev.rollcall.jobs.spark.SharedSpark;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.jobs.store.FindingNight;
import dev.rollcall.jobs.store.StateStore;
import dev.rollcall.jobs.store.StoreFile;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nights in a row on a changing copy of the demo organisation, with an injected clock: a user
 * removed and brought back, the Atlas source broken for a night, an exception granted and
 * withdrawn. Each night's new, resolved, reopened, suppressed and not-re-checked counts are exact.
 */
@ExtendWith(SharedSpark.class)
class NightsInARowTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theStoreRemembersWhatEachNightChanged(SparkSession spark) throws IOException {
    DemoCopy.copy(dir);
    Path prod = dir.resolve("snapshot/aws/111122223333");
    Path atlasSettings = dir.resolve("snapshot/atlas/5f1a2b3c4d5e6f7a8b9c0d1e/settings.json");
    String report = Files.readString(prod.resolve("credential-report.csv"));
    String details = Files.readString(prod.resolve("get-account-authorization-details.json"));
    String settings = Files.readString(atlasSettings);
    NightlyRun job = new NightlyRun(SparkStart.of(spark), "test");

    RunOutcome night1 = night(job, "2026-11-20T07:00:00Z", null);
    assertEquals(night1.findings().size(), night1.fresh().size());
    Set<String> bob = fingerprints(night1, f -> f.accountName().equals("contractor-bob"));
    Set<String> atlas =
        fingerprints(
            night1,
            f ->
                f.account().system() == SourceSystem.ATLAS_ORG
                    || f.account().system() == SourceSystem.ATLAS_DATABASE);
    assertTrue(bob.size() >= 2 && !atlas.isEmpty(), bob + " " + atlas);

    // Night 2: contractor-bob is gone, the Atlas export is broken, an exception is granted.
    Files.writeString(
        prod.resolve("credential-report.csv"),
        report
                .lines()
                .filter(l -> !l.startsWith("contractor-bob,"))
                .collect(Collectors.joining("\n"))
            + "\n");
    ObjectNode doc = (ObjectNode) JSON.readTree(details);
    ArrayNode users = (ArrayNode) doc.get("UserDetailList");
    for (int i = users.size() - 1; i >= 0; i--) {
      if (users.get(i).get("UserName").asText().equals("contractor-bob")) {
        users.remove(i);
      }
    }
    Files.writeString(prod.resolve("get-account-authorization-details.json"), doc.toString());
    Files.writeString(atlasSettings, "{ this is not json");
    Files.writeString(dir.resolve("exceptions.yaml"), DemoCopy.DAN_BREAK_GLASS);
    RunOutcome night2 = night(job, "2026-11-21T07:00:00Z", "exceptions.yaml");
    assertEquals(ExitCode.SOURCE_FAILED, night2.exitCode());
    SourcePull failed =
        night2.sources().stream()
            .filter(p -> p.status() == PullStatus.FAILED)
            .findFirst()
            .orElseThrow();
    assertEquals("atlas/5f1a2b3c4d5e6f7a8b9c0d1e", failed.source());
    assertEquals(Set.of(), night2.fresh());
    assertEquals(bob.size(), night2.count(FindingStatus.RESOLVED), "bob's findings resolved");
    assertEquals(
        atlas.size(), night2.count(FindingStatus.NOT_RECHECKED), "Atlas kept open, not re-checked");
    assertEquals(1, night2.count(FindingStatus.SUPPRESSED));
    // The OCSF file closes bob's findings, so that a SIEM can close the alerts it opened.
    Map<String, JsonNode> events = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("out/findings.ocsf.jsonl"))) {
      JsonNode event = JSON.readTree(line);
      events.put(event.at("/finding_info/uid").asText(), event);
    }
    for (String fingerprint : bob) {
      JsonNode closed = events.get(fingerprint);
      assertEquals(200403, closed.get("type_uid").asInt(), closed.toString());
      assertEquals("Resolved", closed.get("status").asText());
      assertEquals(
          Instant.parse("2026-11-20T07:00:00Z").toEpochMilli(),
          closed.at("/finding_info/first_seen_time").asLong());
    }
    assertEquals(1, events.values().stream().filter(e -> e.get("status_id").asInt() == 3).count());
    assertEquals(night2.findings().size() + atlas.size() + 1 + bob.size(), events.size());
    assertEquals(
        night1.findings().size() - bob.size() - atlas.size() - 1,
        night2.count(FindingStatus.STILL_OPEN));
    // report.html lists each of them in its own section, from the store.
    String page = Files.readString(dir.resolve("out/report.html"));
    assertEquals(bob, rowsOf(page, "resolved"));
    assertEquals(atlas, rowsOf(page, "not-rechecked"));
    assertEquals(1, rowsOf(page, "suppressed").size());
    assertEquals(Set.of(), rowsOf(page, "new"));
    assertTrue(page.contains("data-source=\"" + failed.source() + "\" data-status=\"failed\""));

    // Night 3: bob is back, Atlas is readable again, the exception is withdrawn.
    Files.writeString(prod.resolve("credential-report.csv"), report);
    Files.writeString(prod.resolve("get-account-authorization-details.json"), details);
    Files.writeString(atlasSettings, settings);
    RunOutcome night3 = night(job, "2026-11-22T07:00:00Z", null);
    assertEquals(
        bob,
        new java.util.HashSet<>(
            night3.with(FindingStatus.REOPENED).stream().map(t -> t.fingerprint()).toList()));
    assertEquals(bob, night3.fresh(), "only the reopened ones are new");
    assertEquals(0, night3.count(FindingStatus.RESOLVED));
    assertEquals(0, night3.count(FindingStatus.SUPPRESSED));
    assertEquals(night1.findings().size() - bob.size(), night3.count(FindingStatus.STILL_OPEN));
    assertEquals(
        fingerprints(night1, f -> true), fingerprints(night3, f -> true), "the same roll again");
    page = Files.readString(dir.resolve("out/report.html"));
    assertEquals(bob, rowsOf(page, "new"));
    assertTrue(page.contains("<figure id=\"trend\" data-points=\"3\">"), "three nights");

    // Each finished night kept a copy of the store, owner-only like the store itself.
    StoreFile store = StoreFile.in(dir.resolve("out"));
    assertEquals(
        List.of(night3.runId(), night2.runId(), night1.runId()),
        store.goodCopies().stream().map(StoreFile.Sealed::runId).toList());
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.live())));
    assertTrue(store.unchangedSinceSeal(), "the store file is what the last night sealed");
    // And each night of a reopened finding is in the store, as the run tracked it.
    try (StateStore state = StateStore.open(StoreConfig.embedded(), dir.resolve("out"), Map.of())) {
      assertEquals(
          List.of(FindingStatus.NEW, FindingStatus.RESOLVED, FindingStatus.REOPENED),
          state.nightsOf(bob.iterator().next()).stream().map(FindingNight::status).toList());
    }
  }

  private RunOutcome night(NightlyRun job, String at, String exceptions) throws IOException {
    return DemoCopy.night(job, dir, at, exceptions);
  }

  /** The fingerprints of the findings report.html lists in one section. */
  private static Set<String> rowsOf(String page, String section) {
    Matcher m = Pattern.compile("id=\"" + section + "-([0-9a-f]+)\"").matcher(page);
    Set<String> found = new java.util.HashSet<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static Set<String> fingerprints(
      RunOutcome outcome, java.util.function.Predicate<Finding> which) {
    return outcome.findings().stream()
        .filter(which)
        .map(Finding::fingerprint)
        .collect(Collectors.toSet());
  }
}
