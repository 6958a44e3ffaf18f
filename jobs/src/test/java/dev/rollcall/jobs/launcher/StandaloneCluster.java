package dev.rollcall.jobs.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone master and one worker on 127.0.0.1, started as child JVMs from a SPARK_HOME
 * whose jars/ are the given Spark jars (the worker builds its executors' class path from there).
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofMinutes(3);

  private final List<ChildJvm> jvms = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Path sparkHome;
  private final Path workDir;
  private final int masterPort;
  private final int masterWebPort;

  private StandaloneCluster(Path sparkHome, Path workDir, int masterPort, int masterWebPort) {
    this.sparkHome = sparkHome;
    this.workDir = workDir;
    this.masterPort = masterPort;
    this.masterWebPort = masterWebPort;
  }

  /** Starts the master and the worker and waits until the worker has registered. */
  static StandaloneCluster start(List<Path> sparkJars, Path dir) throws Exception {
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
    Path jars = Files.createDirectories(sparkHome.resolve("jars"));
    for (Path jar : sparkJars) {
      Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
    }
    Path workDir = Files.createDirectories(dir.resolve("worker-work"));
    StandaloneCluster cluster = new StandaloneCluster(sparkHome, workDir, freePort(), freePort());
    try {
      cluster.startMasterAndWorker(dir);
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  private void startMasterAndWorker(Path dir) throws Exception {
    jvms.add(
        ChildJvm.start(
            "master",
            daemonArgs(
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(masterPort),
                "--webui-port",
                String.valueOf(masterWebPort)),
            env(),
            dir.resolve("master.log")));
    jvms.add(
        ChildJvm.start(
            "worker",
            daemonArgs(
                "org.apache.spark.deploy.worker.Worker",
                masterUrl(),
                "--host",
                "127.0.0.1",
                "--webui-port",
                String.valueOf(freePort()),
                "--cores",
                "1",
                "--memory",
                "1g",
                "--work-dir",
                workDir.toString()),
            env(),
            dir.resolve("worker.log")));
    Instant deadline = Instant.now().plus(STARTUP);
    while (true) {
      JsonNode state = masterState();
      if (state != null && state.path("aliveworkers").asInt() == 1) {
        return;
      }
      for (ChildJvm jvm : jvms) {
        if (!jvm.isAlive()) {
          throw new AssertionError("a Spark daemon exited during startup\n" + jvm.tail());
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "the worker did not register with the master within " + STARTUP + "\n" + tails());
      }
      Thread.sleep(500);
    }
  }

  private List<String> daemonArgs(String mainClass, String... args) {
    List<String> command = new ArrayList<>(ChildJvm.sparkOpens());
    // No REST submission server: its fixed port 6066 would clash with other clusters here.
    command.addAll(
        List.of(
            "-Xmx256m",
            "-Dspark.master.rest.enabled=false",
            "-cp",
            sparkHome.resolve("jars") + "/*",
            mainClass));
    command.addAll(List.of(args));
    return command;
  }

  /** The environment of every cluster process, spark-submit's included. */
  Map<String, String> env() {
    return Map.of(
        "SPARK_HOME",
        sparkHome.toString(),
        "SPARK_LOCAL_IP",
        "127.0.0.1",
        "SPARK_SCALA_VERSION",
        "2.13",
        "JAVA_HOME",
        System.getProperty("java.home"));
  }

  Path sparkHome() {
    return sparkHome;
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The worker's work folder: one folder per application, one per executor, with its logs. */
  Path workDir() {
    return workDir;
  }

  /** The master's state as its web UI serves it at /json, or null while it does not answer. */
  JsonNode masterState() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterWebPort + "/json/"))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? new ObjectMapper().readTree(response.body()) : null;
    } catch (ConnectException e) {
      return null;
    }
  }

  String tails() throws IOException {
    StringBuilder all = new StringBuilder();
    for (ChildJvm jvm : jvms) {
      all.append(jvm.tail()).append('\n');
    }
    return all.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (int i = jvms.size() - 1; i >= 0; i--) {
      jvms.get(i).close();
    }
  }
}
