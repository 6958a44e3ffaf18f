package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.config.SourceConfig;
import dev.rollcall.jobs.ingest.LivePulls;
import dev.rollcall.jobs.run.ExitCode;
import dev.rollcall.model.PullStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollcall pull}: pulls the live sources into a snapshot folder, without auditing. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Pulls every live source of the configuration (aws, google, atlas) into a snapshot folder, in the"
          + " vendors' own shapes, and prints one line per tenant with its status and the number"
          + " of API requests. A configuration with a snapshot source pointing at that folder"
          + " then audits it offline with exactly the findings of a live run."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every tenant pulled completely",
      "2:bad command line or configuration; nothing was pulled",
      "4:a tenant failed or was partial (its folder has no manifest when it failed)"
    })
final class PullCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(
      names = "--save-snapshot",
      required = true,
      paramLabel = "DIR",
      description = "The snapshot folder to write (created, owner-only).")
  Path saveSnapshot;

  private final LivePulls livePulls;

  PullCommand() {
    this(new LivePulls(System.getenv()));
  }

  PullCommand(LivePulls livePulls) {
    this.livePulls = livePulls;
  }

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded = config.load();
    List<SourceConfig> live =
        loaded.config().sources().stream().filter(SourceConfig::live).toList();
    if (live.isEmpty()) {
      throw new ConfigException(
          config
              + ": no live source to pull (sources of type aws); snapshot sources are read as"
              + " they are");
    }
    LivePulls.check(live);
    List<LivePulls.Pulled> pulled = livePulls.pull(live, saveSnapshot.toAbsolutePath());
    PrintWriter out = spec.commandLine().getOut();
    boolean allComplete = true;
    for (LivePulls.Pulled p : pulled) {
      allComplete &= p.tenant().status() == PullStatus.COMPLETE;
      out.printf(
          Locale.ROOT,
          "%-8s %-28s %-9s %6d API requests%s%n",
          p.source().name(),
          p.folder() + "/" + p.tenant().tenant(),
          p.tenant().status().name().toLowerCase(Locale.ROOT),
          p.tenant().apiRequests(),
          p.tenant().problems().isEmpty() ? "" : "  " + String.join("; ", p.tenant().problems()));
    }
    out.printf(Locale.ROOT, "snapshot: %s%n", saveSnapshot.toAbsolutePath());
    out.flush();
    return allComplete ? ExitCode.OK.code() : ExitCode.SOURCE_FAILED.code();
  }
}
