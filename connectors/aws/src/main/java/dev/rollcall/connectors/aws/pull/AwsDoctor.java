package dev.rollcall.connectors.aws.pull;

import dev.rollcall.connectors.pull.DoctorCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Checks, without pulling, that the credentials work and that every permission a pull needs is
 * granted: one cheap call per action, and in organisation mode one role assumption per member.
 */
public final class AwsDoctor {
  private final AwsPullSettings settings;
  private final AwsCredentialsProvider credentials;

  public AwsDoctor(AwsPullSettings settings, AwsCredentialsProvider credentials) {
    this.settings = settings;
    this.credentials = credentials;
  }

  /** The checks, in order; a failed sign-in stops the rest. */
  public List<DoctorCheck> run() {
    List<DoctorCheck> checks = new ArrayList<>();
    RequestCounter counter = new RequestCounter(ConcurrentHashMap.newKeySet());
    try (SdkHttpClient http = ApacheHttpClient.builder().build()) {
      AwsClients clients = new AwsClients(settings, http);
      String account;
      try (StsClient sts = clients.sts(credentials, counter)) {
        GetCallerIdentityResponse me = sts.getCallerIdentity();
        account = me.account();
        checks.add(new DoctorCheck("sign-in (sts:GetCallerIdentity)", true, true, me.arn()));
      } catch (SdkException e) {
        checks.add(
            new DoctorCheck(
                "sign-in (sts:GetCallerIdentity)",
                true,
                false,
                AwsErrors.describe(e) + "; check the SDK's credential chain or the profile"));
        return checks;
      }
      try (IamClient iam = clients.iam(credentials, counter)) {
        checks.addAll(iamChecks(iam, "account " + account));
      }
      if (settings.organization()) {
        checks.addAll(organizationChecks(clients, counter, account));
      }
      for (String member : settings.accounts()) {
        checks.add(assume(clients, counter, member));
      }
      if (settings.identityCenter()) {
        checks.addAll(identityCenterChecks(clients, counter));
      }
    }
    return checks;
  }

  private static List<DoctorCheck> iamChecks(IamClient iam, String where) {
    List<DoctorCheck> checks = new ArrayList<>();
    checks.add(check("iam:GetAccountSummary", where, () -> iam.getAccountSummary()));
    checks.add(
        check(
            "iam:GetAccountAuthorizationDetails",
            where,
            () -> iam.getAccountAuthorizationDetails(r -> r.maxItems(1))));
    checks.add(
        check(
            "iam:ListVirtualMFADevices",
            where,
            () -> iam.listVirtualMFADevices(r -> r.maxItems(1))));
    checks.add(check("iam:GenerateCredentialReport", where, () -> iam.generateCredentialReport()));
    checks.add(
        check(
            "iam:GetCredentialReport",
            where,
            () -> {
              try {
                return iam.getCredentialReport();
              } catch (CredentialReportNotPresentException
                  | CredentialReportNotReadyException
                  | CredentialReportExpiredException e) {
                return "allowed (no report ready yet)";
              }
            }));
    checks.add(
        check(
            "iam:GetAccountPasswordPolicy",
            where,
            () -> {
              try {
                return iam.getAccountPasswordPolicy();
              } catch (NoSuchEntityException e) {
                return "allowed (the account has no password policy)";
              }
            }));
    return checks;
  }

  private List<DoctorCheck> organizationChecks(
      AwsClients clients, RequestCounter counter, String caller) {
    List<DoctorCheck> checks = new ArrayList<>();
    List<String> members = new ArrayList<>();
    try (OrganizationsClient organizations = clients.organizations(credentials, counter)) {
      for (ListAccountsResponse page : organizations.listAccountsPaginator(r -> r.maxResults(20))) {
        for (Account a : page.accounts()) {
          if (a.state() == AccountState.ACTIVE && !a.id().equals(caller)) {
            members.add(a.id());
          }
        }
      }
      checks.add(
          new DoctorCheck(
              "organizations:ListAccounts",
              true,
              true,
              members.size() + " active member accounts"));
    } catch (SdkException e) {
      checks.add(new DoctorCheck("organizations:ListAccounts", true, false, AwsErrors.describe(e)));
      return checks;
    }
    for (String member : members) {
      checks.add(assume(clients, counter, member));
    }
    return checks;
  }

  private DoctorCheck assume(AwsClients clients, RequestCounter counter, String member) {
    String arn = clients.memberRoleArn(member);
    try (StsClient sts = clients.sts(credentials, counter);
        StsAssumeRoleCredentialsProvider role =
            clients.memberRole(sts, member, "rollcall-doctor")) {
      role.resolveCredentials();
      try (IamClient iam = clients.iam(role, counter)) {
        List<DoctorCheck> inside = iamChecks(iam, "account " + member);
        List<String> failed =
            inside.stream().filter(c -> !c.ok()).map(c -> c.what() + ": " + c.detail()).toList();
        return new DoctorCheck(
            "sts:AssumeRole " + arn,
            true,
            failed.isEmpty(),
            failed.isEmpty()
                ? "assumed; every IAM read allowed"
                : "assumed, but " + String.join("; ", failed));
      }
    } catch (SdkException e) {
      return new DoctorCheck(
          "sts:AssumeRole " + arn,
          true,
          false,
          AwsErrors.describe(e) + "; deploy infra/aws/rollcall-member-role.yaml to the account");
    }
  }

  private List<DoctorCheck> identityCenterChecks(AwsClients clients, RequestCounter counter) {
    List<DoctorCheck> checks = new ArrayList<>();
    try (SsoAdminClient sso = clients.ssoAdmin(credentials, counter);
        IdentitystoreClient store = clients.identityStore(credentials, counter)) {
      List<InstanceMetadata> instances;
      try {
        instances = sso.listInstances(r -> r.maxResults(10)).instances();
        checks.add(
            new DoctorCheck("sso:ListInstances", true, true, instances.size() + " instance(s)"));
      } catch (SdkException e) {
        checks.add(new DoctorCheck("sso:ListInstances", true, false, AwsErrors.describe(e)));
        return checks;
      }
      for (InstanceMetadata instance : instances) {
        String where = "identity store " + instance.identityStoreId();
        checks.add(
            check(
                "identitystore:ListUsers",
                where,
                () ->
                    store.listUsers(
                        r -> r.identityStoreId(instance.identityStoreId()).maxResults(1))));
        checks.add(
            check(
                "sso:ListPermissionSets",
                where,
                () ->
                    sso.listPermissionSets(
                        r -> r.instanceArn(instance.instanceArn()).maxResults(1))));
      }
    }
    return checks;
  }

  private static DoctorCheck check(String action, String where, Supplier<Object> call) {
    try {
      Object result = call.get();
      return new DoctorCheck(
          action,
          true,
          true,
          result instanceof String text ? where + ": " + text : where + ": allowed");
    } catch (SdkException e) {
      return new DoctorCheck(action, true, false, where + ": " + AwsErrors.describe(e));
    }
  }
}
