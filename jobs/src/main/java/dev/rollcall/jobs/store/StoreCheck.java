package dev.rollcall.jobs.store;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import dev.rollcall.jobs.lifecycle.FindingState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@code rollcall store verify} found: whether everything the store holds reads back and hangs
 * together (every finding and night belongs to a stored run), and what it holds.
 *
 * @param runs how many runs it holds
 * @param finished how many of them finished
 * @param lastFinished the last finished run, or null when none has
 * @param findings how many findings it holds
 * @param open how many of them are open (suppressed ones not counted)
 * @param suppressed how many are suppressed by an exception
 * @param unfinished the runs that did not finish and whose changes the next run rolls back
 * @param problems what is wrong, one sentence each; empty when the store is consistent
 */
public record StoreCheck(
    int runs,
    int finished,
    PastRun lastFinished,
    int findings,
    int open,
    int suppressed,
    List<String> unfinished,
    List<String> problems) {
  public StoreCheck {
    unfinished = List.copyOf(unfinished);
    problems = List.copyOf(problems);
  }

  /** Whether the store is readable and consistent. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** Reads everything the store holds, and checks that it hangs together. */
  public static StoreCheck of(StateStore store) {
    List<String> problems = new ArrayList<>();
    List<PastRun> runs = read("its runs", store::pastRuns, problems, List.of());
    Set<String> runIds = new HashSet<>();
    runs.forEach(r -> runIds.add(r.runId()));
    PastRun last = null;
    for (PastRun r : runs) {
      if (r.finished()) {
        last = r;
      }
    }
    Map<String, FindingState> states =
        read("its findings", store::findingStates, problems, Map.of());
    for (FindingState state : states.values()) {
      if (!state.lastRunId().isEmpty() && !runIds.contains(state.lastRunId())) {
        problems.add(
            "finding "
                + state.fingerprint()
                + " was last changed by run "
                + state.lastRunId()
                + ", which the store does not hold");
      }
    }
    for (String runId :
        read("the findings' nights", () -> store.runIdsIn("nights"), problems, Set.<String>of())) {
      if (!runIds.contains(runId)) {
        problems.add("the findings' statuses of run " + runId + " belong to no stored run");
      }
    }
    Set<String> journaled =
        read("its journal", () -> store.runIdsIn("journal"), problems, Set.<String>of());
    List<String> unfinished =
        runs.stream()
            .filter(r -> !r.finished() && journaled.contains(r.runId()))
            .map(PastRun::runId)
            .toList();
    if (last != null) {
      String lastId = last.runId();
      read("the access inventory of run " + lastId, () -> store.inventory(lastId), problems, null);
    }
    read("its review decisions", () -> store.decisionsBefore("\uffff"), problems, null);
    int open = 0;
    int suppressed = 0;
    for (FindingState s : states.values()) {
      if (s.stored() == FindingState.Stored.OPEN) {
        open++;
      } else if (s.stored() == FindingState.Stored.SUPPRESSED) {
        suppressed++;
      }
    }
    return new StoreCheck(
        runs.size(),
        (int) runs.stream().filter(PastRun::finished).count(),
        last,
        states.size(),
        open,
        suppressed,
        unfinished,
        problems);
  }

  private static <T> T read(String what, Supplier<T> reader, List<String> problems, T otherwise) {
    try {
      return reader.get();
    } catch (MongoCommandException e) {
      problems.add("cannot read " + what + ": " + e.getErrorMessage());
    } catch (MongoException | IllegalStateException e) {
      problems.add("cannot read " + what + ": " + e.getMessage());
    }
    return otherwise;
  }
}
