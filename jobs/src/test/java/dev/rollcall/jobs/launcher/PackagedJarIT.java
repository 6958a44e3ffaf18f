package dev.rollcall.jobs.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator runs it: with {@code java -jar} (local Spark, from the jars
 * nested in it) and with spark-submit on a Spark standalone cluster (the cluster's Spark), both on
 * the demo organisation, with the same findings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {
  private static final Path DEMO = Path.of("..", "examples", "demo");
  private static final Duration RUN = Duration.ofMinutes(8);

  private Path jar;
  private Path dir;
  private Path config;
  private Path localCache;
  private int localExit;
  private String localLog;
  private TreeSet<String> localFingerprints;

  @BeforeAll
  void runWithJavaDashJar(@TempDir Path tmp) throws Exception {
    jar = Path.of(System.getProperty("rollcall.jar", "target/rollcall.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "no packaged jar at " + jar + ": run mvn verify");
    dir = tmp;
    config = copyDemo(tmp.resolve("demo")).resolve("rollcall.yaml");
    localCache = tmp.resolve("local-cache");
    Path out = tmp.resolve("local-out");
    // No jvm.options here: the manifest's Add-Opens must be enough for java -jar.
    try (ChildJvm run =
        ChildJvm.start(
            "java -jar",
            List.of(
                "-Xmx768m",
                "-jar",
                jar.toString(),
                "run",
                "--config",
                config + "",
                "--out",
                out.toString()),
            Map.of("ROLLCALL_CACHE", localCache.toString()),
            tmp.resolve("local.log"))) {
      localExit = run.exitCode(RUN);
      localLog = run.tail();
    }
    localFingerprints =
        Files.exists(out.resolve("findings.json"))
            ? fingerprints(out.resolve("findings.json"))
            : new TreeSet<>();
  }

  @Test
  void holdsNoSparkScalaOrHadoopClassAsAnEntryButNestsTheirJars() throws IOException {
    List<String> direct = new ArrayList<>();
    List<String> nested = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream()
          .map(JarEntry::getName)
          .forEach(
              name -> {
                if (name.startsWith(NestedSpark.PREFIX)) {
                  nested.add(name.substring(NestedSpark.PREFIX.length()));
                } else if (isClass(name)
                    && (name.startsWith("org/apache/spark/")
                        || name.startsWith("scala/")
                        || (name.startsWith("org/apache/hadoop/") && !isHadoopAws(name)))) {
                  direct.add(name);
                }
              });
      assertEquals(
          "dev.rollcall.jobs.launcher.Launcher",
          file.getManifest().getMainAttributes().getValue("Main-Class"));
    }
    assertTrue(direct.isEmpty(), "Spark, Scala or Hadoop classes in the jar itself: " + direct);
    assertTrue(
        nested.stream().anyMatch(n -> n.startsWith("spark-core_2.13-")), "nested: " + nested);
    assertTrue(nested.stream().anyMatch(n -> n.startsWith("scala-library-")), "nested: " + nested);
  }

  /**
   * hadoop-aws (s3a, for CloudTrail trails in S3) is no part of Spark's distribution, so it travels
   * in the jar itself; sharesNoClassWithTheNestedSparkJars holds it to no overlap with Spark's
   * side.
   */
  private static boolean isHadoopAws(String name) {
    return name.startsWith("org/apache/hadoop/fs/s3a/")
        || name.startsWith("org/apache/hadoop/fs/s3native/");
  }

  /**
   * Under spark-submit the jar's own classes sit beside the cluster's Spark jars: a class in both
   * would be loaded from Spark's side, in whatever version the cluster has. The build keeps the two
   * sides apart (jobs/pom.xml); this is the check that it does.
   */
  @Test
  void sharesNoClassWithTheNestedSparkJars() throws IOException {
    TreeSet<String> own = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream()
          .map(JarEntry::getName)
          .filter(PackagedJarIT::isClass)
          .map(PackagedJarIT::unversioned)
          .forEach(own::add);
    }
    TreeMap<String, String> shared = new TreeMap<>();
    for (Path sparkJar : sparkJars()) {
      try (JarFile file = new JarFile(sparkJar.toFile())) {
        file.stream()
            .map(JarEntry::getName)
            .filter(name -> isClass(name) && own.contains(unversioned(name)))
            .forEach(name -> shared.put(unversioned(name), sparkJar.getFileName().toString()));
      }
    }
    assertTrue(
        shared.size() == 0,
        shared.size()
            + " classes are both in the jar and in a nested Spark jar (move the artifact to one"
            + " side in jobs/pom.xml), e.g. "
            + shared.entrySet().stream().limit(20).toList());
  }

  @Test
  void runsTheDemoWithJavaDashJarOnTheSparkNestedInIt() throws IOException {
    assertEquals(3, localExit, "java -jar run exit code\n" + localLog);
    assertEquals(expectedFindingCount(), localFingerprints.size(), localLog);
    try (Stream<Path> unpacked = Files.list(localCache)) {
      Path folder =
          unpacked
              .filter(p -> p.getFileName().toString().startsWith("spark-"))
              .findAny()
              .orElseThrow(() -> new AssertionError("nothing unpacked in " + localCache));
      assertTrue(Files.exists(folder.resolve(NestedSpark.COMPLETE)));
    }
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(localCache)),
        "the unpacked Spark jars are the owner's only");
  }

  @Test
  void refusesACacheFolderEveryUserCanWriteToWithExitCode1() throws Exception {
    Path shared = Files.createDirectories(dir.resolve("world-writable"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    try (ChildJvm run =
        ChildJvm.start(
            "java -jar",
            List.of("-jar", jar.toString(), "rules"),
            Map.of("ROLLCALL_CACHE", shared.toString()),
            dir.resolve("world-writable.log"))) {
      assertEquals(1, run.exitCode(Duration.ofMinutes(1)), run.tail());
      assertTrue(run.tail().contains("is writable by every user"), run.tail());
    }
  }

  @Test
  void sparkSubmitOnAStandaloneClusterFindsTheSameAsLocalMode() throws Exception {
    assertEquals(3, localExit, "the local run must pass first\n" + localLog);
    Path out = dir.resolve("cluster-out");
    Path submitCache = dir.resolve("submit-cache");
    try (StandaloneCluster cluster = StandaloneCluster.start(sparkJars(), dir)) {
      List<String> submit = new ArrayList<>(ChildJvm.sparkOpens());
      submit.addAll(
          List.of(
              "-Xmx768m",
              "-cp",
              cluster.sparkHome().resolve("jars") + "/*",
              "org.apache.spark.deploy.SparkSubmit",
              "--master",
              cluster.masterUrl(),
              "--deploy-mode",
              "client",
              "--name",
              "rollcall",
              "--conf",
              "spark.driver.host=127.0.0.1",
              "--conf",
              "spark.driver.bindAddress=127.0.0.1",
              "--conf",
              "spark.executor.memory=512m",
              // No --class: the manifest's launcher must see the cluster's Spark and use it.
              jar.toString(),
              "run",
              "--config",
              config.toString(),
              "--out",
              out.toString()));
      Map<String, String> env = new java.util.HashMap<>(cluster.env());
      env.put("ROLLCALL_CACHE", submitCache.toString());
      int exit;
      String log;
      try (ChildJvm run = ChildJvm.start("spark-submit", submit, env, dir.resolve("submit.log"))) {
        exit = run.exitCode(RUN);
        log = run.tail();
      }
      assertEquals(3, exit, "spark-submit exit code\n" + log + "\n" + cluster.tails());
      assertEquals(localFingerprints, fingerprints(out.resolve("findings.json")));
      assertFalse(
          Files.exists(submitCache), "under spark-submit the nested Spark jars are never unpacked");
      assertRanOnTheCluster(cluster);
    }
  }

  private static void assertRanOnTheCluster(StandaloneCluster cluster) throws Exception {
    JsonNode state = cluster.masterState();
    List<String> completed = new ArrayList<>();
    state.path("completedapps").forEach(app -> completed.add(app.path("name").asText()));
    assertEquals(List.of("rollcall"), completed, "the master's completed applications: " + state);
    List<Path> executorLogs;
    try (Stream<Path> files = Files.walk(cluster.workDir())) {
      executorLogs = files.filter(p -> p.getFileName().toString().equals("stderr")).toList();
    }
    assertFalse(executorLogs.isEmpty(), "no executor ran in " + cluster.workDir());
    boolean ranTasks = false;
    for (Path log : executorLogs) {
      ranTasks |= Files.readString(log).contains("Running task");
    }
    assertTrue(ranTasks, "no executor log in " + cluster.workDir() + " shows a task");
  }

  /** The nested Spark jars as the java -jar run unpacked them. */
  private List<Path> sparkJars() throws IOException {
    assertTrue(Files.isDirectory(localCache), "java -jar unpacked nothing\n" + localLog);
    try (Stream<Path> folders = Files.list(localCache)) {
      Path folder =
          folders
              .filter(p -> p.getFileName().toString().startsWith("spark-"))
              .findAny()
              .orElseThrow();
      try (Stream<Path> jars = Files.list(folder)) {
        return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
      }
    }
  }

  private static TreeSet<String> fingerprints(Path findingsJson) throws IOException {
    TreeSet<String> fingerprints = new TreeSet<>();
    new ObjectMapper()
        .readTree(findingsJson.toFile())
        .path("findings")
        .forEach(f -> fingerprints.add(f.path("fingerprint").asText()));
    return fingerprints;
  }

  private static int expectedFindingCount() throws IOException {
    return (int)
        Files.readAllLines(DEMO.resolve("expected-findings.csv")).stream()
            .skip(1)
            .filter(l -> !l.isBlank())
            .count();
  }

  private static Path copyDemo(Path target) throws IOException {
    try (Stream<Path> files = Files.walk(DEMO)) {
      for (Path source : files.toList()) {
        Path copy = target.resolve(DEMO.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          try (InputStream in = Files.newInputStream(source)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    return target;
  }

  private static boolean isClass(String name) {
    return name.endsWith(".class") && !name.endsWith("module-info.class");
  }

  private static String unversioned(String name) {
    return name.replaceFirst("^META-INF/versions/\\d+/", "");
  }
}
