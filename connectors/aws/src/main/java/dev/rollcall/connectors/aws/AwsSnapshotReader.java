package dev.rollcall.connectors.aws;

import static dev.rollcall.connectors.aws.AwsLayout.DETAILS;
import static dev.rollcall.connectors.aws.AwsLayout.MFA_DEVICES;
import static dev.rollcall.connectors.aws.AwsLayout.PASSWORD_POLICY;
import static dev.rollcall.connectors.aws.AwsLayout.REPORT;
import static dev.rollcall.connectors.aws.AwsLayout.VIRTUAL_MFA;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads an AWS account folder of a snapshot (the outputs of {@code aws iam
 * get-account-authorization-details}, the decoded credential report, the MFA device listings and
 * the password policy) and maps it with {@link AwsIamMapper}. A listing whose last saved page says
 * {@code IsTruncated: true} makes the pull partial, not failed.
 */
public final class AwsSnapshotReader implements SnapshotReader {
  private static final Logger LOG = LogManager.getLogger(AwsSnapshotReader.class);

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  @Override
  public String folder() {
    return "aws";
  }

  @Override
  public SourceResult read(TenantFolder tenant, Instant observedAt) {
    String accountId = tenant.name();
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw new SnapshotException(
          tenant.dir(), null, "folder name '" + accountId + "' is not a 12-digit AWS account id");
    }
    List<String> gaps = new ArrayList<>();
    AwsRawAccount raw = load(tenant, accountId, gaps);
    AwsIamMapper mapper = new AwsIamMapper(observedAt);
    List<Account> accounts = mapper.accounts(raw, gaps);
    if (!mapper.passwordPolicyKnown(raw)) {
      LOG.warn(
          "aws/{}: no {} in the snapshot: the password policy is unknown and is not judged",
          accountId,
          PASSWORD_POLICY);
    }
    return new SourceResult(
        new SourcePull(
            "aws/" + accountId,
            SourceSystem.AWS_IAM,
            accountId,
            gaps.isEmpty() ? PullStatus.COMPLETE : PullStatus.PARTIAL,
            accounts.size(),
            gaps,
            observedAt),
        accounts,
        List.of(),
        new TenantSettings(
            SourceSystem.AWS_IAM,
            accountId,
            mapper.passwordPolicy(raw),
            mapper.passwordPolicyKnown(raw),
            null));
  }

  /** Reads the files of an account folder; adds to {@code gaps} for every truncated listing. */
  static AwsRawAccount load(TenantFolder dir, String accountId, List<String> gaps) {
    List<AwsRawAccount.Page> details = pages(dir, DETAILS, gaps);
    if (details.isEmpty()) {
      throw new SnapshotException(
          dir.dir(),
          null,
          "missing "
              + DETAILS
              + ".json (or a folder "
              + DETAILS
              + "/ of *.json pages): the output of aws iam "
              + DETAILS);
    }
    Path report = dir.resolve(REPORT);
    if (!dir.isFile(report)) {
      throw new SnapshotException(
          dir.dir(),
          null,
          "missing " + REPORT + ": the decoded output of aws iam get-credential-report");
    }
    Path policy = dir.resolve(PASSWORD_POLICY);
    return new AwsRawAccount(
        accountId,
        details,
        CredentialReportParser.parse(dir.text(report), report),
        pages(dir, VIRTUAL_MFA, gaps),
        mfaDevices(dir, gaps),
        dir.isFile(policy) ? page(dir, policy) : null);
  }

  /** The pages of a listing in name order; a gap when the last one says more were not saved. */
  private static List<AwsRawAccount.Page> pages(TenantFolder dir, String name, List<String> gaps) {
    List<AwsRawAccount.Page> pages = new ArrayList<>();
    for (Path file : dir.pages(name)) {
      pages.add(page(dir, file));
    }
    if (!pages.isEmpty()) {
      truncated(pages.get(pages.size() - 1), name, gaps);
    }
    return pages;
  }

  /** The list-mfa-devices output of each user, by the user name the file is named for. */
  private static Map<String, AwsRawAccount.Page> mfaDevices(TenantFolder dir, List<String> gaps) {
    Map<String, AwsRawAccount.Page> byUser = new TreeMap<>();
    for (Path file : dir.entries(MFA_DEVICES)) {
      if (!file.getFileName().toString().endsWith(".json") || !Files.isRegularFile(file)) {
        continue;
      }
      String user = file.getFileName().toString().replaceFirst("\\.json$", "");
      AwsRawAccount.Page page = page(dir, file);
      truncated(page, MFA_DEVICES + "/" + user, gaps);
      byUser.put(user, page);
    }
    return byUser;
  }

  /**
   * IAM list calls page with IsTruncated and Marker; a saved last page that says IsTruncated=true
   * means the rest was not saved.
   */
  private static void truncated(AwsRawAccount.Page last, String name, List<String> gaps) {
    if (last.body().isObject()
        && SnapshotJson.bool(last.body(), "IsTruncated", false, last.file(), null)) {
      gaps.add(
          name
              + ": the last saved page ("
              + last.file().getFileName()
              + ") says IsTruncated=true; the following pages are not in the snapshot");
    }
  }

  private static AwsRawAccount.Page page(TenantFolder dir, Path file) {
    return new AwsRawAccount.Page(file, dir.json(file));
  }
}
