package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.store.StateStore;
import dev.rollcall.jobs.store.StoreCheck;
import dev.rollcall.jobs.store.StoreFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rollcall store verify | restore}: is the audit's history whole, and put it back if not.
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = {
      "Checks or mends the state store, the audit's history of runs and findings. After every"
          + " finished run the embedded store's file is copied to rollcall-state.mv.1 (the"
          + " earlier copies move to .2 and .3) and sealed with the run and its SHA-256."
    },
    subcommands = {StoreCommand.Verify.class, StoreCommand.Restore.class})
final class StoreCommand {
  /** {@code rollcall store verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Reads everything the state store holds and says whether it is readable and consistent:"
            + " its runs, its findings, the last finished run, and the copies kept. Changes"
            + " nothing the store holds."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the store is readable and consistent",
        "1:another rollcall process has the store open",
        "2:the store is damaged or inconsistent (the reason in one line), or there is none"
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreLocation location;

    @Override
    public Integer call() {
      StoreLocation.Located located = location.locate();
      StoreFile file = StoreFile.in(located.outputDir());
      if (located.embedded() && !Files.exists(file.live())) {
        throw new ConfigException(
            "there is no state store at " + file.live() + ": no run has used this output folder");
      }
      StoreCheck check;
      String describe;
      try (StateStore store =
          StateStore.open(located.store(), located.outputDir(), System.getenv())) {
        describe = store.describe();
        check = StoreCheck.of(store);
      }
      if (!check.ok()) {
        throw new ConfigException(
            "the "
                + describe
                + " is not consistent: "
                + String.join("; ", check.problems())
                + (located.embedded()
                    ? ". '"
                        + file.restoreCommand()
                        + "' puts back the copy of the last finished run"
                    : ""));
      }
      PrintWriter console = spec.commandLine().getOut();
      console.printf("%s: readable and consistent%n", describe);
      console.printf(
          "  runs: %d (%d finished%s)%n",
          check.runs(),
          check.finished(),
          check.unfinished().isEmpty()
              ? ""
              : "; did not finish, rolled back by the next run: "
                  + String.join(", ", check.unfinished()));
      console.printf(
          "  last finished run: %s%n",
          check.lastFinished() == null
              ? "none yet"
              : check.lastFinished().runId()
                  + " (started "
                  + check.lastFinished().startedAt()
                  + ")");
      console.printf(
          "  findings: %d (%d open, %d suppressed, %d resolved)%n",
          check.findings(),
          check.open(),
          check.suppressed(),
          check.findings() - check.open() - check.suppressed());
      if (located.embedded()) {
        List<StoreFile.Sealed> copies = file.goodCopies();
        console.printf(
            "  copies to restore from: %s%n",
            copies.isEmpty()
                ? "none yet (one is kept after every finished run)"
                : String.join(
                    ", ",
                    copies.stream()
                        .map(c -> c.file().getFileName() + " (after run " + c.runId() + ")")
                        .toList()));
      }
      console.flush();
      return 0;
    }
  }

  /** {@code rollcall store restore}. */
  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Replaces the embedded state store's file with the newest copy kept after a finished run"
            + " (rollcall-state.mv.1, or an older one if that no longer matches its seal). The"
            + " replaced file is kept beside it as rollcall-state.mv.replaced-TIME."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the store was restored, or already is the newest copy",
        "1:another rollcall process has the store open",
        "2:there is no good copy to restore from, or the store is not embedded"
      })
  static final class Restore implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreLocation location;

    @Override
    public Integer call() {
      StoreLocation.Located located = location.locate();
      if (!located.embedded()) {
        throw new ConfigException(
            "store.uri is set: the state is kept in that MongoDB, not in a file of the output"
                + " folder; restore it from that database's backups");
      }
      StoreFile file = StoreFile.in(located.outputDir());
      List<StoreFile.Sealed> copies = file.goodCopies();
      if (copies.isEmpty()) {
        throw new ConfigException(
            "there is no good copy of "
                + file.live()
                + " to restore from: a copy is kept after every run that finishes");
      }
      PrintWriter console = spec.commandLine().getOut();
      StoreFile.Sealed newest = copies.get(0);
      if (file.sealedLive().map(l -> l.sha256().equals(newest.sha256())).orElse(false)
          && file.unchangedSinceSeal()) {
        console.printf(
            "%s already is the copy kept after run %s (%s); nothing to do%n",
            file.live(), newest.runId(), newest.file().getFileName());
        console.flush();
        return 0;
      }
      StoreFile.Restored restored = file.restore(Instant.now());
      console.printf(
          "restored %s from %s: the store as run %s left it%n",
          file.live(), restored.from().getFileName(), restored.runId());
      restored
          .aside()
          .ifPresent(p -> console.printf("  the replaced file is kept as %s%n", p.getFileName()));
      console.flush();
      return 0;
    }
  }
}
