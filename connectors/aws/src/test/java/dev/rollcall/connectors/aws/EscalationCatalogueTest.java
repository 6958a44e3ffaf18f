package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of the catalogue, flagged when its actions are allowed together across two policies,
 * and missed, as AWS's evaluation logic says, when a group's policy denies one, when the resource
 * is out of reach, when a condition can never hold, or when the boundary does not allow it;
 * MFA-only and undecided conditions are kept and said so.
 */
class EscalationCatalogueTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FILE = Path.of("get-account-authorization-details.json");
  private static final String ACCOUNT = "111122223333";
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final String ADMIN_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/compute-admin";
  private static final List<String> SERVICES =
      List.of(
          "lambda.amazonaws.com",
          "ec2.amazonaws.com",
          "cloudformation.amazonaws.com",
          "glue.amazonaws.com",
          "sagemaker.amazonaws.com");

  /** The account, with an administrator role every takeover's service may assume. */
  private static final PrivilegeAnalysis.Targets TARGETS =
      targets(
          List.of(
              new PrivilegeAnalysis.ServiceRole(
                  ADMIN_ROLE,
                  new TrustPolicy(SERVICES, List.of()),
                  dev.rollcall.model.PrivilegeLevel.ADMIN)));

  private static PrivilegeAnalysis.Targets targets(List<PrivilegeAnalysis.ServiceRole> roles) {
    return new PrivilegeAnalysis.Targets(
        Map.of(
            "alice", "arn:aws:iam::" + ACCOUNT + ":user/alice",
            "bob", "arn:aws:iam::" + ACCOUNT + ":user/bob"),
        List.of("arn:aws:iam::" + ACCOUNT + ":group/Admins"),
        List.of("arn:aws:iam::" + ACCOUNT + ":role/deploy", ADMIN_ROLE),
        List.of("arn:aws:iam::" + ACCOUNT + ":policy/Deploy"),
        roles);
  }

  static Stream<EscalationCatalogue.Method> methods() {
    return EscalationCatalogue.methods().stream();
  }

  private static IamPolicy policy(String name, String via, String statements) {
    try {
      return IamPolicy.parse(
          JSON.readTree("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}"),
          name,
          via,
          FILE,
          name);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(statements, e);
    }
  }

  private static String allow(String actions, String resource, String condition) {
    return "{\"Effect\": \"Allow\", \"Action\": ["
        + actions
        + "], \"Resource\": \""
        + resource
        + "\""
        + (condition.isEmpty() ? "" : ", \"Condition\": " + condition)
        + "}";
  }

  private static String quoted(List<String> actions) {
    return actions.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
  }

  /** Alice's privileges when the method's first action is in one policy, the rest in another. */
  private static Optional<PrivilegeAnalysis.Privilege> found(
      EscalationCatalogue.Method method,
      String resource,
      String condition,
      List<IamPolicy> more,
      Optional<IamPolicy> boundary) {
    return found(method, resource, condition, more, boundary, TARGETS);
  }

  private static Optional<PrivilegeAnalysis.Privilege> found(
      EscalationCatalogue.Method method,
      String resource,
      String condition,
      List<IamPolicy> more,
      Optional<IamPolicy> boundary,
      PrivilegeAnalysis.Targets targets) {
    List<String> actions = method.needs().stream().map(EscalationCatalogue.Need::action).toList();
    List<IamPolicy> policies = new ArrayList<>();
    policies.add(
        policy("first", "inline", allow(quoted(actions.subList(0, 1)), resource, condition)));
    if (actions.size() > 1) {
      policies.add(
          policy(
              "rest", "attached", allow(quoted(actions.subList(1, actions.size())), resource, "")));
    }
    policies.addAll(more);
    IamPrincipal alice = new IamPrincipal("alice", ACCOUNT, Map.of(), policies, boundary, NOW);
    return PrivilegeAnalysis.of(alice, targets).stream()
        .filter(p -> p.method().map(m -> m.id().equals(method.id())).orElse(false))
        .findFirst();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void flaggedWhenItsActionsAreAllowedTogether(EscalationCatalogue.Method method) {
    var privilege = found(method, "*", "", List.of(), Optional.empty()).orElseThrow();
    assertEquals(PolicyEvaluator.Qualifier.UNCONDITIONAL, privilege.qualifier());
    assertTrue(
        privilege.statements().stream().anyMatch(s -> s.policy().equals("first")),
        privilege.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void missedWhenAGroupPolicyDeniesOneAction(EscalationCatalogue.Method method) {
    String action = method.needs().get(method.needs().size() - 1).action();
    IamPolicy deny =
        policy(
            "guard",
            "group:Developers",
            "{\"Effect\": \"Deny\", \"Action\": \"" + action + "\", \"Resource\": \"*\"}");
    assertFalse(found(method, "*", "", List.of(deny), Optional.empty()).isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void missedOnAResourceItCannotReach(EscalationCatalogue.Method method) {
    assertFalse(
        found(method, "arn:aws:s3:::unrelated-bucket/*", "", List.of(), Optional.empty())
            .isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void missedUnderAConditionThatCanNeverHoldAgain(EscalationCatalogue.Method method) {
    String past = "{\"DateLessThan\": {\"aws:CurrentTime\": \"2020-01-01T00:00:00Z\"}}";
    String token = "{\"DateLessThan\": {\"aws:TokenIssueTime\": \"2020-01-01T00:00:00Z\"}}";
    assertFalse(found(method, "*", past, List.of(), Optional.empty()).isPresent());
    assertFalse(found(method, "*", token, List.of(), Optional.empty()).isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void missedOutsideThePermissionsBoundary(EscalationCatalogue.Method method) {
    IamPolicy boundary =
        policy("boundary", "permissions boundary", allow("\"s3:*\", \"logs:*\"", "*", ""));
    assertFalse(found(method, "*", "", List.of(), Optional.of(boundary)).isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void keptOnlyWithMfaOrConditionally(EscalationCatalogue.Method method) {
    String mfa = "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}";
    String age = "{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"3600\"}}";
    String ip = "{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}";
    assertEquals(
        PolicyEvaluator.Qualifier.MFA_ONLY,
        found(method, "*", mfa, List.of(), Optional.empty()).orElseThrow().qualifier());
    assertEquals(
        PolicyEvaluator.Qualifier.MFA_ONLY,
        found(method, "*", age, List.of(), Optional.empty()).orElseThrow().qualifier());
    assertEquals(
        PolicyEvaluator.Qualifier.CONDITIONAL,
        found(method, "*", ip, List.of(), Optional.empty()).orElseThrow().qualifier());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void aDenyUnlessMfaByNullLeavesItOnlyWithMfa(EscalationCatalogue.Method method) {
    // The documented "require MFA" guard: deny everything when aws:MultiFactorAuthAge is absent.
    IamPolicy guard =
        policy(
            "require-mfa",
            "attached",
            "{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\":"
                + " {\"Null\": {\"aws:MultiFactorAuthAge\": \"true\"}}}");
    assertEquals(
        PolicyEvaluator.Qualifier.MFA_ONLY,
        found(method, "*", "", List.of(guard), Optional.empty()).orElseThrow().qualifier());
    String untagged = "{\"Null\": {\"aws:PrincipalTag/team\": \"false\"}}";
    assertFalse(
        found(method, "*", untagged, List.of(), Optional.empty()).isPresent(),
        "the principal has no team tag, so the Allow never holds");
  }

  static Stream<EscalationCatalogue.Method> tiedMethods() {
    return methods().filter(m -> m.needs().stream().anyMatch(n -> n.sameResourceAs().isPresent()));
  }

  /** One resource of a need's kind, and another one: two roles, or two name patterns. */
  private static String one(EscalationCatalogue.Need need, String name) {
    if (need.resource().equals("@roles")) {
      return name.equals("a") ? "arn:aws:iam::" + ACCOUNT + ":role/deploy" : ADMIN_ROLE;
    }
    // A region of its own: a '*' ending an ARN segment may match across colons, as AWS documents.
    String pattern = need.resource().replace("{account}", ACCOUNT).replace(":*:", ":eu-west-1:");
    return pattern.substring(0, pattern.length() - 1) + name + "-*";
  }

  /**
   * Needs tied by sameResourceAs must meet on one resource: changing one role's policy and assuming
   * another, or creating one function and invoking another, is no escalation.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tiedMethods")
  void tiedNeedsMustReachTheSameResource(EscalationCatalogue.Method method) {
    for (boolean same : List.of(true, false)) {
      List<String> statements = new ArrayList<>();
      for (EscalationCatalogue.Need need : method.needs()) {
        boolean tied =
            method.needs().stream()
                .anyMatch(n -> n.sameResourceAs().filter(need.action()::equals).isPresent());
        String resource =
            need.sameResourceAs().isPresent()
                ? one(need, same ? "a" : "b")
                : tied ? one(need, "a") : "*";
        statements.add(allow("\"" + need.action() + "\"", resource, ""));
      }
      IamPrincipal alice =
          new IamPrincipal(
              "alice",
              ACCOUNT,
              Map.of(),
              List.of(policy("split", "inline", String.join(", ", statements))),
              Optional.empty(),
              NOW);
      boolean found =
          PrivilegeAnalysis.of(alice, TARGETS).stream()
              .anyMatch(p -> p.method().map(m -> m.id().equals(method.id())).orElse(false));
      assertEquals(same, found, method.id() + (same ? " on one resource" : " on two"));
    }
  }

  static Stream<EscalationCatalogue.Method> takeovers() {
    return methods().filter(m -> m.runsAs().isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("takeovers")
  void aTakeoverNamesTheRoleItsComputeRunsAs(EscalationCatalogue.Method method) {
    var privilege = found(method, "*", "", List.of(), Optional.empty()).orElseThrow();
    assertEquals(
        List.of(
            "runs as role " + ADMIN_ROLE + " (trusted by " + method.runsAs().get() + ", admin)"),
        privilege.notes());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("takeovers")
  void aTakeoverIsMissedWithNoRoleItsServiceMayAssume(EscalationCatalogue.Method method) {
    assertFalse(
        found(method, "*", "", List.of(), Optional.empty(), targets(List.of())).isPresent());
    List<String> others = SERVICES.stream().filter(s -> !s.equals(method.runsAs().get())).toList();
    var elsewhere =
        new PrivilegeAnalysis.ServiceRole(
            ADMIN_ROLE,
            new TrustPolicy(others, List.of()),
            dev.rollcall.model.PrivilegeLevel.ADMIN);
    assertFalse(
        found(method, "*", "", List.of(), Optional.empty(), targets(List.of(elsewhere)))
            .isPresent());
    var denied =
        new PrivilegeAnalysis.ServiceRole(
            ADMIN_ROLE,
            new TrustPolicy(SERVICES, List.of(method.runsAs().get())),
            dev.rollcall.model.PrivilegeLevel.ADMIN);
    assertFalse(
        found(method, "*", "", List.of(), Optional.empty(), targets(List.of(denied))).isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("takeovers")
  void aTakeoverIsMissedWhenTheRoleHoldsNoMoreThanThePrincipal(EscalationCatalogue.Method method) {
    // The takeover action alone is write; a write role adds nothing.
    var writer =
        new PrivilegeAnalysis.ServiceRole(
            ADMIN_ROLE,
            new TrustPolicy(SERVICES, List.of()),
            dev.rollcall.model.PrivilegeLevel.WRITE);
    assertFalse(
        found(method, "*", "", List.of(), Optional.empty(), targets(List.of(writer))).isPresent());
    // A principal that can already escalate directly gains nothing from an escalating role.
    var escalator =
        new PrivilegeAnalysis.ServiceRole(
            ADMIN_ROLE,
            new TrustPolicy(SERVICES, List.of()),
            dev.rollcall.model.PrivilegeLevel.PRIVILEGE_ESCALATION);
    IamPolicy attach = policy("attach", "inline", allow("\"iam:AttachUserPolicy\"", "*", ""));
    assertFalse(
        found(method, "*", "", List.of(attach), Optional.empty(), targets(List.of(escalator)))
            .isPresent());
    assertTrue(
        found(method, "*", "", List.of(), Optional.empty(), targets(List.of(escalator)))
            .isPresent());
  }

  @Test
  void powerUserAccessEscalatesOnlyThroughARoleWorthTakingOver() {
    IamPolicy powerUser =
        policy(
            "PowerUserAccess",
            "attached",
            "{\"Effect\": \"Allow\", \"NotAction\": [\"iam:*\", \"organizations:*\","
                + " \"account:*\"], \"Resource\": \"*\"}");
    IamPrincipal alice =
        new IamPrincipal("alice", ACCOUNT, Map.of(), List.of(powerUser), Optional.empty(), NOW);
    assertEquals(
        dev.rollcall.model.PrivilegeLevel.WRITE,
        PrivilegeAnalysis.of(alice, targets(List.of())).get(0).level());
    var top = PrivilegeAnalysis.of(alice, TARGETS).get(0);
    assertEquals(dev.rollcall.model.PrivilegeLevel.PRIVILEGE_ESCALATION, top.level());
    assertTrue(top.method().orElseThrow().runsAs().isPresent(), top.toString());
  }

  @Test
  void aTrustPolicyAdmitsTheServicesItAllowsAndNotThoseItDenies() throws Exception {
    TrustPolicy trust =
        TrustPolicy.parse(
            JSON.readTree(
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                    + " \"Principal\": {\"Service\": [\"Lambda.amazonaws.com\","
                    + " \"glue.amazonaws.com\"]}, \"Action\": \"sts:AssumeRole\"},"
                    + " {\"Effect\": \"Allow\", \"Principal\": {\"Service\":"
                    + " \"ec2.amazonaws.com\"}, \"Action\": \"sts:TagSession\"},"
                    + " {\"Effect\": \"Deny\", \"Principal\": {\"Service\":"
                    + " \"glue.amazonaws.com\"}, \"Action\": \"sts:*\"}]}"),
            FILE,
            "RoleDetailList[0]",
            "svc");
    assertTrue(trust.admits("lambda.amazonaws.com"));
    assertFalse(trust.admits("glue.amazonaws.com"), "denied");
    assertFalse(trust.admits("ec2.amazonaws.com"), "not sts:AssumeRole");
    TrustPolicy encoded =
        TrustPolicy.parse(
            JSON.getNodeFactory()
                .textNode(
                    "%7B%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22"
                        + "Service%22%3A%22sagemaker.amazonaws.com%22%7D%2C%22Action%22%3A%22"
                        + "sts%3AAssumeRole%22%7D%7D"),
            FILE,
            "RoleDetailList[1]",
            "svc");
    assertTrue(encoded.admits("sagemaker.amazonaws.com"));
    assertFalse(encoded.admits("lambda.amazonaws.com"));
  }

  @Test
  void theCatalogueCoversTheKnownMethods() {
    List<String> ids = methods().map(EscalationCatalogue.Method::id).toList();
    assertEquals(ids.size(), ids.stream().distinct().count(), "ids are unique");
    for (String id :
        List.of(
            "create-policy-version",
            "set-default-policy-version",
            "attach-user-policy",
            "attach-group-policy",
            "attach-role-policy",
            "put-user-policy",
            "put-group-policy",
            "put-role-policy",
            "create-access-key",
            "create-login-profile",
            "update-login-profile",
            "add-user-to-group",
            "update-assume-role-policy",
            "passrole-ec2",
            "passrole-lambda-invoke",
            "passrole-lambda-event-source",
            "passrole-glue-dev-endpoint",
            "passrole-cloudformation",
            "passrole-datapipeline",
            "passrole-codebuild",
            "passrole-sagemaker-notebook",
            "passrole-sagemaker-training",
            "passrole-sagemaker-processing",
            "passrole-ecs",
            "lambda-update-code",
            "ssm-send-command",
            "ssm-start-session",
            "ec2-instance-connect",
            "cloudformation-update-stack",
            "glue-update-dev-endpoint",
            "sagemaker-presigned-notebook-url")) {
      assertTrue(ids.contains(id), id);
    }
  }

  @Test
  void policiesInTheAwsManagedNamespaceCannotBeRewritten() {
    EscalationCatalogue.Method version =
        methods().filter(m -> m.id().equals("create-policy-version")).findFirst().orElseThrow();
    assertFalse(
        found(version, "arn:aws:iam::aws:policy/*", "", List.of(), Optional.empty()).isPresent());
    assertTrue(
        found(version, "arn:aws:iam::" + ACCOUNT + ":policy/*", "", List.of(), Optional.empty())
            .isPresent());
  }

  @Test
  void accessKeysOfItsOwnUserAreNotEscalation() {
    EscalationCatalogue.Method keys =
        methods().filter(m -> m.id().equals("create-access-key")).findFirst().orElseThrow();
    String own = "arn:aws:iam::" + ACCOUNT + ":user/${aws:username}";
    assertFalse(found(keys, own, "", List.of(), Optional.empty()).isPresent());
  }

  @Test
  void principalTagConditionsAreDecidedByItsOwnTags() {
    IamPolicy tagged =
        policy(
            "tagged",
            "inline",
            allow(
                "\"iam:AttachUserPolicy\"",
                "*",
                "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"platform\"}}"));
    IamPrincipal platform =
        new IamPrincipal(
            "alice", ACCOUNT, Map.of("team", "platform"), List.of(tagged), Optional.empty(), NOW);
    IamPrincipal data =
        new IamPrincipal(
            "alice", ACCOUNT, Map.of("team", "data"), List.of(tagged), Optional.empty(), NOW);
    assertTrue(PolicyEvaluator.access(platform, "iam:AttachUserPolicy", "*", false).isPresent());
    assertFalse(PolicyEvaluator.access(data, "iam:AttachUserPolicy", "*", false).isPresent());
  }

  @Test
  void notActionAndNotResourceAndADenyElsewhereDecideAdmin() {
    IamPolicy all = policy("all", "attached", allow("\"*\"", "*", ""));
    IamPolicy notIam =
        policy(
            "guard",
            "group:Ops",
            "{\"Effect\": \"Deny\", \"NotAction\": [\"s3:*\"], \"NotResource\":"
                + " \"arn:aws:s3:::logs/*\"}");
    IamPrincipal admin =
        new IamPrincipal("alice", ACCOUNT, Map.of(), List.of(all), Optional.empty(), NOW);
    IamPrincipal guarded =
        new IamPrincipal("alice", ACCOUNT, Map.of(), List.of(all, notIam), Optional.empty(), NOW);
    assertEquals(
        dev.rollcall.model.PrivilegeLevel.ADMIN,
        PrivilegeAnalysis.of(admin, TARGETS).get(0).level());
    // Everything but s3 is denied everywhere but one bucket: only s3 remains, which is write.
    assertEquals(
        dev.rollcall.model.PrivilegeLevel.WRITE,
        PrivilegeAnalysis.of(guarded, TARGETS).get(0).level());
  }
}
