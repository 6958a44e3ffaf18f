package dev.rollcall.connectors.aws;

import static dev.rollcall.connectors.aws.TestAccounts.API;
import static dev.rollcall.connectors.aws.TestAccounts.CLI;
import static dev.rollcall.connectors.aws.TestAccounts.OBSERVED_AT;
import static dev.rollcall.connectors.aws.TestAccounts.assertMentions;
import static dev.rollcall.connectors.aws.TestAccounts.assertQuotesNone;
import static dev.rollcall.connectors.aws.TestAccounts.edit;
import static dev.rollcall.connectors.aws.TestAccounts.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.PasswordPolicy;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsSnapshotReaderTest {
  private static final AwsSnapshotReader READER = new AwsSnapshotReader();

  @TempDir Path temp;

  private static SourceResult read(Path dir) {
    return READER.read(dir, OBSERVED_AT);
  }

  private static String readFailure(Path dir) {
    return failure(() -> read(dir));
  }

  @Test
  void readsTheSavedCliAccountAsACompletePull() {
    SourceResult result = read(TestAccounts.dir(CLI));
    assertEquals("aws", READER.folder());
    assertEquals(
        new SourcePull(
            "aws/" + CLI,
            SourceSystem.AWS_IAM,
            CLI,
            PullStatus.COMPLETE,
            10,
            List.of(),
            OBSERVED_AT),
        result.pull());
    assertEquals(10, result.accounts().size());
    assertEquals(List.of(), result.people());
    assertEquals(
        new TenantSettings(
            SourceSystem.AWS_IAM,
            CLI,
            new PasswordPolicy(14, 90, 24, true, true, true, false),
            null),
        result.settings());
  }

  @Test
  void readsPagedApiOutputWithoutOptionalFiles() {
    SourceResult result = read(TestAccounts.dir(API));
    assertEquals(PullStatus.COMPLETE, result.pull().status());
    assertEquals(10, result.pull().accounts());
    assertEquals("aws/" + API, result.pull().source());
    // No get-account-password-policy.json: the policy was not captured, so it is not known.
    assertEquals(
        new TenantSettings(SourceSystem.AWS_IAM, API, null, false, null), result.settings());
  }

  @Test
  void aNoSuchEntityAnswerMeansNoPolicySet() throws IOException {
    Path dir = TestAccounts.copy(API, temp);
    Files.writeString(
        dir.resolve("get-account-password-policy.json"),
        "{\"Error\": {\"Code\": \"NoSuchEntity\", \"Message\": \"none\"}}");
    assertEquals(
        new TenantSettings(SourceSystem.AWS_IAM, API, null, true, null), read(dir).settings());
  }

  @Test
  void aTruncatedLastPageMakesThePullPartial() throws IOException {
    Path dir = TestAccounts.copy(API, temp);
    Files.delete(dir.resolve("get-account-authorization-details/page-2.json"));
    SourceResult result = read(dir);
    assertEquals(PullStatus.PARTIAL, result.pull().status());
    List<String> errors = result.pull().errors();
    assertEquals(2, errors.size(), errors.toString());
    assertEquals(
        "get-account-authorization-details: the last saved page (page-1.json) says"
            + " IsTruncated=true; the following pages are not in the snapshot",
        errors.get(0));
    // Users on the missing page are named, not audited with half their facts.
    assertTrue(
        errors.get(1).startsWith("3 IAM users are in credential-report.csv but not in"),
        errors.get(1));
    assertEquals(6, result.accounts().size());
  }

  @Test
  void invalidJsonNamesTheFileAndLine() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Files.writeString(
        dir.resolve("get-account-authorization-details.json"),
        "{\n  \"UserDetailList\": [\n    {\"UserName\": }\n  ]\n}\n");
    assertMentions(
        readFailure(dir), "get-account-authorization-details.json", "not valid JSON", "line 3");
  }

  @Test
  void invalidJsonInAnOptionalFileAlsoFails() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Files.writeString(dir.resolve("list-virtual-mfa-devices.json"), "{\"VirtualMFADevices\": [");
    assertMentions(readFailure(dir), "list-virtual-mfa-devices.json", "not valid JSON", "line 1");
  }

  @Test
  void aBadDateInTheCredentialReportNamesFileRowAndColumn() {
    Path dir = TestAccounts.copy(CLI, temp);
    edit(dir.resolve("credential-report.csv"), "2026-11-01T12:00:00+00:00,TRUE", "2026-11-01,TRUE");
    String message = readFailure(dir);
    assertMentions(message, "credential-report.csv", "row 4: ", "'user_creation_time'");
    assertQuotesNone(message, "bob", "'2026-11-01'");
  }

  @Test
  void aMissingAuthorizationDetailsFileNamesTheFolderAndTheFile() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Files.delete(dir.resolve("get-account-authorization-details.json"));
    assertMentions(
        readFailure(dir),
        dir.toString(),
        "get-account-authorization-details.json",
        "get-account-authorization-details/");
  }

  @Test
  void aMissingCredentialReportNamesTheFolderAndTheFile() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Files.delete(dir.resolve("credential-report.csv"));
    assertMentions(readFailure(dir), dir.toString(), "credential-report.csv");
  }

  @Test
  void theMfaListingsAreOptional() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Files.delete(dir.resolve("list-virtual-mfa-devices.json"));
    for (String user : List.of("alice", "carol@example.com", "dave")) {
      Files.delete(dir.resolve("list-mfa-devices/" + user + ".json"));
    }
    SourceResult result = read(dir);
    assertEquals(PullStatus.COMPLETE, result.pull().status());
    assertEquals(10, result.accounts().size());
  }

  @Test
  void aFolderNotNamedForAnAccountIdFails() {
    assertMentions(
        readFailure(TestAccounts.copy(CLI, temp, "production")), "production", "12-digit");
    assertMentions(readFailure(TestAccounts.copy(CLI, temp, "11112222333")), "12-digit");
  }

  @Test
  void aPageThatIsNotAuthorizationDetailsFails() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Files.writeString(dir.resolve("get-account-authorization-details.json"), "{\"Users\": []}");
    assertMentions(
        readFailure(dir),
        "get-account-authorization-details.json",
        "not get-account-authorization-details output");
  }

  @Test
  void aVirtualMfaListingOfTheWrongShapeFails() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Files.writeString(dir.resolve("list-virtual-mfa-devices.json"), "{\"MFADevices\": []}");
    assertMentions(readFailure(dir), "list-virtual-mfa-devices.json", "'VirtualMFADevices'");
  }

  @Test
  void aPasswordPolicyFileOfTheWrongShapeFails() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp);
    Files.writeString(
        dir.resolve("get-account-password-policy.json"), "{\"MinimumPasswordLength\": 14}");
    assertMentions(readFailure(dir), "get-account-password-policy.json", "'PasswordPolicy'");
  }

  @Test
  void aUserWithoutUserIdNamesTheFileRecordAndField() {
    Path dir = TestAccounts.copy(CLI, temp);
    edit(
        dir.resolve("get-account-authorization-details.json"),
        "\"UserId\": \"AIDAEXAMPLEDAVE000006\",",
        "");
    String message = readFailure(dir);
    assertMentions(
        message, "get-account-authorization-details.json", "UserDetailList[5]: ", "'UserId'");
    assertQuotesNone(message, "dave");
  }

  @Test
  void theAccountsCarryTheCaptureTimeGiven() {
    assertTrue(
        read(TestAccounts.dir(API)).accounts().stream()
            .allMatch(a -> a.observedAt().equals(OBSERVED_AT)));
  }

  @Test
  void aCredentialReportFromAnotherAccountFails() throws IOException {
    Path dir = TestAccounts.copy(CLI, temp, "999988887777");
    String message = readFailure(dir);
    assertMentions(message, "credential-report.csv", "row 2: ", "'arn'", "999988887777");
    assertQuotesNone(message, "<root_account>", "111122223333");
  }
}
