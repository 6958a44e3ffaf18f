package dev.rollcall.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A copy of the demo organisation that tests change from night to night: the copy, a user taken out
 * of an AWS account, and a night run on it with a fixed clock.
 */
public final class DemoCopy {
  /** The bundled demo organisation. */
  public static final Path DEMO = Path.of("..", "examples", "demo");

  /** An exceptions file that accepts dan.wright's administrator rights as a break-glass risk. */
  public static final String DAN_BREAK_GLASS =
      """
        exceptions:
          - id: EX-1
            rule: over-privileged
            account: dan.wright
            owner: olivia.grant@meridianhealth.example
            reason: break-glass access
            approvedBy: priya.shah@meridianhealth.example
            expires: 2027-01-31
        """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoCopy() {}

  /** Copies the demo organisation into {@code to}. */
  public static void copy(Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(DEMO)) {
      for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(DEMO.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** What a file outside a copy's snapshot holds: a token that must never reach an output. */
  public static final String TOKEN = "xoxb-1234-secret-token";

  /**
   * What {@link #plantEscapes} did to a copy's snapshot.
   *
   * @param linkedPage aws/111122223333/list-virtual-mfa-devices.json, a link to a file outside the
   *     snapshot that holds {@link #TOKEN} and is not JSON
   * @param linkedTenant aws/444455556666, a link to the account's folder moved out of the snapshot
   * @param linkedListing the Google tenant's users/ folder, a link to it moved out of the snapshot
   * @param brokenFile the Atlas organisation's groups.json, a file of the snapshot that holds
   *     {@link #TOKEN} where JSON should be
   */
  public record Escapes(Path linkedPage, Path linkedTenant, Path linkedListing, Path brokenFile) {}

  /**
   * Plants symbolic links out of a copy's snapshot (to {@code dir/outside/}), and a file that holds
   * {@link #TOKEN} in invalid JSON, one in each tenant but the IAM production account's other
   * files.
   */
  public static Escapes plantEscapes(Path dir) throws IOException {
    Path snapshot = dir.resolve("snapshot");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path token = Files.writeString(outside.resolve("slack-token.txt"), TOKEN + "\n");

    Path page = snapshot.resolve("aws/111122223333/list-virtual-mfa-devices.json");
    Files.delete(page);
    Files.createSymbolicLink(page, token);

    Path tenant = snapshot.resolve("aws/444455556666");
    Files.move(tenant, outside.resolve("444455556666"));
    Files.createSymbolicLink(tenant, outside.resolve("444455556666"));

    Path users = snapshot.resolve("google/meridianhealth.example/users");
    Files.move(users, outside.resolve("users"));
    Files.createSymbolicLink(users, outside.resolve("users"));

    Path groups = snapshot.resolve("atlas/5f1a2b3c4d5e6f7a8b9c0d1e/groups.json");
    Files.writeString(groups, "{\"results\": [\n  " + TOKEN + "\n]}\n");
    return new Escapes(page, tenant, users, groups);
  }

  /** Every file under {@code folder} that holds {@code text}, as bytes in any of its files. */
  public static List<Path> filesHolding(Path folder, String text) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> holding = new java.util.ArrayList<>();
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains(text)) {
          holding.add(file);
        }
      }
      return holding;
    }
  }

  /** Takes an IAM user out of the copy's production account (credential report and details). */
  public static void removeIamUser(Path dir, String name) throws IOException {
    Path prod = dir.resolve("snapshot/aws/111122223333");
    Path report = prod.resolve("credential-report.csv");
    Files.writeString(
        report,
        Files.readString(report)
                .lines()
                .filter(l -> !l.startsWith(name + ","))
                .collect(Collectors.joining("\n"))
            + "\n");
    Path details = prod.resolve("get-account-authorization-details.json");
    ObjectNode doc = (ObjectNode) JSON.readTree(details.toFile());
    ArrayNode users = (ArrayNode) doc.get("UserDetailList");
    for (int i = users.size() - 1; i >= 0; i--) {
      if (users.get(i).get("UserName").asText().equals(name)) {
        users.remove(i);
      }
    }
    Files.writeString(details, doc.toString());
  }

  /**
   * Runs one night on the copy at {@code at}, with its reports in {@code dir/out} and the
   * exceptions file {@code exceptions} (relative to the copy), or none when null.
   */
  public static RunOutcome night(NightlyRun job, Path dir, String at, String exceptions)
      throws IOException {
    return night(
        job,
        dir,
        at,
        config -> config + (exceptions == null ? "" : "exceptions: " + exceptions + "\n"),
        Map.of());
  }

  /**
   * Runs one night on the copy at {@code at}, with its reports in {@code dir/out}, the demo's
   * configuration changed by {@code edit} and the environment {@code environment}.
   */
  public static RunOutcome night(
      NightlyRun job,
      Path dir,
      String at,
      java.util.function.UnaryOperator<String> edit,
      Map<String, String> environment)
      throws IOException {
    String config =
        edit.apply(
            Files.readString(DEMO.resolve("rollcall.yaml"))
                .replace("output: ../../out/demo", "output: out"));
    Path file = Files.writeString(dir.resolve("rollcall.yaml"), config);
    return job.run(
        new RunOptions(
            ConfigLoader.load(file),
            Severity.HIGH,
            dir.resolve("out"),
            Clock.fixed(Instant.parse(at), ZoneOffset.UTC),
            environment));
  }
}
