package dev.rollcall.jobs.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rollcall.jobs.cli.RollcallCommand;
import dev.rollcall.jobs.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.launcher.SparkSubmitArgumentsParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The scheduler recipes in infra/ (cron, systemd, Kubernetes, spark-submit) are valid files whose
 * rollcall command lines parse with rollcall's own command line and whose settings keep the
 * promises the README makes (one run at a time, non-root, hardened, secrets from outside).
 */
class InfraRecipesTest {
  private static final Path INFRA = Path.of("..", "infra");
  private static final ObjectMapper YAML = new YAMLMapper();

  @Test
  void crontabRunsTheJarNightlyUnderALock() throws IOException {
    List<String> jobs = new ArrayList<>();
    for (String line : Files.readAllLines(INFRA.resolve("cron/rollcall.crontab"))) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.matches("[A-Z_]+=.*")) {
        jobs.add(trimmed);
      }
    }
    assertEquals(1, jobs.size(), "one crontab line: " + jobs);
    List<String> words = ShellWords.split(jobs.get(0));
    for (String field : words.subList(0, 5)) {
      assertTrue(field.matches("[0-9*/,-]+"), "schedule field " + field + " in " + jobs.get(0));
    }
    assertEquals(List.of("flock", "-n"), words.subList(5, 7), "a run still going blocks the next");
    assertRunsTheNightlyJob(ShellWords.rollcallArgs(words));
  }

  @Test
  void systemdServiceIsAHardenedOneShotWithItsSecretsFromAnEnvironmentFile() throws Exception {
    SystemdUnit service = SystemdUnit.read(INFRA.resolve("systemd/rollcall.service"));
    assertEquals(List.of("Unit", "Service"), List.copyOf(service.sections().keySet()));
    assertEquals("oneshot", service.value("Service", "Type"));
    assertEquals("yes", service.value("Service", "DynamicUser"));
    assertEquals("strict", service.value("Service", "ProtectSystem"));
    assertEquals("yes", service.value("Service", "ProtectHome"));
    assertEquals("yes", service.value("Service", "NoNewPrivileges"));
    assertEquals("", service.value("Service", "CapabilityBoundingSet"));
    assertEquals("/var/lib/rollcall", service.value("Service", "ReadWritePaths"));
    assertEquals("rollcall", service.value("Service", "StateDirectory"));
    assertEquals("rollcall", service.value("Service", "CacheDirectory"));
    assertEquals("/etc/rollcall/rollcall.env", service.value("Service", "EnvironmentFile"));
    assertEquals("3", service.value("Service", "SuccessExitStatus"));
    List<String> args =
        ShellWords.rollcallArgs(ShellWords.split(service.value("Service", "ExecStart")));
    assertRunsTheNightlyJob(args);
    assertTrue(
        args.get(args.indexOf("--out") + 1).startsWith("/var/lib/rollcall/"),
        "the output is inside the writable state folder: " + args);

    SystemdUnit timer = SystemdUnit.read(INFRA.resolve("systemd/rollcall.timer"));
    assertEquals(List.of("Unit", "Timer", "Install"), List.copyOf(timer.sections().keySet()));
    assertEquals("true", timer.value("Timer", "Persistent"));
    assertFalse(timer.value("Timer", "RandomizedDelaySec").isBlank());
    assertFalse(timer.value("Timer", "OnCalendar").isBlank());
    assertEquals("rollcall.service", timer.value("Timer", "Unit"));
    assertEquals("timers.target", timer.value("Install", "WantedBy"));

    systemdAnalyzeVerify();
  }

  /** systemd's own check of the units, where systemd-analyze is installed. */
  private static void systemdAnalyzeVerify() throws Exception {
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    if (!Files.isExecutable(analyze)) {
      return;
    }
    Path units = INFRA.resolve("systemd").toAbsolutePath().normalize();
    Process verify =
        new ProcessBuilder(
                analyze.toString(),
                "verify",
                units.resolve("rollcall.service").toString(),
                units.resolve("rollcall.timer").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(verify.getInputStream().readAllBytes());
    assertTrue(verify.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify hangs");
    assertEquals(0, verify.exitValue(), "systemd-analyze verify:\n" + output);
    assertTrue(output.isBlank(), "systemd-analyze verify warns:\n" + output);
  }

  @Test
  void kubernetesCronJobRunsOneNonRootPodAtATimeWithItsConfigAndSecrets(@TempDir Path tmp)
      throws IOException {
    Path dir = INFRA.resolve("kubernetes");
    JsonNode kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
    List<JsonNode> objects = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      objects.addAll(documents(dir.resolve(resource.asText())));
    }
    objects.addAll(documents(dir.resolve("secret.example.yaml")));
    for (JsonNode object : objects) {
      assertFalse(object.path("apiVersion").asText().isEmpty(), "apiVersion of " + object);
      assertFalse(object.path("metadata").path("name").asText().isEmpty(), "name of " + object);
    }
    JsonNode cronJob = only(objects, "CronJob");
    JsonNode spec = cronJob.path("spec");
    assertEquals("Forbid", spec.path("concurrencyPolicy").asText());
    assertTrue(spec.path("startingDeadlineSeconds").asInt() > 0);
    JsonNode job = spec.path("jobTemplate").path("spec");
    assertTrue(job.path("backoffLimit").isInt(), "backoffLimit");
    JsonNode pod = job.path("template").path("spec");
    assertEquals("Never", pod.path("restartPolicy").asText(), "podFailurePolicy needs Never");
    assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
    assertTrue(pod.path("securityContext").path("runAsUser").asInt() > 0);
    JsonNode container = pod.path("containers").get(0);
    JsonNode security = container.path("securityContext");
    assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
    assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
    assertEquals("ALL", security.path("capabilities").path("drop").get(0).asText());
    for (String kind : List.of("requests", "limits")) {
      assertFalse(container.path("resources").path(kind).path("memory").isMissingNode(), kind);
    }

    List<String> words = new ArrayList<>();
    container.path("command").forEach(w -> words.add(w.asText()));
    container.path("args").forEach(w -> words.add(w.asText()));
    List<String> args = ShellWords.rollcallArgs(words);
    assertRunsTheNightlyJob(args);

    String secretName = container.path("envFrom").get(0).path("secretRef").path("name").asText();
    assertTrue(named(objects, "Secret", secretName), "the Secret " + secretName + " is shipped");
    for (JsonNode volume : pod.path("volumes")) {
      if (volume.has("configMap")) {
        assertTrue(named(objects, "ConfigMap", volume.path("configMap").path("name").asText()));
      } else if (volume.has("persistentVolumeClaim")) {
        assertTrue(
            named(
                objects,
                "PersistentVolumeClaim",
                volume.path("persistentVolumeClaim").path("claimName").asText()));
      } else if (volume.has("secret")) {
        assertTrue(named(objects, "Secret", volume.path("secret").path("secretName").asText()));
      }
    }

    // The config file the command names is the ConfigMap's, and rollcall loads it.
    Path config = Path.of(args.get(args.indexOf("--config") + 1));
    String mountPath = mountOf(pod, container, "configMap");
    assertEquals(Path.of(mountPath), config.getParent(), "--config is in the ConfigMap's mount");
    String yaml =
        only(objects, "ConfigMap").path("data").path(config.getFileName().toString()).asText();
    Path copy = Files.writeString(tmp.resolve("rollcall.yaml"), yaml);
    ConfigLoader.Loaded loaded = ConfigLoader.load(copy);
    assertTrue(loaded != null);
    String out = args.get(args.indexOf("--out") + 1);
    assertTrue(
        out.startsWith(mountOf(pod, container, "persistentVolumeClaim") + "/"),
        "--out is on the volume claim: " + out);
  }

  @Test
  void sparkSubmitScriptsUseRealSparkOptionsAndRollcallOptions() throws Exception {
    List<Path> scripts;
    try (Stream<Path> files = Files.list(INFRA.resolve("spark"))) {
      scripts = files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
    }
    assertEquals(
        List.of("submit-kubernetes.sh", "submit-standalone.sh", "submit-yarn.sh"),
        scripts.stream().map(p -> p.getFileName().toString()).toList());
    for (Path script : scripts) {
      assertTrue(Files.isExecutable(script), script + " is executable");
      Process syntax = new ProcessBuilder("bash", "-n", script.toString()).start();
      assertTrue(syntax.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, syntax.exitValue(), "bash -n " + script);

      List<String> words = sparkSubmitWords(script);
      SubmitOptions options = new SubmitOptions();
      options.read(words);
      assertTrue(options.unknown.isEmpty(), script + ": no such spark-submit option " + options);
      assertEquals("rollcall", options.name, script + ": --name");
      assertEquals("dev.rollcall.jobs.cli.RollcallCommand", options.mainClass, script + "");
      assertTrue(options.jar.endsWith("rollcall.jar") || options.jar.equals("$jar"), script + "");
      assertRunsTheNightlyJob(options.appArgs);
      if (script.getFileName().toString().contains("kubernetes")) {
        Path template = INFRA.resolve("spark/kubernetes-driver-pod.yaml");
        assertTrue(words.stream().anyMatch(w -> w.endsWith("/kubernetes-driver-pod.yaml")));
        assertEquals("Pod", YAML.readTree(template.toFile()).path("kind").asText());
        List<JsonNode> rbac = documents(INFRA.resolve("spark/kubernetes-rbac.yaml"));
        String account =
            words.stream()
                .filter(
                    w -> w.startsWith("spark.kubernetes.authenticate.driver.serviceAccountName="))
                .map(w -> w.substring(w.indexOf('=') + 1))
                .findFirst()
                .orElseThrow();
        assertTrue(named(rbac, "ServiceAccount", account), "the driver's account is shipped");
      }
    }
  }

  @Test
  void dockerfilesRunTheJarAsItIs() throws IOException {
    for (Path dockerfile :
        List.of(INFRA.resolve("container/Dockerfile"), INFRA.resolve("spark/Dockerfile"))) {
      String text = Files.readString(dockerfile);
      assertTrue(text.contains("COPY rollcall.jar /opt/rollcall/rollcall.jar"), dockerfile + "");
      for (String line : text.lines().filter(l -> l.startsWith("RUN ")).toList()) {
        assertFalse(
            line.matches(".*\\b(mvn|curl|wget|apt-get|apk|git)\\b.*"),
            dockerfile + " builds offline, from the jar: " + line);
      }
    }
    String image = Files.readString(INFRA.resolve("container/Dockerfile"));
    Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(image);
    assertTrue(user.find() && !user.group(1).startsWith("root") && !user.group(1).startsWith("0"));
  }

  /** rollcall's own command line accepts the arguments, and they make the nightly run. */
  private static void assertRunsTheNightlyJob(List<String> args) {
    CommandLine.ParseResult parsed =
        RollcallCommand.commandLine().parseArgs(args.toArray(String[]::new));
    assertTrue(parsed.hasSubcommand(), "a subcommand in " + args);
    assertEquals("run", parsed.subcommand().commandSpec().name(), "the run command: " + args);
    assertTrue(parsed.subcommand().hasMatchedOption("--config"), "--config in " + args);
    assertTrue(parsed.subcommand().hasMatchedOption("--out"), "--out in " + args);
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
    }
    assertFalse(documents.isEmpty(), file + " holds no YAML document");
    return documents;
  }

  private static JsonNode only(List<JsonNode> objects, String kind) {
    List<JsonNode> matching =
        objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    assertEquals(1, matching.size(), "one " + kind);
    return matching.get(0);
  }

  private static boolean named(List<JsonNode> objects, String kind, String name) {
    return objects.stream()
        .anyMatch(
            o ->
                o.path("kind").asText().equals(kind)
                    && o.path("metadata").path("name").asText().equals(name));
  }

  /** Where the container mounts the pod's volume of the given source type. */
  private static String mountOf(JsonNode pod, JsonNode container, String sourceType) {
    for (JsonNode volume : pod.path("volumes")) {
      if (volume.has(sourceType)) {
        for (JsonNode mount : container.path("volumeMounts")) {
          if (mount.path("name").asText().equals(volume.path("name").asText())) {
            return mount.path("mountPath").asText();
          }
        }
      }
    }
    throw new AssertionError("no mounted " + sourceType + " volume");
  }

  /** The words of a script's spark-submit command, continuation lines joined. */
  private static List<String> sparkSubmitWords(Path script) throws IOException {
    StringBuilder command = null;
    for (String line : Files.readAllLines(script)) {
      if (command == null && line.contains("/bin/spark-submit")) {
        command = new StringBuilder();
      }
      if (command != null) {
        boolean continued = line.endsWith("\\");
        command.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
        if (!continued) {
          break;
        }
      }
    }
    assertTrue(command != null, script + " runs no spark-submit");
    List<String> words = ShellWords.split(command.toString());
    int submit = 0;
    while (!words.get(submit).endsWith("/bin/spark-submit")) {
      submit++;
    }
    return words.subList(submit + 1, words.size());
  }

  /** spark-submit's own option parser, from Spark's launcher: it knows every option. */
  private static final class SubmitOptions extends SparkSubmitArgumentsParser {
    final List<String> unknown = new ArrayList<>();
    String name;
    String mainClass;
    String jar;
    List<String> appArgs = List.of();

    void read(List<String> words) {
      parse(words);
    }

    @Override
    protected boolean handle(String opt, String value) {
      if (opt.equals(NAME)) {
        name = value;
      } else if (opt.equals(CLASS)) {
        mainClass = value;
      }
      return true;
    }

    @Override
    protected boolean handleUnknown(String opt) {
      if (opt.startsWith("-")) {
        unknown.add(opt);
        return true;
      }
      jar = opt;
      return false;
    }

    @Override
    protected void handleExtraArgs(List<String> extra) {
      appArgs = List.copyOf(extra);
    }

    @Override
    public String toString() {
      return "unknown " + unknown + ", jar " + jar + ", args " + appArgs;
    }
  }
}
