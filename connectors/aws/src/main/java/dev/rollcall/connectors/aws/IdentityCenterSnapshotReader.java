package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.connectors.snapshot.SnapshotReader;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads an IAM Identity Center folder of a snapshot ({@code aws-identity-center/<identity store
 * id>/}, the outputs of the identitystore and sso-admin list calls) and maps each user to an
 * account whose grants say which AWS accounts it reaches, through which permission set and group,
 * at what privilege. Identity Center keeps no last sign-in time and no per-user MFA state: both are
 * unknown, never "dormant" or "no MFA".
 */
public final class IdentityCenterSnapshotReader implements SnapshotReader {
  /** The system folder under the snapshot root. */
  public static final String FOLDER = "aws-identity-center";

  public static final String INSTANCE = "instance";
  public static final String USERS = "list-users";
  public static final String GROUPS = "list-groups";
  public static final String MEMBERSHIPS = "list-group-memberships";
  public static final String PERMISSION_SETS = "list-permission-sets";
  public static final String PERMISSION_SET = "describe-permission-set";
  public static final String MANAGED_POLICIES = "list-managed-policies-in-permission-set";
  public static final String CUSTOMER_POLICIES =
      "list-customer-managed-policy-references-in-permission-set";
  public static final String INLINE_POLICY = "get-inline-policy-for-permission-set";
  public static final String ASSIGNMENTS = "list-account-assignments-for-principal";

  /** An identity store id (a UUID, with an optional prefix): letters, digits and hyphens. */
  private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

  private static final String NO_SIGN_IN =
      "IAM Identity Center keeps no last sign-in time (CloudTrail does)";

  @Override
  public String folder() {
    return FOLDER;
  }

  /** The id of a permission set ({@code ps-…}), the last part of its ARN. */
  public static String permissionSetId(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  @Override
  public SourceResult read(TenantFolder dir, Instant observedAt) {
    String storeId = dir.name();
    List<JsonNode> userPages = pages(dir, USERS);
    if (userPages.isEmpty()) {
      throw new SnapshotException(
          dir.dir(), null, "missing " + USERS + "/ (the pages of aws identitystore list-users)");
    }
    List<String> gaps = new ArrayList<>();
    Map<String, PermissionSet> sets = permissionSets(dir, observedAt, gaps);
    Map<String, List<String>> groupsOfUser = new LinkedHashMap<>();
    Map<String, String> groupNames = new LinkedHashMap<>();
    for (Path page : dir.pages(GROUPS)) {
      List<JsonNode> groups = SnapshotJson.array(dir.json(page), "Groups", page, null);
      for (int i = 0; i < groups.size(); i++) {
        JsonNode group = groups.get(i);
        String id = SnapshotJson.requiredText(group, "GroupId", page, "Groups[" + i + "]");
        if (!STORE_ID.matcher(id).matches()) {
          // It names the group's folder of memberships: it must not name a path.
          throw new SnapshotException(
              page, "Groups[" + i + "]", "field 'GroupId' is not an identity store id");
        }
        String name = SnapshotJson.optionalText(group, "DisplayName");
        groupNames.put(id, name == null ? id : name);
        for (Path members : dir.pages(MEMBERSHIPS + "/" + id)) {
          JsonNode body = dir.json(members);
          for (JsonNode m : SnapshotJson.array(body, "GroupMemberships", members, null)) {
            JsonNode member = m.get("MemberId");
            String userId = member == null ? null : SnapshotJson.optionalText(member, "UserId");
            if (userId != null) {
              groupsOfUser.computeIfAbsent(userId, k -> new ArrayList<>()).add(id);
            }
          }
        }
      }
    }
    Map<String, List<Grant>> grantsOfPrincipal = assignments(dir, sets, groupNames);

    List<Account> accounts = new ArrayList<>();
    for (Path page : dir.pages(USERS)) {
      List<JsonNode> users = SnapshotJson.array(dir.json(page), "Users", page, null);
      for (int i = 0; i < users.size(); i++) {
        accounts.add(
            user(
                users.get(i),
                page,
                "Users[" + i + "]",
                storeId,
                observedAt,
                groupsOfUser,
                grantsOfPrincipal));
      }
    }
    return new SourceResult(
        new SourcePull(
            FOLDER + "/" + storeId,
            SourceSystem.AWS_IDENTITY_CENTER,
            storeId,
            gaps.isEmpty() ? PullStatus.COMPLETE : PullStatus.PARTIAL,
            accounts.size(),
            gaps,
            observedAt),
        accounts,
        List.of(),
        new TenantSettings(SourceSystem.AWS_IDENTITY_CENTER, storeId, null, null));
  }

  private static Account user(
      JsonNode user,
      Path file,
      String record,
      String storeId,
      Instant observedAt,
      Map<String, List<String>> groupsOfUser,
      Map<String, List<Grant>> grantsOfPrincipal) {
    String id = SnapshotJson.requiredText(user, "UserId", file, record);
    String name = SnapshotJson.requiredText(user, "UserName", file, record);
    List<String> emails = new ArrayList<>();
    for (JsonNode email : SnapshotJson.array(user, "Emails", file, record)) {
      String value = SnapshotJson.optionalText(email, "Value");
      if (value != null) {
        emails.add(value);
      }
    }
    List<Grant> grants = new ArrayList<>(grantsOfPrincipal.getOrDefault(id, List.of()));
    for (String group : groupsOfUser.getOrDefault(id, List.of())) {
      grants.addAll(grantsOfPrincipal.getOrDefault(group, List.of()));
    }
    String status = SnapshotJson.optionalText(user, "UserStatus");
    boolean disabled = status != null && status.equalsIgnoreCase("DISABLED");
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IDENTITY_CENTER, storeId, id), name, observedAt)
        .displayName(SnapshotJson.optionalText(user, "DisplayName"))
        .emails(emails)
        .kind(AccountKind.HUMAN, "an Identity Center user signs in to the AWS access portal")
        .status(disabled ? AccountStatus.SUSPENDED : AccountStatus.ACTIVE)
        .lastActivity(Activity.unknown(NO_SIGN_IN))
        .credentials(
            List.of(
                new Credential(
                    CredentialType.FEDERATED_LOGIN,
                    "AWS access portal sign-in",
                    !disabled,
                    null,
                    null,
                    Activity.State.UNKNOWN)))
        .mfa(Mfa.unknown("IAM Identity Center has no per-user MFA field"))
        .grants(grants)
        .build();
  }

  /** Grants by principal id (a user or a group), from every account assignment. */
  private static Map<String, List<Grant>> assignments(
      TenantFolder dir, Map<String, PermissionSet> sets, Map<String, String> groupNames) {
    Map<String, List<Grant>> grants = new LinkedHashMap<>();
    for (Path principalFolder : dir.subfolders(ASSIGNMENTS)) {
      for (Path page : dir.pages(ASSIGNMENTS + "/" + principalFolder.getFileName())) {
        JsonNode body = dir.json(page);
        List<JsonNode> assignments = SnapshotJson.array(body, "AccountAssignments", page, null);
        for (int i = 0; i < assignments.size(); i++) {
          JsonNode a = assignments.get(i);
          String where = "AccountAssignments[" + i + "]";
          String accountId = SnapshotJson.requiredText(a, "AccountId", page, where);
          String setArn = SnapshotJson.requiredText(a, "PermissionSetArn", page, where);
          String type = SnapshotJson.requiredText(a, "PrincipalType", page, where);
          String principal = SnapshotJson.requiredText(a, "PrincipalId", page, where);
          PermissionSet set = sets.get(permissionSetId(setArn));
          if (set == null) {
            throw new SnapshotException(
                page,
                where,
                "field 'PermissionSetArn' names a permission set that "
                    + PERMISSION_SET
                    + "/ does not describe");
          }
          String via =
              "permission set "
                  + set.name()
                  + ("GROUP".equals(type.toUpperCase(Locale.ROOT))
                      ? " through group " + groupNames.getOrDefault(principal, principal)
                      : " assigned directly")
                  + " ("
                  + set.evidence()
                  + ")";
          grants
              .computeIfAbsent(principal, k -> new ArrayList<>())
              .add(new Grant(set.name(), accountId, set.level(), via));
        }
      }
    }
    return grants;
  }

  /** A permission set's name and the privilege its policies give. */
  private record PermissionSet(String name, PrivilegeLevel level, String evidence) {}

  /**
   * The permission sets by id. An inline policy that does not parse is named in {@code gaps} (file,
   * permission set) and left out of that set's level, so that the rest is still audited and the
   * pull is partial.
   */
  private static Map<String, PermissionSet> permissionSets(
      TenantFolder dir, Instant observedAt, List<String> gaps) {
    Map<String, PermissionSet> sets = new LinkedHashMap<>();
    if (!dir.isFolder(dir.resolve(PERMISSION_SET))) {
      return sets;
    }
    for (Path file : dir.pages(PERMISSION_SET)) {
      String id = file.getFileName().toString().replaceFirst("\\.json$", "");
      JsonNode set = dir.json(file).get("PermissionSet");
      if (set == null || !set.isObject()) {
        throw new SnapshotException(file, null, "field 'PermissionSet' is missing");
      }
      String name = SnapshotJson.requiredText(set, "Name", file, "PermissionSet");
      sets.put(id, classify(dir, id, name, observedAt, gaps));
    }
    return sets;
  }

  private static PermissionSet classify(
      TenantFolder dir, String id, String name, Instant observedAt, List<String> gaps) {
    PrivilegeLevel level = PrivilegeLevel.READ;
    Set<String> evidence = new TreeSet<>();
    for (Path page : dir.pages(MANAGED_POLICIES + "/" + id)) {
      JsonNode body = dir.json(page);
      List<JsonNode> policies = SnapshotJson.array(body, "AttachedManagedPolicies", page, null);
      for (int i = 0; i < policies.size(); i++) {
        String policyName =
            SnapshotJson.requiredText(
                policies.get(i), "Name", page, "AttachedManagedPolicies[" + i + "]");
        Optional<PrivilegeLevel> known = PolicyClassifier.byName(policyName);
        PrivilegeLevel l = known.orElse(PrivilegeLevel.WRITE);
        evidence.add(
            "AWS managed "
                + policyName
                + (known.isPresent() ? "" : ", not classified: taken as write"));
        level = max(level, l);
      }
    }
    for (Path page : dir.pages(CUSTOMER_POLICIES + "/" + id)) {
      JsonNode body = dir.json(page);
      List<JsonNode> policies =
          SnapshotJson.array(body, "CustomerManagedPolicyReferences", page, null);
      for (int i = 0; i < policies.size(); i++) {
        String policyName =
            SnapshotJson.requiredText(
                policies.get(i), "Name", page, "CustomerManagedPolicyReferences[" + i + "]");
        evidence.add(
            "customer managed "
                + policyName
                + " (its document lives in each account: taken as write)");
        level = max(level, PrivilegeLevel.WRITE);
      }
    }
    Path inline = dir.resolve(INLINE_POLICY).resolve(id + ".json");
    if (dir.isFile(inline)) {
      JsonNode text = dir.json(inline).get("InlinePolicy");
      if (text != null && text.isTextual() && !text.textValue().isBlank()) {
        IamPolicy policy;
        try {
          policy = IamPolicy.parse(text, "inline policy", "inline", inline, "InlinePolicy");
        } catch (SnapshotException e) {
          gaps.add("permission set " + name + ": inline policy not evaluated: " + e.getMessage());
          evidence.add("inline policy not evaluated: it does not parse (see the pull's gaps)");
          policy = new IamPolicy("inline policy", "inline", List.of());
        }
        // The set's own policies, evaluated together; its account is the one it is assigned to.
        IamPrincipal principal =
            new IamPrincipal(name, "*", Map.of(), List.of(policy), Optional.empty(), observedAt);
        List<PrivilegeAnalysis.Privilege> privileges =
            PrivilegeAnalysis.of(
                principal,
                new PrivilegeAnalysis.Targets(Map.of(), List.of(), List.of(), List.of()));
        if (!privileges.isEmpty()) {
          PrivilegeAnalysis.Privilege top = privileges.get(0);
          evidence.add(
              "inline policy: "
                  + top.level().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + top.method().map(m -> " by " + m.describe()).orElse("")
                  + (top.qualifier() == PolicyEvaluator.Qualifier.UNCONDITIONAL
                      ? ""
                      : ", " + top.qualifier().text)
                  + " ("
                  + top.statements().stream()
                      .map(IamStatement::label)
                      .collect(java.util.stream.Collectors.joining(", "))
                  + ")");
          level = max(level, top.level());
        }
      }
    }
    if (evidence.isEmpty()) {
      evidence.add("no policy");
    }
    return new PermissionSet(name, level, String.join("; ", evidence));
  }

  private static PrivilegeLevel max(PrivilegeLevel a, PrivilegeLevel b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static List<JsonNode> pages(TenantFolder dir, String name) {
    List<JsonNode> pages = new ArrayList<>();
    for (Path page : dir.pages(name)) {
      pages.add(dir.json(page));
    }
    return pages;
  }
}
