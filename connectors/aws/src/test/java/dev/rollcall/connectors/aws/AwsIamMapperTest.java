package dev.rollcall.connectors.aws;

import static dev.rollcall.connectors.aws.TestAccounts.API;
import static dev.rollcall.connectors.aws.TestAccounts.CLI;
import static dev.rollcall.connectors.aws.TestAccounts.OBSERVED_AT;
import static dev.rollcall.connectors.aws.TestAccounts.assertMentions;
import static dev.rollcall.connectors.aws.TestAccounts.assertQuotesNone;
import static dev.rollcall.connectors.aws.TestAccounts.edit;
import static dev.rollcall.connectors.aws.TestAccounts.failure;
import static dev.rollcall.connectors.aws.TestAccounts.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PasswordPolicy;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.SourceSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsIamMapperTest {
  private static final AwsIamMapper MAPPER = new AwsIamMapper(OBSERVED_AT);
  private static final List<Account> ACCOUNTS = TestAccounts.accounts(CLI);
  private static final String BY_NAME = "(not in snapshot, classified by name)";

  @TempDir Path temp;

  private static Account account(String name) {
    return named(ACCOUNTS, name);
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  private List<Account> accountsOf(Path dir) {
    return MAPPER.accounts(TestAccounts.raw(dir, CLI));
  }

  @Test
  void mapsTheRootAndEveryUserInReportOrderThenTheRoles() {
    assertEquals(
        List.of(
            "root",
            "alice",
            "bob",
            "ci-deploy",
            "report-bot",
            "carol@example.com",
            "dave",
            "erin",
            "frank",
            "OrganizationAccountAccessRole"),
        ACCOUNTS.stream().map(Account::name).toList());
    assertTrue(ACCOUNTS.stream().allMatch(a -> a.observedAt().equals(OBSERVED_AT)));
    assertTrue(ACCOUNTS.stream().allMatch(a -> a.key().system() == SourceSystem.AWS_IAM));
    assertTrue(ACCOUNTS.stream().allMatch(a -> a.key().tenant().equals(CLI)));
    // IAM has no disabled state for a user.
    assertTrue(ACCOUNTS.stream().allMatch(a -> a.status() == AccountStatus.ACTIVE));
  }

  @Test
  void rootUser() {
    Account root = account("root");
    assertEquals(new AccountKey(SourceSystem.AWS_IAM, CLI, "root"), root.key());
    assertEquals("AWS account root user", root.displayName());
    assertEquals(AccountKind.UNKNOWN, root.kind());
    assertEquals("AWS account root user", root.kindEvidence());
    assertEquals(at("2020-03-01T09:00:00Z"), root.created());
    assertEquals(
        Activity.usedAt(at("2026-10-01T08:00:00Z"), "credential report password_last_used"),
        root.lastActivity());
    assertEquals(
        List.of(
            // password_enabled is not_supported for root: it can always sign in.
            new Credential(
                CredentialType.CONSOLE_PASSWORD,
                "console password",
                true,
                null,
                at("2026-10-01T08:00:00Z"),
                Activity.State.USED),
            // An old, inactive root access key is kept: it is a finding in itself.
            new Credential(
                CredentialType.ACCESS_KEY,
                "access key 1",
                false,
                at("2021-04-01T10:00:00Z"),
                at("2021-05-02T11:00:00Z"),
                Activity.State.USED)),
        root.credentials());
    assertEquals(
        Mfa.enabled(
            List.of(
                new MfaFactor(
                    MfaFactorType.VIRTUAL_TOTP,
                    "arn:aws:iam::111122223333:mfa/root-account-mfa-device",
                    at("2020-03-01T09:30:00Z"))),
            "credential report mfa_active=true"),
        root.mfa());
    assertEquals(
        List.of(new Grant("root user", CLI, PrivilegeLevel.ADMIN, "account root")),
        plain(root.grants()));
    assertEquals(List.of(), root.emails());
    assertEquals(Map.of(), root.tags());
  }

  @Test
  void humanWithPasswordVirtualMfaAndAGroupGrant() {
    Account alice = account("alice");
    assertEquals(new AccountKey(SourceSystem.AWS_IAM, CLI, "AIDAEXAMPLEALICE00001"), alice.key());
    assertNull(alice.displayName());
    assertEquals(AccountKind.HUMAN, alice.kind());
    assertEquals("console password", alice.kindEvidence());
    assertEquals(at("2024-01-15T09:30:00Z"), alice.created());
    assertEquals(
        List.of(
            new Credential(
                CredentialType.CONSOLE_PASSWORD,
                "console password",
                true,
                at("2026-09-01T08:00:00Z"),
                at("2026-11-19T17:42:10Z"),
                Activity.State.USED)),
        alice.credentials());
    assertTrue(alice.hasInteractiveLogin());
    // Listed both by list-virtual-mfa-devices and list-mfa-devices: one factor.
    assertEquals(
        Mfa.enabled(
            List.of(
                new MfaFactor(
                    MfaFactorType.VIRTUAL_TOTP,
                    "arn:aws:iam::111122223333:mfa/alice-phone",
                    at("2024-01-15T10:02:00Z"))),
            "credential report mfa_active=true"),
        alice.mfa());
    assertEquals(
        List.of(new Grant("AdministratorAccess", CLI, PrivilegeLevel.ADMIN, "group:Admins")),
        plain(alice.grants()));
  }

  @Test
  void ownerTagsStayTagsAndAreNotTheAccountsEmails() {
    Account alice = account("alice");
    assertEquals(Map.of("owner", "alice@example.com", "team", "platform"), alice.tags());
    assertEquals(List.of(), alice.emails());
    assertEquals("alice@example.com", alice.tag("OWNER"));
    assertEquals(List.of(), account("erin").emails());
    assertEquals("erin@example.com", account("erin").tag("email"));
  }

  @Test
  void anEmailShapedUserNameIsTheAccountsEmail() {
    assertEquals(List.of("carol@example.com"), account("carol@example.com").emails());
  }

  @Test
  void noInformationMeansThePasswordWasNeverUsed() {
    Account bob = account("bob");
    assertEquals(
        Activity.neverUsed("credential report: no password or key use recorded"),
        bob.lastActivity());
    Credential password = bob.credentials().get(0);
    assertEquals(CredentialType.CONSOLE_PASSWORD, password.type());
    assertTrue(password.active());
    assertEquals(at("2026-11-01T12:00:00Z"), password.created());
    assertNull(password.lastUsed());
    assertEquals(Activity.State.NEVER_USED, password.usage());
  }

  @Test
  void upperCaseFalseMeansNoMfa() {
    assertEquals(Mfa.notEnabled("credential report mfa_active=false"), account("bob").mfa());
    assertEquals(AccountKind.HUMAN, account("bob").kind());
  }

  @Test
  void attachedAndGroupGrantsWithEscalationAndADenyOnlyPolicyGivingNothing() {
    // Developers also holds deny-prod-data-delete, which allows nothing; bob's permissions
    // boundary (s3, logs and cloudwatch only) leaves nothing of IamKeyManager's IAM actions and
    // caps PowerUserAccess to write.
    String cap = "; within permissions boundary DeveloperBoundary";
    assertEquals(
        List.of(
            new Grant("PowerUserAccess", CLI, PrivilegeLevel.WRITE, "group:Developers" + cap),
            new Grant("developer-logs", CLI, PrivilegeLevel.READ, "group:Developers" + cap)),
        plain(account("bob").grants()));
  }

  @Test
  void serviceUserByTagWithTwoKeys() {
    Account ci = account("ci-deploy");
    assertEquals(AccountKind.SERVICE, ci.kind());
    assertEquals("tag kind=service", ci.kindEvidence());
    assertFalse(ci.hasInteractiveLogin());
    assertEquals(
        List.of(
            new Credential(
                CredentialType.ACCESS_KEY,
                "access key 1",
                true,
                at("2026-08-01T00:00:00Z"),
                at("2026-11-19T23:10:00Z"),
                Activity.State.USED),
            new Credential(
                CredentialType.ACCESS_KEY,
                "access key 2",
                false,
                at("2025-01-10T00:00:00Z"),
                at("2025-03-05T14:00:00Z"),
                Activity.State.USED)),
        ci.credentials());
    assertEquals(
        Activity.usedAt(
            at("2026-11-19T23:10:00Z"), "credential report access_key_1_last_used_date"),
        ci.lastActivity());
    assertEquals(Mfa.notEnabled("credential report mfa_active=false"), ci.mfa());
  }

  @Test
  void onlyTheDefaultPolicyVersionCounts() {
    // DeployPipeline v1 (not the default) allowed * on *.
    assertEquals(
        List.of(new Grant("DeployPipeline", CLI, PrivilegeLevel.WRITE, "attached")),
        plain(account("ci-deploy").grants()));
  }

  @Test
  void accessKeysOnlyMeansAServiceAndANeverUsedKeyIsNeverUsed() {
    Account bot = account("report-bot");
    assertEquals(AccountKind.SERVICE, bot.kind());
    assertEquals("access keys only, no console password", bot.kindEvidence());
    assertEquals(
        List.of(
            new Credential(
                CredentialType.ACCESS_KEY,
                "access key 1",
                true,
                at("2025-02-01T00:05:00Z"),
                null,
                Activity.State.NEVER_USED),
            new Credential(
                CredentialType.X509_CERTIFICATE,
                "signing certificate 1",
                true,
                at("2025-02-01T00:10:00Z"),
                null,
                Activity.State.UNKNOWN)),
        bot.credentials());
    assertEquals(
        Activity.neverUsed("credential report: no password or key use recorded"),
        bot.lastActivity());
    assertEquals(
        List.of(new Grant("reports-bucket-read", CLI, PrivilegeLevel.READ, "inline")),
        plain(bot.grants()));
  }

  @Test
  void securityKeyFromListMfaDevicesAndManagedPoliciesClassifiedByName() {
    Account carol = account("carol@example.com");
    assertEquals(
        List.of(
            new MfaFactor(
                MfaFactorType.SECURITY_KEY,
                "arn:aws:iam::111122223333:u2f/user/carol@example.com/yubikey-EXAMPLE7QZX4ABCD",
                at("2025-05-05T10:20:00Z"))),
        carol.mfa().factors());
    assertEquals(
        List.of(
            new Grant("ViewOnlyAccess", CLI, PrivilegeLevel.READ, "attached " + BY_NAME),
            new Grant("SecurityAudit", CLI, PrivilegeLevel.READ, "group:Auditors")),
        plain(carol.grants()));
  }

  @Test
  void hardwareTokenAndEveryLevelOfGrant() {
    Account dave = account("dave");
    assertEquals(
        List.of(
            new MfaFactor(MfaFactorType.HARDWARE_TOTP, "GAHT12345678", at("2022-09-12T08:00:00Z"))),
        dave.mfa().factors());
    assertEquals(
        List.of(
            new Grant(
                "IAMFullAccess", CLI, PrivilegeLevel.PRIVILEGE_ESCALATION, "attached " + BY_NAME),
            new Grant("AmazonS3FullAccess", CLI, PrivilegeLevel.WRITE, "attached " + BY_NAME),
            new Grant("break-glass", CLI, PrivilegeLevel.ADMIN, "inline")),
        plain(dave.grants()));
    assertEquals(PrivilegeLevel.ADMIN, dave.highestPrivilege());
  }

  @Test
  void mfaActiveWithoutADeviceListingIsOneUnspecifiedFactor() {
    assertEquals(
        Mfa.enabled(
            List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null)),
            "credential report mfa_active=true"),
        account("erin").mfa());
  }

  @Test
  void aKindTagInAnyCaseBeatsTheCredentials() {
    Account erin = account("erin");
    assertEquals(AccountKind.HUMAN, erin.kind());
    assertEquals("tag Type=Human", erin.kindEvidence());
  }

  @Test
  void anUnknownManagedPolicyIsAssumedWrite() {
    assertEquals(
        List.of(
            new Grant("AmazonS3ReadOnlyAccess", CLI, PrivilegeLevel.READ, "attached " + BY_NAME),
            new Grant(
                "LegacyVendorAccess",
                CLI,
                PrivilegeLevel.WRITE,
                "attached (not in snapshot, classified by name: unrecognised, assumed write)")),
        plain(account("erin").grants()));
  }

  @Test
  void aRemovedPasswordKeepsItsLastUse() {
    Account frank = account("frank");
    assertEquals(AccountKind.UNKNOWN, frank.kind());
    assertEquals("no console password and no active access key", frank.kindEvidence());
    assertEquals(
        List.of(
            new Credential(
                CredentialType.CONSOLE_PASSWORD,
                "console password",
                false,
                null,
                at("2025-01-02T03:04:05Z"),
                Activity.State.USED)),
        frank.credentials());
    assertFalse(frank.hasInteractiveLogin());
    assertEquals(
        Activity.usedAt(at("2025-01-02T03:04:05Z"), "credential report password_last_used"),
        frank.lastActivity());
    assertEquals(
        // sts:AssumeRole alone reaches what the roles hold, judged on the roles: write here.
        List.of(new Grant("assume-any-role", CLI, PrivilegeLevel.WRITE, "inline")),
        plain(frank.grants()));
  }

  /** A report row for a user the details do not list, in the CLI folder's report. */
  private static final String GHOST_ROW =
      "ghost,arn:aws:iam::111122223333:user/ghost,2025-11-11T11:11:11+00:00,true,"
          + "2026-06-01T10:00:00+00:00,2025-11-11T11:20:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,"
          + "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

  private List<String> problemsOf(Path dir, List<Account> accounts) {
    List<String> problems = new java.util.ArrayList<>();
    accounts.addAll(MAPPER.accounts(TestAccounts.raw(dir, CLI), problems));
    return problems;
  }

  @Test
  void aReportRowWithoutDetailsIsADataProblemNotAnAccount() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Path report = dir.resolve("credential-report.csv");
    Files.writeString(report, GHOST_ROW, java.nio.file.StandardOpenOption.APPEND);
    List<Account> accounts = new java.util.ArrayList<>();
    List<String> problems = problemsOf(dir, accounts);
    assertEquals(
        List.of(
            "1 IAM user is in credential-report.csv but not in get-account-authorization-details"
                + " (deleted since the report was made, or pages of the details are missing);"
                + " left out of the audit: 'ghost'"),
        problems);
    assertEquals(
        ACCOUNTS.stream().map(Account::name).toList(),
        accounts.stream().map(Account::name).toList());
    // Without a list to add problems to, the mapper fails on it.
    assertMentions(failure(() -> accountsOf(dir)), "'ghost'", "credential-report.csv");
  }

  @Test
  void aUserOnlyInTheDetailsIsADataProblemNotAnAccount() {
    Path dir = TestAccounts.copy(CLI, temp);
    edit(dir.resolve("credential-report.csv"), "\nerin,", "\nxerin,");
    edit(
        dir.resolve("credential-report.csv"),
        "arn:aws:iam::111122223333:user/erin",
        "arn:aws:iam::111122223333:user/xerin");
    List<Account> accounts = new java.util.ArrayList<>();
    List<String> problems = problemsOf(dir, accounts);
    assertEquals(2, problems.size(), problems.toString());
    assertMentions(problems.get(0), "1 IAM user is in credential-report.csv", "'xerin'");
    assertEquals(
        "1 IAM user is in get-account-authorization-details but not in the credential report"
            + " (created since the report was made: AWS remakes it at most every 4 hours; or the"
            + " report is old); left out of the audit: 'erin'",
        problems.get(1));
    assertFalse(accounts.stream().anyMatch(a -> a.name().contains("erin")), accounts.toString());
  }

  @Test
  void aNameWithANewlineIsNamedOnOneLine() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Files.writeString(
        dir.resolve("credential-report.csv"),
        "\"gh\nost\u202e,\"\",\"\"; rm -rf ~\""
            + GHOST_ROW.substring("ghost".length()).replace("user/ghost", "user/gh"),
        java.nio.file.StandardOpenOption.APPEND);
    List<String> problems = problemsOf(dir, new java.util.ArrayList<>());
    assertEquals(1, problems.size(), problems.toString());
    assertFalse(problems.get(0).contains("\n"), problems.get(0));
    assertFalse(problems.get(0).contains("\u202e"), problems.get(0));
    assertMentions(problems.get(0), "'gh\\nost\\u202e,\",\"; rm -rf ~'");
  }

  @Test
  void aLongListNamesTenAndCountsTheRest() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      rows.append(GHOST_ROW.replace("ghost", "ghost" + i));
    }
    Files.writeString(
        dir.resolve("credential-report.csv"),
        rows.toString(),
        java.nio.file.StandardOpenOption.APPEND);
    List<String> problems = problemsOf(dir, new java.util.ArrayList<>());
    assertEquals(1, problems.size(), problems.toString());
    assertMentions(problems.get(0), "25 IAM users are", "'ghost0'", "'ghost9'", "and 15 more");
    assertFalse(problems.get(0).contains("'ghost10'"), problems.get(0));
  }

  @Test
  void grantsWithoutABoundaryNoteNone() {
    for (Account account : ACCOUNTS) {
      if (!account.name().equals("bob")) {
        assertTrue(
            account.grants().stream().noneMatch(g -> g.via().contains("boundary")), account.name());
      }
    }
  }

  @Test
  void aServicePathMakesAService() {
    Path dir = TestAccounts.copy(CLI, temp);
    edit(
        dir.resolve("get-account-authorization-details.json"),
        "\"Path\": \"/\",\n            \"UserName\": \"bob\"",
        "\"Path\": \"/service/build/\",\n            \"UserName\": \"bob\"");
    Account bob = named(accountsOf(dir), "bob");
    assertEquals(AccountKind.SERVICE, bob.kind());
    assertEquals("path /service/build/", bob.kindEvidence());
  }

  @Test
  void urlEncodedPagesGiveTheSameGrantsAsCliObjects() {
    List<Account> api = TestAccounts.accounts(API);
    assertEquals(
        ACCOUNTS.stream().map(Account::name).toList(), api.stream().map(Account::name).toList());
    for (Account cli : ACCOUNTS) {
      Account fromApi = named(api, cli.name());
      assertEquals(API, fromApi.key().tenant());
      assertEquals(
          cli.grants().stream()
              .map(g -> new Grant(g.name(), API, g.level(), g.via(), g.method(), g.statements()))
              .toList(),
          fromApi.grants(),
          cli.name());
    }
  }

  @Test
  void withoutDeviceListingsEveryActiveMfaIsUnspecified() {
    for (Account account : TestAccounts.accounts(API)) {
      if (account.mfa().state() == Mfa.State.ENABLED) {
        assertEquals(
            List.of(new MfaFactor(MfaFactorType.UNSPECIFIED, null, null)),
            account.mfa().factors(),
            account.name());
      }
    }
  }

  @Test
  void passwordPolicy() {
    assertEquals(
        new PasswordPolicy(14, 90, 24, true, true, true, false),
        MAPPER.passwordPolicy(TestAccounts.raw(CLI)));
    assertNull(MAPPER.passwordPolicy(TestAccounts.raw(API)));
  }

  @Test
  void passwordsThatDoNotExpireHaveNoMaximumAge() {
    Path dir = TestAccounts.copy(CLI, temp);
    edit(
        dir.resolve("get-account-password-policy.json"),
        "\"ExpirePasswords\": true",
        "\"ExpirePasswords\": false");
    assertNull(MAPPER.passwordPolicy(TestAccounts.raw(dir, CLI)).maxAgeDays());
  }

  @Test
  void aPolicyWithoutExpirePasswordsHasNoMaximumAgeAndUnsetFieldsAreNull() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Files.writeString(
        dir.resolve("get-account-password-policy.json"),
        "{\"PasswordPolicy\": {\"MinimumPasswordLength\": 8, \"MaxPasswordAge\": 90}}");
    assertEquals(
        new PasswordPolicy(8, null, null, false, false, false, false),
        MAPPER.passwordPolicy(TestAccounts.raw(dir, CLI)));
  }

  @Test
  void aPasswordPolicyLengthThatIsNotANumberFails() {
    Path dir = TestAccounts.copy(CLI, temp);
    edit(
        dir.resolve("get-account-password-policy.json"),
        "\"MinimumPasswordLength\": 14",
        "\"MinimumPasswordLength\": \"fourteen\"");
    assertMentions(
        failure(() -> MAPPER.passwordPolicy(TestAccounts.raw(dir, CLI))),
        "get-account-password-policy.json",
        "'MinimumPasswordLength'");
  }

  @Test
  void aGroupMissingFromTheDetailsFailsNamingTheUser() {
    Path dir = TestAccounts.copy(CLI, temp);
    edit(
        dir.resolve("get-account-authorization-details.json"),
        "\"GroupList\": [\n                \"Auditors\"",
        "\"GroupList\": [\n                \"Auditor\"");
    String message = failure(() -> accountsOf(dir));
    assertMentions(
        message,
        "get-account-authorization-details.json",
        "UserDetailList[4] GroupList[0]",
        "GroupDetailList");
    assertQuotesNone(message, "carol", "Auditor");
  }

  @Test
  void aUserListedOnTwoPagesFails() throws IOException {
    Path dir = TestAccounts.copy(API, temp);
    Files.writeString(
        dir.resolve("get-account-authorization-details/page-3.json"),
        """
        {"UserDetailList": [{"Path": "/", "UserName": "dave", "UserId": "AIDAEXAMPLEDAVE000006",
          "GroupList": [], "AttachedManagedPolicies": []}], "IsTruncated": false}
        """);
    String message = failure(() -> MAPPER.accounts(TestAccounts.raw(dir, API)));
    assertMentions(
        message, "page-3.json", "UserDetailList[0]: its UserName is listed twice", "page-2.json");
    assertQuotesNone(message, "dave");
  }

  @Test
  void aManagedPolicyWithoutADefaultVersionFails() {
    Path dir = TestAccounts.copy(CLI, temp);
    edit(
        dir.resolve("get-account-authorization-details.json"),
        "\"VersionId\": \"v2\",\n                    \"IsDefaultVersion\": true",
        "\"VersionId\": \"v2\",\n                    \"IsDefaultVersion\": false");
    assertMentions(failure(() -> accountsOf(dir)), "Policies[4]: ", "default version");
  }

  @Test
  void aMalformedInlineDocumentNamesUserAndPolicy() {
    Path dir = TestAccounts.copy(API, temp);
    edit(
        dir.resolve("get-account-authorization-details/page-2.json"),
        "\"PolicyDocument\": \"%7B%22Version",
        "\"PolicyDocument\": \"%7B%2GVersion");
    String message = failure(() -> MAPPER.accounts(TestAccounts.raw(dir, API)));
    assertMentions(
        message, "page-2.json", "UserDetailList[0] UserPolicyList[0]", "malformed escape");
    assertQuotesNone(message, "%2G");
    // Read with a list of problems, the rest of the account is still audited; the gap names the
    // user and the policy, as the report lists them.
    List<String> problems = new java.util.ArrayList<>();
    List<Account> accounts = MAPPER.accounts(TestAccounts.raw(dir, API), problems);
    assertMentions(
        problems.get(0),
        "user dave: inline policy break-glass not evaluated",
        "page-2.json",
        "UserDetailList[0] UserPolicyList[0]");
    assertTrue(accounts.stream().anyMatch(a -> a.name().equals("alice")));
  }

  /** The grants without the statements, for tests written about levels and how they are held. */
  private static List<Grant> plain(List<Grant> grants) {
    return grants.stream().map(g -> new Grant(g.name(), g.scope(), g.level(), g.via())).toList();
  }

  @Test
  void anMfaListingForAnotherUserFails() {
    Path dir = TestAccounts.copy(CLI, temp);
    edit(
        dir.resolve("list-mfa-devices/dave.json"),
        "\"UserName\": \"dave\"",
        "\"UserName\": \"erin\"");
    String message = failure(() -> accountsOf(dir));
    assertMentions(message, "dave.json", "MFADevices[0]", "'UserName'", "another user");
    assertQuotesNone(message, "erin");
  }

  @Test
  void aDuplicateTagKeyFails() {
    Path dir = TestAccounts.copy(CLI, temp);
    edit(
        dir.resolve("get-account-authorization-details.json"),
        "\"Key\": \"team\"",
        "\"Key\": \"owner\"");
    String message = failure(() -> accountsOf(dir));
    assertMentions(message, "UserDetailList[0] Tags[1]", "Key is given twice");
    assertQuotesNone(message, "alice", "owner");
  }
}
