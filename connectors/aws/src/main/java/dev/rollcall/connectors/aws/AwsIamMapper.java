package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PasswordPolicy;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.RoleAssumer;
import dev.rollcall.model.SourceSystem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps an AWS account's raw IAM data to accounts: one per credential report row (the root user
 * included), joined by user name to its authorization details. A user in one and not the other is a
 * data problem of the account, never an account: half its facts would be guesses. Pure: no file or
 * network access.
 */
public final class AwsIamMapper {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /**
   * How far back RoleLastUsed reaches.
   * https://docs.aws.amazon.com/IAM/latest/APIReference/API_RoleLastUsed.html
   */
  private static final int ROLE_TRACKING_DAYS = 400;

  private final Instant observedAt;

  /**
   * Creates a mapper.
   *
   * @param observedAt when the snapshot was captured; every account carries it
   */
  public AwsIamMapper(Instant observedAt) {
    this.observedAt = Objects.requireNonNull(observedAt, "observedAt");
  }

  /**
   * The root user and every IAM user, in credential report order, then the roles. Fails on the
   * first policy document that does not parse; see {@link #accounts(AwsRawAccount, List)}.
   */
  public List<Account> accounts(AwsRawAccount raw) {
    List<String> problems = new ArrayList<>();
    List<Account> accounts = accounts(raw, problems);
    if (!problems.isEmpty()) {
      throw new SnapshotException(raw.authorizationDetails().get(0).file(), null, problems.get(0));
    }
    return accounts;
  }

  /**
   * As {@link #accounts(AwsRawAccount)}, but a policy document that does not parse is left out of
   * its principals' evaluation and added to {@code problems} (naming the dump, the principal and
   * the policy), so that the rest of the account is still audited and the pull is marked partial.
   */
  public List<Account> accounts(AwsRawAccount raw, List<String> problems) {
    AuthorizationDetails details = AuthorizationDetails.merge(raw.authorizationDetails());
    MfaDevices devices = MfaDevices.of(raw);
    String accountId = raw.accountId();
    List<Account> accounts = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    List<String> reportOnly = new ArrayList<>();
    for (CredentialReportRow row : raw.credentialReport().rows()) {
      checkAccount(row, raw.credentialReport().file(), accountId);
      reported.add(row.user());
      AuthorizationDetails.User user = details.users().get(row.user());
      if (row.isRoot()) {
        accounts.add(root(accountId, row, devices.root()));
      } else if (user == null) {
        reportOnly.add(row.user());
      } else {
        accounts.add(user(accountId, row, user, details, devices));
      }
    }
    List<String> detailsOnly = new ArrayList<>();
    for (AuthorizationDetails.User user : details.users().values()) {
      if (!reported.contains(user.name())) {
        detailsOnly.add(user.name());
      }
    }
    if (!reportOnly.isEmpty()) {
      problems.add(
          UnmatchedUsers.reportOnly(raw.credentialReport().file().getFileName(), reportOnly));
    }
    if (!detailsOnly.isEmpty()) {
      problems.add(UnmatchedUsers.detailsOnly(detailsOnly));
    }
    // Service-linked roles are left out: AWS defines their trust and permissions, and no customer
    // can change either.
    for (AuthorizationDetails.Role role : details.roles()) {
      if (!role.serviceLinked()) {
        accounts.add(role(accountId, role, details));
      }
    }
    problems.addAll(details.problems());
    return accounts;
  }

  /**
   * Whether the snapshot says what the password policy is: a policy, or the {@code NoSuchEntity}
   * answer that none is set. Without the file nothing is known and nothing is judged.
   */
  public boolean passwordPolicyKnown(AwsRawAccount raw) {
    return raw.passwordPolicy() != null;
  }

  /**
   * The account password policy; null when the account has none set (the file holds the {@code
   * NoSuchEntity} answer, see {@link AwsLayout#NO_PASSWORD_POLICY}) or it was not captured.
   * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
   */
  public PasswordPolicy passwordPolicy(AwsRawAccount raw) {
    AwsRawAccount.Page page = raw.passwordPolicy();
    if (page == null || AwsLayout.saysNoPasswordPolicy(page.body())) {
      return null;
    }
    Path file = page.file();
    JsonNode policy = page.body().get("PasswordPolicy");
    if (policy == null || !policy.isObject()) {
      throw new SnapshotException(
          file,
          null,
          "field 'PasswordPolicy' is missing (not aws iam get-account-password-policy output)");
    }
    String record = "PasswordPolicy";
    boolean expires = SnapshotJson.bool(policy, "ExpirePasswords", false, file, record);
    return new PasswordPolicy(
        count(policy, "MinimumPasswordLength", file),
        expires ? count(policy, "MaxPasswordAge", file) : null,
        count(policy, "PasswordReusePrevention", file),
        SnapshotJson.bool(policy, "RequireSymbols", false, file, record),
        SnapshotJson.bool(policy, "RequireNumbers", false, file, record),
        SnapshotJson.bool(policy, "RequireUppercaseCharacters", false, file, record),
        SnapshotJson.bool(policy, "RequireLowercaseCharacters", false, file, record));
  }

  private Account root(String accountId, CredentialReportRow row, List<MfaFactor> factors) {
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, accountId, "root"), "root", observedAt)
        .displayName("AWS account root user")
        .kind(AccountKind.UNKNOWN, "AWS account root user")
        .created(row.created())
        .lastActivity(ReportCredentials.lastActivity(row))
        .credentials(ReportCredentials.of(row))
        .mfa(mfa(row, factors))
        .grants(List.of(new Grant("root user", accountId, PrivilegeLevel.ADMIN, "account root")))
        .build();
  }

  /** An IAM user from its credential report row and its authorization details. */
  private Account user(
      String accountId,
      CredentialReportRow row,
      AuthorizationDetails.User user,
      AuthorizationDetails details,
      MfaDevices devices) {
    String name = row.user();
    IamUserKind kind = IamUserKind.infer(row, user.tags(), user.path());
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, accountId, user.id()), name, observedAt)
        .emails(EMAIL.matcher(name).matches() ? List.of(name) : List.of())
        .kind(kind.kind(), kind.evidence())
        .created(row.created())
        .lastActivity(ReportCredentials.lastActivity(row))
        .credentials(ReportCredentials.of(row))
        .mfa(mfa(row, devices.user(name)))
        .grants(details.grants(user, accountId, observedAt))
        .tags(user.tags())
        .build();
  }

  /**
   * An IAM role as an account: no credentials of its own; its owners are who may assume it (see
   * {@link dev.rollcall.model.RoleAssumer}); its last use is RoleLastUsed, which IAM keeps for the
   * trailing 400 days.
   */
  private Account role(
      String accountId, AuthorizationDetails.Role role, AuthorizationDetails details) {
    List<RoleAssumer> assumers = details.assumers(role, accountId, observedAt);
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, accountId, role.id()), role.name(), observedAt)
        .kind(
            AccountKind.ROLE,
            "IAM role; "
                + (role.trustProblem() != null
                    ? "its trust policy could not be read, so who may assume it is not known"
                    : RoleTrustSummary.of(role.trust(), assumers)))
        .created(role.created())
        .lastActivity(roleActivity(role))
        .mfa(Mfa.unknown("a role has no second factor of its own: a session carries its assumer's"))
        .grants(details.grants(role, accountId, observedAt))
        .tags(role.tags())
        .assumers(assumers)
        .build();
  }

  private Activity roleActivity(AuthorizationDetails.Role role) {
    if (role.lastUsed() != null) {
      return Activity.usedAt(
          role.lastUsed(),
          "RoleLastUsed" + (role.lastUsedRegion() == null ? "" : " in " + role.lastUsedRegion()));
    }
    if (role.created() != null
        && java.time.Duration.between(role.created(), observedAt).toDays() <= ROLE_TRACKING_DAYS) {
      return Activity.neverUsed(
          "RoleLastUsed is empty: not used since it was created (IAM tracks the last "
              + ROLE_TRACKING_DAYS
              + " days)");
    }
    return Activity.unknown(
        "RoleLastUsed is empty: not used in the "
            + ROLE_TRACKING_DAYS
            + " days IAM tracks, or the dump does not carry it");
  }

  /** Fails when a row's ARN names another account: the report was saved in the wrong folder. */
  private static void checkAccount(CredentialReportRow row, Path file, String accountId) {
    String[] arn = row.arn().split(":", 6);
    if (arn.length < 6 || !arn[0].equals("arn") || !arn[4].equals(accountId)) {
      throw new SnapshotException(
          file,
          "row " + row.row(),
          "column 'arn' is not an ARN in account " + accountId + " (the folder's name)");
    }
  }

  /** MFA from the report's mfa_active, with the factors the device listings name. */
  private static Mfa mfa(CredentialReportRow row, List<MfaFactor> factors) {
    if (!row.mfaActive()) {
      return Mfa.notEnabled("credential report mfa_active=false");
    }
    return Mfa.enabled(
        factors.isEmpty() ? List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null)) : factors,
        "credential report mfa_active=true");
  }

  private static Integer count(JsonNode policy, String field, Path file) {
    JsonNode value = policy.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
      throw new SnapshotException(
          file, "PasswordPolicy", "field '" + field + "' is not a whole number");
    }
    return value.intValue();
  }
}
