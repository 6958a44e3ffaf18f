package dev.rollcall.connectors.aws;

import static dev.rollcall.connectors.aws.TestAccounts.assertMentions;
import static dev.rollcall.connectors.aws.TestAccounts.assertQuotesNone;
import static dev.rollcall.connectors.aws.TestAccounts.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.model.PrivilegeLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyClassifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FILE = Path.of("get-account-authorization-details.json");
  private static final String RECORD = "Policies[0] (PolicyName=Test)";

  private static Optional<PrivilegeLevel> classify(String statement) {
    try {
      JsonNode document =
          JSON.readTree("{\"Version\": \"2012-10-17\", \"Statement\": " + statement + "}");
      return level(document);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(statement, e);
    }
  }

  /** The top level one policy gives user alice, in an account with another user, bob. */
  private static Optional<PrivilegeLevel> level(JsonNode document) {
    IamPolicy policy = IamPolicy.parse(document, "Test", "inline", FILE, RECORD);
    IamPrincipal alice =
        new IamPrincipal(
            "alice",
            "111122223333",
            Map.of(),
            List.of(policy),
            Optional.empty(),
            Instant.parse("2026-05-01T00:00:00Z"));
    PrivilegeAnalysis.Targets targets =
        new PrivilegeAnalysis.Targets(
            Map.of(
                "alice", "arn:aws:iam::111122223333:user/alice",
                "bob", "arn:aws:iam::111122223333:user/bob"),
            List.of(),
            List.of(),
            List.of());
    return PrivilegeAnalysis.of(alice, targets).stream()
        .map(PrivilegeAnalysis.Privilege::level)
        .max(Enum::compareTo);
  }

  /** Flagged cases and near misses side by side: expected level | why | the Statement value. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ADMIN | star on star | {"Effect": "Allow", "Action": "*", "Resource": "*"}
          ADMIN | star-colon-star, in a list | [{"Effect": "Allow", "Action": ["*:*"], "Resource": ["*"]}]
          ADMIN | star among other resources | [{"Effect": "Allow", "Action": "*", "Resource": ["arn:aws:s3:::b", "*"]}]
          PRIVILEGE_ESCALATION | NotResource is not every resource, but reaches IAM | [{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::b"}]
          WRITE | star on one bucket reaches no IAM resource | [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"}]
          PRIVILEGE_ESCALATION | iam:* | [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]
          PRIVILEGE_ESCALATION | iam:Create* | [{"Effect": "Allow", "Action": "iam:Create*", "Resource": "*"}]
          PRIVILEGE_ESCALATION | iam:Put* | [{"Effect": "Allow", "Action": "iam:Put*", "Resource": "*"}]
          PRIVILEGE_ESCALATION | iam:Attach* | [{"Effect": "Allow", "Action": "iam:Attach*", "Resource": "*"}]
          PRIVILEGE_ESCALATION | iam:Update* | [{"Effect": "Allow", "Action": "iam:Update*", "Resource": "*"}]
          PRIVILEGE_ESCALATION | iam:Add* | [{"Effect": "Allow", "Action": "iam:Add*", "Resource": "*"}]
          WRITE | iam:PassRole alone (no compute service to pass it to) | [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]
          WRITE | iam:CreateAccessKey on own user only | [{"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "arn:aws:iam::111122223333:user/${aws:username}"}]
          PRIVILEGE_ESCALATION | iam:CreateLoginProfile | [{"Effect": "Allow", "Action": ["iam:CreateLoginProfile"], "Resource": "*"}]
          PRIVILEGE_ESCALATION | iam:UpdateLoginProfile | [{"Effect": "Allow", "Action": ["iam:UpdateLoginProfile"], "Resource": "*"}]
          PRIVILEGE_ESCALATION | iam:CreatePolicyVersion | [{"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*"}]
          PRIVILEGE_ESCALATION | iam:SetDefaultPolicyVersion | [{"Effect": "Allow", "Action": "iam:SetDefaultPolicyVersion", "Resource": "*"}]
          WRITE | iam:UpdateAssumeRolePolicy without sts:AssumeRole | [{"Effect": "Allow", "Action": "iam:UpdateAssumeRolePolicy", "Resource": "*"}]
          PRIVILEGE_ESCALATION | action names in any case | [{"Effect": "Allow", "Action": "IAM:attachuserpolicy", "Resource": "*"}]
          PRIVILEGE_ESCALATION | a question-mark wildcard | [{"Effect": "Allow", "Action": "iam:Put?serPolicy", "Resource": "*"}]
          WRITE | sts:AssumeRole on star (what the roles hold is judged on the roles) | [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]
          WRITE | sts:* on every role | [{"Effect": "Allow", "Action": "sts:*", "Resource": "arn:aws:iam::*:role/*"}]
          WRITE | sts:AssumeRole on one role | [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/deploy"}]
          WRITE | iam:CreateServiceLinkedRole is not escalation | [{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*"}]
          WRITE | iam:ChangePassword is not escalation | [{"Effect": "Allow", "Action": "iam:ChangePassword", "Resource": "*"}]
          WRITE | NotAction iam, lambda, ssm, ec2-instance-connect, cloudformation, glue, sagemaker | [{"Effect": "Allow", "NotAction": ["iam:*", "lambda:*", "ssm:*", "ec2-instance-connect:*", "cloudformation:*", "glue:*", "sagemaker:*"], "Resource": "*"}]
          WRITE | s3:* | [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]
          WRITE | s3:PutObject among reads | [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"}]
          WRITE | a leading wildcard may cover writes | [{"Effect": "Allow", "Action": "s3:*Object", "Resource": "*"}]
          WRITE | a wildcard inside a read verb may cover writes | [{"Effect": "Allow", "Action": "s3:G*", "Resource": "*"}]
          WRITE | NotAction iam:* (PowerUserAccess) takes over compute, but no role is worth taking over | [{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"}]
          WRITE | NotAction iam:* even with sts left allowed (no role worth taking over) | [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]
          ADMIN | NotAction leaving IAM allowed on star | [{"Effect": "Allow", "NotAction": ["s3:DeleteBucket", "organizations:*"], "Resource": "*"}]
          WRITE | NotAction leaving IAM allowed on a bucket that is no IAM resource | [{"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::b"}]
          PRIVILEGE_ESCALATION | NotAction leaving some escalation allowed | [{"Effect": "Allow", "NotAction": ["iam:Create*", "iam:Put*"], "Resource": "*"}]
          READ | Get List Describe | [{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*", "ec2:Describe*"], "Resource": "*"}]
          READ | Head BatchGet View | [{"Effect": "Allow", "Action": ["s3:HeadObject", "dynamodb:BatchGetItem", "aws-portal:ViewBilling"], "Resource": "*"}]
          READ | iam reads | [{"Effect": "Allow", "Action": ["iam:Get*", "iam:List*", "iam:GenerateCredentialReport", "iam:SimulateCustomPolicy"], "Resource": "*"}]
          READ | read verbs in any case | [{"Effect": "Allow", "Action": "S3:GETOBJECT", "Resource": "*"}]
          READ | a single statement object | {"Effect": "Allow", "Action": "logs:FilterLogEvents", "Resource": "*"}
          ADMIN | the highest statement wins | [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}, {"Effect": "Allow", "Action": "*", "Resource": "*"}]
          READ | a Deny of writes leaves reads | [{"Effect": "Deny", "Action": "s3:Put*", "Resource": "*"}, {"Effect": "Allow", "Action": ["s3:Get*", "s3:PutObject"], "Resource": "*"}]
          PRIVILEGE_ESCALATION | iam:UpdateAssumeRolePolicy with sts:AssumeRole | [{"Effect": "Allow", "Action": ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"], "Resource": "*"}]
          PRIVILEGE_ESCALATION | iam:PassRole with lambda create and invoke | [{"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"}]
          WRITE | CreatePolicyVersion only on AWS managed policies | [{"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "arn:aws:iam::aws:policy/*"}]
          READ | a condition in the past removes the write | [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}}]
          READ | conditions are ignored | [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]
          """)
  void classifiesADocument(PrivilegeLevel expected, String why, String statement) {
    assertEquals(Optional.of(expected), classify(statement), why);
  }

  @Test
  void aDenyInTheSamePolicyWins() {
    assertFalse(
        classify(
                "[{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"},"
                    + " {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]")
            .isPresent());
  }

  @Test
  void aDocumentThatOnlyDeniesAllowsNothing() {
    assertFalse(
        classify("[{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]")
            .isPresent());
    assertFalse(classify("[]").isPresent());
  }

  @Test
  void notActionStarAllowsNothing() {
    assertFalse(
        classify("[{\"Effect\": \"Allow\", \"NotAction\": \"*\", \"Resource\": \"*\"}]")
            .isPresent());
  }

  @ParameterizedTest
  @CsvSource({
    "AdministratorAccess, ADMIN",
    "IAMFullAccess, PRIVILEGE_ESCALATION",
    "PowerUserAccess, WRITE",
    "AmazonS3FullAccess, WRITE",
    "AWSOrganizationsFullAccess, WRITE",
    "ReadOnlyAccess, READ",
    "ViewOnlyAccess, READ",
    "SecurityAudit, READ",
    "AmazonEC2ReadOnlyAccess, READ",
    "AWSCloudTrail_ReadOnlyAccess, READ"
  })
  void classifiesAwsManagedPoliciesByName(String name, PrivilegeLevel expected) {
    assertEquals(Optional.of(expected), PolicyClassifier.byName(name));
  }

  @Test
  void anUnknownNameTellsNothing() {
    assertFalse(PolicyClassifier.byName("AWSSupportAccess").isPresent());
    assertFalse(PolicyClassifier.byName("LegacyVendorAccess").isPresent());
  }

  @Test
  void wildcardsCoverActions() {
    assertTrue(Globs.covers("iam:*", "iam:PassRole", true));
    assertTrue(Globs.covers("IAM:pass*", "iam:PassRole", true));
    assertTrue(Globs.covers("iam:Attach?serPolicy", "iam:AttachUserPolicy", true));
    assertFalse(Globs.covers("iam:Get*", "iam:PassRole", true));
    assertFalse(Globs.covers("iam:Pass.ole", "iam:PassRole", true));
    // Resources are case-sensitive; a pattern candidate overlaps a pattern that reaches part of it.
    assertFalse(Globs.covers("arn:aws:s3:::Bucket", "arn:aws:s3:::bucket", false));
    assertTrue(
        Globs.overlaps("arn:aws:lambda:*:1:function:a*", "arn:aws:lambda:*:1:function:*", false));
    assertFalse(
        Globs.covers("arn:aws:lambda:*:1:function:a*", "arn:aws:lambda:*:1:function:*", false));
    assertFalse(Globs.overlaps("arn:aws:iam::aws:policy/*", "arn:aws:iam::1:policy/*", false));
  }

  @Test
  void aStatementWithoutEffectFailsNamingTheStatement() {
    assertMentions(
        failure(() -> classify("[{\"Action\": \"*\", \"Resource\": \"*\"}]")),
        FILE.toString(),
        RECORD + " Statement[0]",
        "'Effect'");
  }

  @Test
  void anUnknownEffectFails() {
    String message = failure(() -> classify("[{\"Effect\": \"Permit\", \"Action\": \"*\"}]"));
    assertMentions(message, "Statement[0]", "'Effect'", "Allow");
    assertQuotesNone(message, "Permit");
  }

  @Test
  void anActionThatIsNotAStringFails() {
    assertMentions(
        failure(
            () ->
                classify(
                    "[{\"Effect\": \"Allow\", \"Action\": [\"s3:Get*\", 3], \"Resource\": \"*\"}]")),
        "Statement[0]",
        "'Action'");
    assertMentions(
        failure(
            () ->
                classify(
                    "[{\"Effect\": \"Allow\", \"Action\": {\"s3\": 1}, \"Resource\": \"*\"}]")),
        "'Action'");
  }

  @Test
  void anAllowWithoutActionFails() {
    assertMentions(
        failure(() -> classify("[{\"Effect\": \"Allow\", \"Resource\": \"*\"}]")),
        "Statement[0]",
        "neither Action nor NotAction");
  }

  @Test
  void aDocumentWithoutStatementFails() throws Exception {
    JsonNode document = JSON.readTree("{\"Version\": \"2012-10-17\"}");
    assertMentions(failure(() -> level(document)), RECORD, "'Statement'");
  }
}
