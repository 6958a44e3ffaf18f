package dev.rollcall.connectors.aws.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.aws.AwsSnapshotReader;
import dev.rollcall.connectors.aws.IdentityCenterSnapshotReader;
import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.Activity;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.RoleAssumer;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AlreadyInOrganizationException;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The AWS pull over real HTTP, through the real SDK clients, against an AWS emulator: the test
 * seeds users, groups, policies, keys, login profiles and MFA devices through IAM's own API, pulls
 * the account into a snapshot, and reads the snapshot back with the snapshot reader. Subclasses say
 * which emulator. The emulator lives for the whole suite; each test uses names of its own.
 */
abstract class AwsPullerContract {
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  @TempDir Path snapshot;
  private String suffix;

  /** The emulator's endpoint for every service. */
  abstract URI endpoint();

  @BeforeEach
  void names() {
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  IamClient iam() {
    return IamClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(endpoint())
        .credentialsProvider(CREDENTIALS)
        .build();
  }

  AwsPuller puller() {
    return new AwsPuller(AwsPullSettings.ownAccount().withEndpoint(endpoint()), CREDENTIALS);
  }

  @Test
  void pullsAnAccountIntoASnapshotTheReaderMapsBack() {
    String alice = "alice-" + suffix;
    String bob = "bob-" + suffix;
    String carol = "carol-" + suffix;
    String admins = "admins-" + suffix;
    try (IamClient iam = iam()) {
      iam.createUser(
          r ->
              r.userName(alice)
                  .tags(Tag.builder().key("email").value(alice + "@example.test").build()));
      iam.createLoginProfile(r -> r.userName(alice).password("Correct-Horse-9!"));
      VirtualMFADevice device =
          iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(alice)).virtualMFADevice();
      iam.enableMFADevice(
          r ->
              r.userName(alice)
                  .serialNumber(device.serialNumber())
                  .authenticationCode1("123456")
                  .authenticationCode2("654321"));

      iam.createGroup(r -> r.groupName(admins));
      String everything =
          iam.createPolicy(
                  r ->
                      r.policyName("everything-" + suffix)
                          .policyDocument(
                              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                                  + "\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))
              .policy()
              .arn();
      iam.attachGroupPolicy(r -> r.groupName(admins).policyArn(everything));
      iam.createUser(r -> r.userName(bob));
      iam.addUserToGroup(r -> r.groupName(admins).userName(bob));
      iam.createAccessKey(r -> r.userName(bob));

      iam.createUser(r -> r.userName(carol));
      iam.putUserPolicy(
          r ->
              r.userName(carol)
                  .policyName("key-minting")
                  .policyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                          + "\"Action\":[\"iam:CreateAccessKey\",\"s3:GetObject\"],"
                          + "\"Resource\":\"*\"}]}"));
      iam.createLoginProfile(r -> r.userName(carol).password("Correct-Horse-9!"));
    }

    List<TenantPull> pulls = puller().pull(snapshot.resolve("aws"));

    assertEquals(1, pulls.size(), pulls.toString());
    TenantPull pull = pulls.get(0);
    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    assertTrue(pull.apiRequests() >= 6, "requests: " + pull.apiRequests());
    Path dir = snapshot.resolve("aws").resolve(pull.tenant());
    assertTrue(Files.isRegularFile(dir.resolve(TenantFolder.MANIFEST)));
    assertTrue(Files.isRegularFile(dir.resolve("credential-report.csv")));
    // Alice's virtual device is in list-virtual-mfa-devices: nothing is left to list for her.
    assertFalse(Files.exists(dir.resolve("list-mfa-devices").resolve(alice + ".json")));
    assertFalse(Files.exists(dir.resolve("list-mfa-devices").resolve(bob + ".json")));

    SourceResult result =
        new AwsSnapshotReader().read(dir, TenantFolder.of(dir).observedAt(Instant.now()));
    assertEquals(PullStatus.COMPLETE, result.pull().status(), result.pull().errors().toString());

    Account a = account(result, alice);
    assertEquals(Mfa.State.ENABLED, a.mfa().state());
    assertEquals(
        List.of(MfaFactorType.VIRTUAL_TOTP),
        a.mfa().factors().stream().map(MfaFactor::type).toList());
    assertEquals(alice + "@example.test", a.tags().get("email"), a.tags().toString());
    assertTrue(has(a, CredentialType.CONSOLE_PASSWORD), a.credentials().toString());

    Account b = account(result, bob);
    assertEquals(PrivilegeLevel.ADMIN, top(b));
    assertTrue(has(b, CredentialType.ACCESS_KEY), b.credentials().toString());
    assertFalse(has(b, CredentialType.CONSOLE_PASSWORD), b.credentials().toString());
    assertEquals(Mfa.State.NOT_ENABLED, b.mfa().state());

    assertEquals(PrivilegeLevel.PRIVILEGE_ESCALATION, top(account(result, carol)));
  }

  @Test
  void snapshotFilesAreReadableByTheirOwnerOnly() throws IOException {
    try (IamClient iam = iam()) {
      iam.createUser(r -> r.userName("dave-" + suffix));
    }
    TenantPull pull = puller().pull(snapshot.resolve("aws")).get(0);
    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    try (Stream<Path> files = Files.walk(snapshot.resolve("aws"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertEquals(
            "rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
            file.toString());
      }
    }
  }

  @Test
  void aSecondPullReplacesTheFirst() throws IOException {
    Path aws = snapshot.resolve("aws");
    TenantPull first = puller().pull(aws).get(0);
    Path stale = aws.resolve(first.tenant()).resolve("list-mfa-devices").resolve("gone.json");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "{}");
    TenantPull second = puller().pull(aws).get(0);
    assertEquals(PullStatus.COMPLETE, second.status(), second.problems().toString());
    assertFalse(Files.exists(stale), "a file of the earlier pull survived");
  }

  @Test
  void organizationModeAuditsEveryActiveMemberThroughTheRole() {
    String member;
    String closed;
    try (OrganizationsClient organizations = organizations()) {
      member = newAccount(organizations, "member-" + suffix);
      closed = newAccount(organizations, "closed-" + suffix);
      organizations.closeAccount(r -> r.accountId(closed));
    }
    String memberUser = "member-user-" + suffix;
    try (IamClient iam = iamIn(member)) {
      iam.createUser(r -> r.userName(memberUser));
    }
    AwsPullSettings settings =
        new AwsPullSettings(
                "us-east-1",
                null,
                true,
                "rollcall-audit",
                "ext-" + suffix,
                List.of(),
                false,
                2,
                AwsPullSettings.Retry.DEFAULT,
                null)
            .withEndpoint(endpoint());

    List<TenantPull> pulls = new AwsPuller(settings, CREDENTIALS).pull(snapshot.resolve("aws"));

    List<String> tenants = pulls.stream().map(TenantPull::tenant).toList();
    assertTrue(tenants.contains(member), tenants.toString());
    assertFalse(tenants.contains(closed), "a closed account was pulled: " + tenants);
    for (TenantPull pull : pulls) {
      assertEquals(PullStatus.COMPLETE, pull.status(), pull.tenant() + ": " + pull.problems());
    }
    Path memberDir = snapshot.resolve("aws").resolve(member);
    SourceResult result = new AwsSnapshotReader().read(memberDir, Instant.now());
    List<String> names = result.accounts().stream().map(Account::name).toList();
    assertTrue(names.contains(memberUser), names.toString());
    assertFalse(names.stream().anyMatch(n -> n.startsWith("alice-")), names.toString());
  }

  @Test
  void identityCenterUsersCarryTheirAssignmentsAndUnknownActivityAndMfa() {
    String admin = "ic-admin-" + suffix;
    String reader = "ic-reader-" + suffix;
    String adminId;
    String readerId;
    try (SsoAdminClient sso =
            SsoAdminClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint())
                .credentialsProvider(CREDENTIALS)
                .build();
        IdentitystoreClient store =
            IdentitystoreClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint())
                .credentialsProvider(CREDENTIALS)
                .build()) {
      InstanceMetadata instance = sso.listInstances(r -> r.maxResults(10)).instances().get(0);
      String storeId = instance.identityStoreId();
      String instanceArn = instance.instanceArn();
      adminId = icUser(store, storeId, admin);
      readerId = icUser(store, storeId, reader);
      String group =
          store
              .createGroup(r -> r.identityStoreId(storeId).displayName("platform-" + suffix))
              .groupId();
      store.createGroupMembership(
          r -> r.identityStoreId(storeId).groupId(group).memberId(m -> m.userId(adminId)));
      String adminSet =
          sso.createPermissionSet(r -> r.instanceArn(instanceArn).name("Admin-" + suffix))
              .permissionSet()
              .permissionSetArn();
      sso.attachManagedPolicyToPermissionSet(
          r ->
              r.instanceArn(instanceArn)
                  .permissionSetArn(adminSet)
                  .managedPolicyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
      String readSet =
          sso.createPermissionSet(r -> r.instanceArn(instanceArn).name("Read-" + suffix))
              .permissionSet()
              .permissionSetArn();
      sso.putInlinePolicyToPermissionSet(
          r ->
              r.instanceArn(instanceArn)
                  .permissionSetArn(readSet)
                  .inlinePolicy(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                          + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],"
                          + "\"Resource\":\"*\"}]}"));
      assign(sso, instanceArn, adminSet, "111122223333", PrincipalType.GROUP, group);
      assign(sso, instanceArn, readSet, "444455556666", PrincipalType.USER, readerId);
    }
    AwsPullSettings settings =
        new AwsPullSettings("us-east-1", null, false, null, null, List.of(), true, 1, null, null)
            .withEndpoint(endpoint());

    List<TenantPull> pulls =
        new IdentityCenterPuller(settings, CREDENTIALS).pull(snapshot.resolve("ic"));

    assertEquals(1, pulls.size(), pulls.toString());
    TenantPull pull = pulls.get(0);
    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    Path dir = snapshot.resolve("ic").resolve(pull.tenant());
    SourceResult result =
        new IdentityCenterSnapshotReader().read(dir, TenantFolder.of(dir).observedAt(null));
    Account a = account(result, admin);
    assertEquals(SourceSystem.AWS_IDENTITY_CENTER, a.key().system());
    assertEquals(adminId, a.key().nativeId());
    assertEquals(List.of(admin + "@example.test"), a.emails());
    assertEquals(Activity.State.UNKNOWN, a.lastActivity().state());
    assertEquals(Mfa.State.UNKNOWN, a.mfa().state());
    assertEquals(1, a.grants().size(), a.grants().toString());
    Grant adminGrant = a.grants().get(0);
    assertEquals("111122223333", adminGrant.scope());
    assertEquals(PrivilegeLevel.ADMIN, adminGrant.level());
    assertTrue(adminGrant.via().contains("through group platform-" + suffix), adminGrant.via());
    Account r = account(result, reader);
    assertEquals(1, r.grants().size(), r.grants().toString());
    assertEquals("444455556666", r.grants().get(0).scope());
    assertEquals(PrivilegeLevel.READ, r.grants().get(0).level());
  }

  @Test
  void everyRoleIsAnAccountAndAChainOfRolesEndingInAdminMakesItsFirstUserAnAdmin() {
    String starter = "starter-" + suffix;
    String entry = "entry-" + suffix;
    String hop = "hop-" + suffix;
    String top = "top-" + suffix;
    String service = "svc-" + suffix;
    String account;
    try (IamClient iam = iam()) {
      account = iam.createUser(r -> r.userName(starter)).user().arn().split(":")[4];
      String root = "arn:aws:iam::" + account + ":root";
      String roleArn = "arn:aws:iam::" + account + ":role/";
      iam.createRole(r -> r.roleName(entry).assumeRolePolicyDocument(trust("AWS", root)));
      iam.putRolePolicy(
          r -> r.roleName(entry).policyName("next").policyDocument(assume(roleArn + hop)));
      iam.createRole(r -> r.roleName(hop).assumeRolePolicyDocument(trust("AWS", roleArn + entry)));
      iam.putRolePolicy(
          r -> r.roleName(hop).policyName("next").policyDocument(assume(roleArn + top)));
      iam.createRole(r -> r.roleName(top).assumeRolePolicyDocument(trust("AWS", roleArn + hop)));
      iam.putRolePolicy(
          r ->
              r.roleName(top)
                  .policyName("everything")
                  .policyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                          + "\"Action\":\"*\",\"Resource\":\"*\"}]}"));
      iam.createRole(
          r -> r.roleName(service).assumeRolePolicyDocument(trust("Service", "ec2.amazonaws.com")));
      iam.putUserPolicy(
          r -> r.userName(starter).policyName("enter").policyDocument(assume(roleArn + entry)));
    }

    TenantPull pull = puller().pull(snapshot.resolve("aws")).get(0);
    assertEquals(PullStatus.COMPLETE, pull.status(), pull.problems().toString());
    Path dir = snapshot.resolve("aws").resolve(pull.tenant());
    SourceResult result =
        new AwsSnapshotReader().read(dir, TenantFolder.of(dir).observedAt(Instant.now()));
    assertEquals(PullStatus.COMPLETE, result.pull().status(), result.pull().errors().toString());

    Account first = account(result, entry);
    assertEquals(AccountKind.ROLE, first.kind());
    assertEquals(RoleAssumer.Type.ACCOUNT, first.assumers().get(0).type());
    Account user = account(result, starter);
    assertTrue(
        first.assumers().stream().anyMatch(a -> user.id().equals(a.assumerId())),
        first.assumers().toString());
    Grant reached =
        user.grants().stream()
            .filter(g -> g.level() == PrivilegeLevel.ADMIN)
            .findFirst()
            .orElseThrow(() -> new AssertionError(user.grants().toString()));
    assertEquals("assumes role " + entry + " -> " + hop + " -> " + top, reached.via());
    Account svc = account(result, service);
    assertEquals(
        List.of(RoleAssumer.Type.SERVICE), svc.assumers().stream().map(RoleAssumer::type).toList());
    assertTrue(svc.kindEvidence().contains("service role"), svc.kindEvidence());
  }

  private static String trust(String key, String principal) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\""
        + key
        + "\":\""
        + principal
        + "\"},\"Action\":\"sts:AssumeRole\"}]}";
  }

  private static String assume(String roleArn) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"sts:AssumeRole\",\"Resource\":\""
        + roleArn
        + "\"}]}";
  }

  @Test
  void theShippedPoliciesAllowExactlyTheActionsAPullCalls() throws IOException {
    String withMfa = "mfa-user-" + suffix;
    String withToken = "token-user-" + suffix;
    try (IamClient iam = iam()) {
      iam.createUser(r -> r.userName(withMfa));
      VirtualMFADevice device =
          iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(withMfa)).virtualMFADevice();
      iam.enableMFADevice(
          r ->
              r.userName(withMfa)
                  .serialNumber(device.serialNumber())
                  .authenticationCode1("123456")
                  .authenticationCode2("654321"));
      // A hardware token: no bulk call names it, so the pull calls ListMFADevices for this user.
      iam.createUser(r -> r.userName(withToken));
      iam.enableMFADevice(
          r ->
              r.userName(withToken)
                  .serialNumber("GAHT" + suffix)
                  .authenticationCode1("123456")
                  .authenticationCode2("654321"));
    }
    AwsPullSettings settings =
        new AwsPullSettings(
                "us-east-1", null, true, "rollcall-audit", null, List.of(), true, 2, null, null)
            .withEndpoint(endpoint());
    AwsPuller accounts = new AwsPuller(settings, CREDENTIALS);
    IdentityCenterPuller identityCenter = new IdentityCenterPuller(settings, CREDENTIALS);
    accounts.pull(snapshot.resolve("aws"));
    identityCenter.pull(snapshot.resolve("ic"));

    Set<String> called = new TreeSet<>(accounts.actionsCalled());
    called.addAll(identityCenter.actionsCalled());
    called.remove("sts:GetCallerIdentity"); // needs no permission
    Path infra = Path.of("..", "..", "infra", "aws");
    assertEquals(
        called, actions(Files.readString(infra.resolve("rollcall-management-policy.json"))));
    Set<String> iam = new TreeSet<>();
    called.stream().filter(a -> a.startsWith("iam:")).forEach(iam::add);
    assertEquals(iam, actions(Files.readString(infra.resolve("rollcall-audit-policy.json"))));
    Set<String> template = actions(Files.readString(infra.resolve("rollcall-member-role.yaml")));
    // The template's trust policy lets the auditor assume the role; its permissions are IAM's.
    assertTrue(template.remove("sts:AssumeRole"), template.toString());
    assertEquals(iam, template);
  }

  @Test
  void theDoctorFindsEveryPermissionGrantedAndEveryMemberAssumable() {
    String member;
    try (OrganizationsClient organizations = organizations()) {
      member = newAccount(organizations, "doctor-" + suffix);
    }
    AwsPullSettings settings =
        new AwsPullSettings(
                "us-east-1", null, true, "rollcall-audit", null, List.of(), true, 2, null, null)
            .withEndpoint(endpoint());
    List<DoctorCheck> checks = new AwsDoctor(settings, CREDENTIALS).run();
    for (DoctorCheck check : checks) {
      assertTrue(check.ok(), check.toString());
    }
    List<String> what = checks.stream().map(DoctorCheck::what).toList();
    assertTrue(what.contains("iam:GetAccountAuthorizationDetails"), what.toString());
    assertTrue(what.contains("organizations:ListAccounts"), what.toString());
    assertTrue(
        what.contains("sts:AssumeRole arn:aws:iam::" + member + ":role/rollcall-audit"),
        what.toString());
    assertTrue(what.contains("identitystore:ListUsers"), what.toString());
  }

  /** Every {@code service:Action} named in a policy or template. */
  private static Set<String> actions(String text) {
    Set<String> actions = new TreeSet<>();
    Matcher m =
        Pattern.compile("\\b(iam|sts|organizations|sso|identitystore):([A-Z][A-Za-z]+)\\b")
            .matcher(text);
    while (m.find()) {
      actions.add(m.group(1) + ":" + m.group(2));
    }
    actions.remove("sts:ExternalId"); // a condition key, not an action
    return actions;
  }

  private String icUser(IdentitystoreClient store, String storeId, String name) {
    return store
        .createUser(
            r ->
                r.identityStoreId(storeId)
                    .userName(name)
                    .displayName(name)
                    .name(n -> n.givenName(name).familyName("Tester"))
                    .emails(Email.builder().value(name + "@example.test").primary(true).build()))
        .userId();
  }

  private static void assign(
      SsoAdminClient sso,
      String instanceArn,
      String setArn,
      String accountId,
      PrincipalType type,
      String principal) {
    sso.createAccountAssignment(
        r ->
            r.instanceArn(instanceArn)
                .permissionSetArn(setArn)
                .targetType(TargetType.AWS_ACCOUNT)
                .targetId(accountId)
                .principalType(type)
                .principalId(principal));
  }

  /** An organisations client; the caller's organisation exists when it returns. */
  private OrganizationsClient organizations() {
    OrganizationsClient organizations =
        OrganizationsClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(endpoint())
            .credentialsProvider(CREDENTIALS)
            .build();
    try {
      organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    } catch (AlreadyInOrganizationException e) {
      // an earlier test of the suite made it
    }
    return organizations;
  }

  private String newAccount(OrganizationsClient organizations, String name) {
    return organizations
        .createAccount(r -> r.accountName(name).email(name + "@example.test"))
        .createAccountStatus()
        .accountId();
  }

  private IamClient iamIn(String accountId) {
    try (StsClient sts =
        StsClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(endpoint())
            .credentialsProvider(CREDENTIALS)
            .build()) {
      Credentials credentials =
          sts.assumeRole(
                  r ->
                      r.roleArn("arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole")
                          .roleSessionName("seed"))
              .credentials();
      return IamClient.builder()
          .region(Region.US_EAST_1)
          .endpointOverride(endpoint())
          .credentialsProvider(
              StaticCredentialsProvider.create(
                  AwsSessionCredentials.create(
                      credentials.accessKeyId(),
                      credentials.secretAccessKey(),
                      credentials.sessionToken())))
          .build();
    }
  }

  private static Account account(SourceResult result, String name) {
    return result.accounts().stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    name + " not among " + result.accounts().stream().map(Account::name).toList()));
  }

  private static boolean has(Account account, CredentialType type) {
    return account.credentials().stream().anyMatch(c -> c.type() == type && c.active());
  }

  private static PrivilegeLevel top(Account account) {
    return account.grants().stream()
        .map(Grant::level)
        .max(Enum::compareTo)
        .orElseThrow(() -> new AssertionError(account.name() + " has no grant"));
  }
}
