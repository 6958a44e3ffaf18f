package dev.rollcall.jobs.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rollcall.jobs.cli.RollcallCommand;
import dev.rollcall.jobs.run.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The scheduler recipes treat a night with findings as a successful night and a failed source, a
 * crash or a bad configuration as a failed job. Each recipe's own rollcall arguments are run on the
 * demo, whole and with one source broken, so the exit codes the recipe relies on are the ones
 * rollcall really gives.
 */
class SchedulerExitCodesTest {
  private static final Path INFRA = Path.of("..", "infra");
  private static final Path DEMO = Path.of("..", "examples", "demo").toAbsolutePath().normalize();

  @TempDir static Path dir;

  private static Path wholeConfig;
  private static Path brokenConfig;
  private static final Map<String, Integer> CODES = new HashMap<>();

  @BeforeAll
  static void demoWholeAndWithABrokenSource() throws IOException {
    wholeConfig = config("whole", DEMO.resolve("snapshot"));
    Path broken = dir.resolve("broken-snapshot");
    copy(DEMO.resolve("snapshot"), broken);
    // An AWS account whose credential report is cut off mid-row: that source fails tonight.
    Files.writeString(
        broken.resolve("aws/111122223333/credential-report.csv"),
        "user,arn,user_creation_time\n\"x");
    brokenConfig = config("broken", broken);
  }

  @Test
  void failOnNoneExitsZeroWithFindingsYetFourForAFailedSource() {
    List<String> nightly = List.of("run", "--config", "CONFIG", "--out", "OUT");
    List<String> none = List.of("run", "--config", "CONFIG", "--out", "OUT", "--fail-on", "none");
    assertEquals(ExitCode.FINDINGS.code(), run(nightly, wholeConfig), "the demo has findings");
    assertEquals(ExitCode.OK.code(), run(none, wholeConfig));
    assertEquals(ExitCode.SOURCE_FAILED.code(), run(none, brokenConfig));
    assertEquals(ExitCode.SOURCE_FAILED.code(), run(nightly, brokenConfig));
  }

  @Test
  void systemdCountsFindingsAsSuccessAndAFailedSourceAsFailure() throws IOException {
    SystemdUnit service = SystemdUnit.read(INFRA.resolve("systemd/rollcall.service"));
    Set<Integer> success =
        Stream.concat(
                Stream.of(0),
                Arrays.stream(service.value("Service", "SuccessExitStatus").split("\\s+"))
                    .map(Integer::parseInt))
            .collect(Collectors.toSet());
    List<String> args =
        ShellWords.rollcallArgs(ShellWords.split(service.value("Service", "ExecStart")));
    assertHoldsNightsRight("systemd", args, success::contains);
  }

  @Test
  void kubernetesJobSucceedsWithFindingsAndFailsOnAFailedSource() throws IOException {
    JsonNode cronJob = new YAMLMapper().readTree(INFRA.resolve("kubernetes/cronjob.yaml").toFile());
    JsonNode job = cronJob.path("spec").path("jobTemplate").path("spec");
    JsonNode container = job.path("template").path("spec").path("containers").get(0);
    List<String> words = new ArrayList<>();
    container.path("command").forEach(w -> words.add(w.asText()));
    container.path("args").forEach(w -> words.add(w.asText()));
    // A Job succeeds only when its pod exits 0; the failure policy only chooses between failing
    // at once and retrying, and must not list a code that means a good night.
    for (JsonNode rule : job.path("podFailurePolicy").path("rules")) {
      for (JsonNode code : rule.path("onExitCodes").path("values")) {
        assertFalse(succeeded(code.asInt()), "podFailurePolicy lists exit code " + code);
      }
      assertFalse(rule.path("action").asText().equals("Ignore"), "no code is ignored: " + rule);
    }
    assertHoldsNightsRight("kubernetes", ShellWords.rollcallArgs(words), code -> code == 0);
  }

  @Test
  void cronMailsOnlyAFailedNight() throws IOException {
    String line =
        Files.readAllLines(INFRA.resolve("cron/rollcall.crontab")).stream()
            .filter(l -> l.matches("^[0-9*].*"))
            .findFirst()
            .orElseThrow();
    List<String> words = ShellWords.split(line);
    // cron mails what a job prints; the run prints to the log, and `|| echo` only on failure.
    int or = words.indexOf("||");
    assertTrue(or > 0 && words.get(or + 1).equals("echo"), "|| echo after the run: " + line);
    assertTrue(words.subList(0, or).contains(">>"), "the run's output goes to a log: " + line);
    assertHoldsNightsRight("cron", ShellWords.rollcallArgs(words), code -> code == 0);
  }

  /**
   * The recipe's job succeeds on the demo's night with findings and fails when a source failed, on
   * a crash and on a bad configuration.
   */
  private static void assertHoldsNightsRight(
      String recipe, List<String> recipeArgs, IntPredicate jobSucceeds) {
    int findingsNight = run(recipeArgs, wholeConfig);
    int brokenNight = run(recipeArgs, brokenConfig);
    assertTrue(
        findingsNight == ExitCode.OK.code() || findingsNight == ExitCode.FINDINGS.code(),
        recipe + ": the demo night exits " + findingsNight);
    assertEquals(ExitCode.SOURCE_FAILED.code(), brokenNight, recipe + ": a source failed");
    assertTrue(jobSucceeds.test(findingsNight), recipe + ": a night with findings is a success");
    assertFalse(jobSucceeds.test(brokenNight), recipe + ": a failed source fails the job");
    assertFalse(jobSucceeds.test(ExitCode.INTERNAL_ERROR.code()), recipe + ": a crash fails");
    assertFalse(jobSucceeds.test(ExitCode.CONFIG_ERROR.code()), recipe + ": bad config fails");
  }

  private static boolean succeeded(int code) {
    return code == ExitCode.OK.code();
  }

  /** The recipe's arguments with the test's configuration and output folder; cached by them. */
  private static int run(List<String> recipeArgs, Path config) {
    List<String> args = new ArrayList<>(recipeArgs);
    args.set(args.indexOf("--config") + 1, config.toString());
    String key = String.join(" ", args);
    return CODES.computeIfAbsent(
        key,
        k -> {
          args.set(args.indexOf("--out") + 1, dir.resolve("out-" + CODES.size()).toString());
          CommandLine cli = RollcallCommand.commandLine();
          StringWriter err = new StringWriter();
          cli.setOut(new PrintWriter(new StringWriter()));
          cli.setErr(new PrintWriter(err, true));
          int code = cli.execute(args.toArray(String[]::new));
          assertEquals("", err.toString(), "no command error for " + args);
          return code;
        });
  }

  private static Path config(String name, Path snapshot) throws IOException {
    return Files.writeString(
        dir.resolve(name + ".yaml"),
        """
        organisation: Meridian Health
        domains: [meridianhealth.example, meridian-care.example]
        sources:
          - {name: demo-snapshot, type: snapshot, path: %s}
        correlation:
          mapping: %s
          ownerTags: [owner, email, owner_email]
        """
            .formatted(snapshot, DEMO.resolve("mapping.csv")));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
