package dev.rollcall.connectors.aws;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.connectors.snapshot.SnapshotReader;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.Account;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads an AWS account folder: the outputs of {@code aws iam get-account-authorization-details},
 * the decoded credential report, the MFA device listings and the password policy.
 */
public final class AwsSnapshotReader implements SnapshotReader {
  static final String DETAILS = "get-account-authorization-details";
  static final String REPORT = "credential-report.csv";

  @Override
  public String folder() {
    return "aws";
  }

  @Override
  public SourceResult read(Path tenantDir, Instant observedAt) {
    String accountId = tenantDir.getFileName().toString();
    if (!accountId.matches("\\d{12}")) {
      throw new SnapshotException(
          tenantDir, null, "an AWS account folder must be named for its 12-digit account id");
    }
    AwsAccountSnapshot snapshot = load(tenantDir, accountId);
    AwsIamMapper mapper = new AwsIamMapper(observedAt);
    List<Account> accounts = mapper.accounts(snapshot);
    return new SourceResult(
        new SourcePull(
            "aws/" + accountId,
            SourceSystem.AWS_IAM,
            accountId,
            PullStatus.COMPLETE,
            accounts.size(),
            List.of(),
            observedAt),
        accounts,
        List.of(),
        new TenantSettings(SourceSystem.AWS_IAM, accountId, mapper.passwordPolicy(snapshot), null));
  }

  static AwsAccountSnapshot load(Path dir, String accountId) {
    List<AwsAccountSnapshot.Page> details = new ArrayList<>();
    for (Path file : TenantFolder.pages(dir, DETAILS)) {
      details.add(new AwsAccountSnapshot.Page(file, SnapshotJson.read(file)));
    }
    if (details.isEmpty()) {
      throw new SnapshotException(
          dir, null, "missing " + DETAILS + ".json (or a " + DETAILS + "/ folder of pages)");
    }
    Path report = dir.resolve(REPORT);
    if (!Files.isRegularFile(report)) {
      throw new SnapshotException(
          dir, null, "missing " + REPORT + " (the decoded credential report)");
    }
    Map<String, AwsAccountSnapshot.Page> devices = new TreeMap<>();
    Path devicesDir = dir.resolve("list-mfa-devices");
    if (Files.isDirectory(devicesDir)) {
      try (Stream<Path> files = Files.list(devicesDir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          String user = file.getFileName().toString().replaceFirst("\\.json$", "");
          devices.put(user, new AwsAccountSnapshot.Page(file, SnapshotJson.read(file)));
        }
      } catch (IOException e) {
        throw new SnapshotException(devicesDir, null, "cannot list: " + e.getMessage(), e);
      }
    }
    return new AwsAccountSnapshot(
        accountId,
        details,
        CredentialReportParser.parse(report),
        report,
        optional(dir.resolve("list-virtual-mfa-devices.json")),
        devices,
        optional(dir.resolve("get-account-password-policy.json")));
  }

  private static AwsAccountSnapshot.Page optional(Path file) {
    return Files.isRegularFile(file)
        ? new AwsAccountSnapshot.Page(file, SnapshotJson.read(file))
        : null;
  }
}
