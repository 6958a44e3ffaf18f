package dev.rollcall.connectors.aws.pull;

import static dev.rollcall.connectors.aws.IdentityCenterSnapshotReader.ASSIGNMENTS;
import static dev.rollcall.connectors.aws.IdentityCenterSnapshotReader.CUSTOMER_POLICIES;
import static dev.rollcall.connectors.aws.IdentityCenterSnapshotReader.GROUPS;
import static dev.rollcall.connectors.aws.IdentityCenterSnapshotReader.INLINE_POLICY;
import static dev.rollcall.connectors.aws.IdentityCenterSnapshotReader.INSTANCE;
import static dev.rollcall.connectors.aws.IdentityCenterSnapshotReader.MANAGED_POLICIES;
import static dev.rollcall.connectors.aws.IdentityCenterSnapshotReader.MEMBERSHIPS;
import static dev.rollcall.connectors.aws.IdentityCenterSnapshotReader.PERMISSION_SET;
import static dev.rollcall.connectors.aws.IdentityCenterSnapshotReader.PERMISSION_SETS;
import static dev.rollcall.connectors.aws.IdentityCenterSnapshotReader.USERS;

import dev.rollcall.connectors.aws.IdentityCenterSnapshotReader;
import dev.rollcall.connectors.pull.SnapshotFiles;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.pull.TenantPulls;
import dev.rollcall.model.PullStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.ListGroupsResponse;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.ListInstancesResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsResponse;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;

/**
 * Pulls IAM Identity Center (from the management or delegated administrator account): for each
 * instance, its users, groups and memberships from the identity store, and its permission sets with
 * their policies and every account assignment. One tenant per identity store. Identity Center says
 * nothing of last sign-in or MFA; the reader records both as unknown.
 */
public final class IdentityCenterPuller implements SnapshotPuller {
  private static final Logger LOG = LogManager.getLogger(IdentityCenterPuller.class);
  private static final TenantPulls TENANTS =
      new TenantPulls(
          IdentityCenterSnapshotReader.FOLDER,
          "rollcall aws identity center pull",
          AwsErrors.FAILURES);

  private final AwsPullSettings settings;
  private final AwsCredentialsProvider credentials;
  private final Supplier<Instant> clock;
  private final Set<String> operations = ConcurrentHashMap.newKeySet();

  public IdentityCenterPuller(AwsPullSettings settings, AwsCredentialsProvider credentials) {
    this(settings, credentials, Instant::now);
  }

  IdentityCenterPuller(
      AwsPullSettings settings, AwsCredentialsProvider credentials, Supplier<Instant> clock) {
    this.settings = settings;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** The actions ({@code service:Operation}) this puller has called so far. */
  Set<String> actionsCalled() {
    return Set.copyOf(operations);
  }

  @Override
  public String folder() {
    return IdentityCenterSnapshotReader.FOLDER;
  }

  @Override
  public List<TenantPull> pull(Path systemDir) {
    SnapshotFiles.ownerOnlyFolder(systemDir);
    Instant started = clock.get();
    RequestCounter counter = new RequestCounter(operations);
    try (SdkHttpClient http = ApacheHttpClient.builder().build()) {
      AwsClients clients = new AwsClients(settings, http);
      try (SsoAdminClient sso = clients.ssoAdmin(credentials, counter)) {
        List<InstanceMetadata> instances = new ArrayList<>();
        try {
          for (ListInstancesResponse page : sso.listInstancesPaginator(r -> r.maxResults(100))) {
            instances.addAll(page.instances());
          }
        } catch (SdkException e) {
          String why = "cannot list Identity Center instances: " + AwsErrors.describe(e);
          LOG.error("aws-identity-center: {}", why);
          return List.of(
              new TenantPull(
                  "instances", PullStatus.FAILED, started, counter.requests(), List.of(why)));
        }
        List<TenantPull> results = new ArrayList<>();
        for (InstanceMetadata instance : instances) {
          results.add(pullInstance(clients, instance, systemDir));
        }
        if (instances.isEmpty()) {
          LOG.info("aws-identity-center: no Identity Center instance is visible to the caller");
        }
        return results;
      }
    }
  }

  private TenantPull pullInstance(AwsClients clients, InstanceMetadata instance, Path systemDir) {
    Instant started = clock.get();
    RequestCounter counter = new RequestCounter(operations);
    String storeId = instance.identityStoreId();
    TenantPull pull =
        TENANTS.pull(
            storeId,
            systemDir.resolve(storeId),
            started,
            counter::requests,
            dir -> {
              writeInstance(clients, instance, counter, dir);
              return List.of();
            });
    if (pull.status() == PullStatus.FAILED) {
      LOG.error("aws-identity-center/{}: failed: {}", storeId, pull.problems().get(0));
    } else {
      LOG.info("aws-identity-center/{}: pulled with {} API requests", storeId, pull.apiRequests());
    }
    return pull;
  }

  /** Writes every file of an identity store's folder except the manifest. */
  private void writeInstance(
      AwsClients clients, InstanceMetadata instance, RequestCounter counter, Path dir) {
    String storeId = instance.identityStoreId();
    try (SsoAdminClient countedSso = clients.ssoAdmin(credentials, counter);
        IdentitystoreClient countedStore = clients.identityStore(credentials, counter)) {
      PageWriter.one(dir, INSTANCE, instance);
      String instanceArn = instance.instanceArn();
      for (ListUsersResponse page :
          PageWriter.write(
              dir, USERS, countedStore.listUsersPaginator(r -> r.identityStoreId(storeId)))) {
        for (User user : page.users()) {
          assignments(countedSso, instanceArn, user.userId(), PrincipalType.USER, dir);
        }
      }
      for (ListGroupsResponse page :
          PageWriter.write(
              dir, GROUPS, countedStore.listGroupsPaginator(r -> r.identityStoreId(storeId)))) {
        for (Group group : page.groups()) {
          PageWriter.write(
              dir,
              MEMBERSHIPS + "/" + group.groupId(),
              countedStore.listGroupMembershipsPaginator(
                  r -> r.identityStoreId(storeId).groupId(group.groupId())));
          assignments(countedSso, instanceArn, group.groupId(), PrincipalType.GROUP, dir);
        }
      }
      for (ListPermissionSetsResponse page :
          PageWriter.write(
              dir,
              PERMISSION_SETS,
              countedSso.listPermissionSetsPaginator(r -> r.instanceArn(instanceArn)))) {
        for (String setArn : page.permissionSets()) {
          pullPermissionSet(countedSso, instanceArn, setArn, dir);
        }
      }
    }
  }

  private static void pullPermissionSet(
      SsoAdminClient sso, String instanceArn, String setArn, Path dir) {
    String id = IdentityCenterSnapshotReader.permissionSetId(setArn);
    PageWriter.one(
        dir.resolve(PERMISSION_SET),
        id,
        sso.describePermissionSet(r -> r.instanceArn(instanceArn).permissionSetArn(setArn)));
    PageWriter.write(
        dir,
        MANAGED_POLICIES + "/" + id,
        sso.listManagedPoliciesInPermissionSetPaginator(
            r -> r.instanceArn(instanceArn).permissionSetArn(setArn)));
    PageWriter.write(
        dir,
        CUSTOMER_POLICIES + "/" + id,
        sso.listCustomerManagedPolicyReferencesInPermissionSetPaginator(
            r -> r.instanceArn(instanceArn).permissionSetArn(setArn)));
    PageWriter.one(
        dir.resolve(INLINE_POLICY),
        id,
        sso.getInlinePolicyForPermissionSet(
            r -> r.instanceArn(instanceArn).permissionSetArn(setArn)));
  }

  /** Every account assignment of one user or group, wherever it is provisioned. */
  private static void assignments(
      SsoAdminClient sso, String instanceArn, String principal, PrincipalType type, Path dir) {
    PageWriter.write(
        dir,
        ASSIGNMENTS + "/" + principal,
        sso.listAccountAssignmentsForPrincipalPaginator(
            r -> r.instanceArn(instanceArn).principalId(principal).principalType(type)));
  }
}
