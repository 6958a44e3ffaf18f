package dev.rollcall.jobs.cli;

import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.jobs.activity.TrailDoctor;
import dev.rollcall.jobs.config.CloudTrailConfig;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.config.CorrelationConfig;
import dev.rollcall.jobs.config.SourceConfig;
import dev.rollcall.jobs.correlate.MappingFile;
import dev.rollcall.jobs.ingest.LivePulls;
import dev.rollcall.jobs.profile.PolicyProfile;
import dev.rollcall.jobs.profile.ProfileLoader;
import dev.rollcall.jobs.run.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rollcall doctor}: checks configuration, credentials and permissions; pulls nothing. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the configuration, the policy profile, the mapping file, and for every live source"
          + " its credentials and each permission a pull needs, one line per check, with cheap"
          + " reads only: no data is pulled and nothing is written."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every required check passed",
      "2:the configuration, profile or mapping file is wrong",
      "4:a credential or a required permission is missing"
    })
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  private final LivePulls livePulls;

  DoctorCommand() {
    this(new LivePulls(System.getenv()));
  }

  DoctorCommand(LivePulls livePulls) {
    this.livePulls = livePulls;
  }

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded = config.load();
    PrintWriter out = spec.commandLine().getOut();
    List<String[]> rows = new ArrayList<>();
    PolicyProfile profile = ProfileLoader.load(loaded.config().profile(), loaded.baseDir());
    rows.add(
        row(
            "config",
            new DoctorCheck(
                "configuration and profile",
                true,
                true,
                loaded.file()
                    + "; profile "
                    + profile.name()
                    + " ("
                    + profile.enabledRules().size()
                    + " rules on)")));
    CorrelationConfig correlation = loaded.config().correlation();
    if (correlation.mapping() != null) {
      MappingFile.read(loaded.resolve(correlation.mapping()));
      rows.add(
          row(
              "config",
              new DoctorCheck(
                  "mapping file", true, true, loaded.resolve(correlation.mapping()).toString())));
    }
    LivePulls.check(loaded.config().sources());
    boolean healthy = true;
    for (SourceConfig source : loaded.config().sources()) {
      List<DoctorCheck> checks =
          source.live() ? livePulls.doctor(source) : List.of(snapshot(loaded, source));
      for (DoctorCheck check : checks) {
        healthy &= check.ok() || !check.required();
        rows.add(row(source.name(), check));
      }
    }
    for (CloudTrailConfig trail : loaded.config().activity().cloudtrail()) {
      DoctorCheck check =
          TrailDoctor.check(
              trail,
              path ->
                  CloudTrailConfig.scheme(path) != null
                      ? path
                      : loaded.resolve(path).toUri().toString(),
              LocalDate.now(ZoneOffset.UTC));
      healthy &= check.ok() || !check.required();
      rows.add(row("activity", check));
    }
    for (String[] row : rows) {
      out.printf(Locale.ROOT, "%-4s %-12s %-40s %s%n", (Object[]) row);
    }
    out.flush();
    return healthy ? ExitCode.OK.code() : ExitCode.SOURCE_FAILED.code();
  }

  private static DoctorCheck snapshot(ConfigLoader.Loaded loaded, SourceConfig source) {
    Path folder = loaded.resolve(source.path());
    return Files.isDirectory(folder)
        ? new DoctorCheck("snapshot folder", true, true, folder.toString())
        : new DoctorCheck("snapshot folder", true, false, folder + " does not exist");
  }

  private static String[] row(String source, DoctorCheck check) {
    String status = check.ok() ? "ok" : check.required() ? "FAIL" : "warn";
    return new String[] {status, source, check.what(), check.detail()};
  }
}
