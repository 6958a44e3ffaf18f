package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users, groups and managed policies of get-account-authorization-details, merged across pages,
 * with each policy already classified.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
record Details(Map<String, User> users, Map<String, Group> groups, Map<String, Policy> policies) {

  /** A policy as attached: by name, with its level and where the level came from. */
  record Attached(String name, PrivilegeLevel level, String note) {}

  record User(
      String name,
      String id,
      String path,
      Instant created,
      Map<String, String> tags,
      List<String> managedArns,
      List<Attached> inline,
      List<String> groups) {}

  record Group(String name, List<String> managedArns, List<Attached> inline) {}

  record Policy(String arn, String name, PrivilegeLevel level, String note) {}

  static Details of(AwsAccountSnapshot snapshot) {
    Map<String, User> users = new LinkedHashMap<>();
    Map<String, Group> groups = new HashMap<>();
    Map<String, Policy> policies = new HashMap<>();
    for (AwsAccountSnapshot.Page page : snapshot.authorizationDetails()) {
      Path file = page.file();
      JsonNode body = page.body();
      if (!body.isObject() || !body.has("UserDetailList")) {
        throw new SnapshotException(
            file, null, "not get-account-authorization-details output: no UserDetailList");
      }
      List<JsonNode> policyList = SnapshotJson.array(body, "Policies", file, null);
      for (int i = 0; i < policyList.size(); i++) {
        Policy policy = policy(policyList.get(i), file, "Policies[" + i + "]");
        policies.put(policy.arn(), policy);
      }
      List<JsonNode> groupList = SnapshotJson.array(body, "GroupDetailList", file, null);
      for (int i = 0; i < groupList.size(); i++) {
        JsonNode g = groupList.get(i);
        String record = "GroupDetailList[" + i + "]";
        String name = SnapshotJson.requiredText(g, "GroupName", file, record);
        record += " (GroupName=" + name + ")";
        groups.put(
            name,
            new Group(
                name, managedArns(g, file, record), inline(g, "GroupPolicyList", file, record)));
      }
      List<JsonNode> userList = SnapshotJson.array(body, "UserDetailList", file, null);
      for (int i = 0; i < userList.size(); i++) {
        JsonNode u = userList.get(i);
        String record = "UserDetailList[" + i + "]";
        String name = SnapshotJson.requiredText(u, "UserName", file, record);
        record += " (UserName=" + name + ")";
        List<String> groupNames = new ArrayList<>();
        for (JsonNode group : SnapshotJson.array(u, "GroupList", file, record)) {
          groupNames.add(group.asText());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : SnapshotJson.array(u, "Tags", file, record)) {
          tags.put(
              SnapshotJson.requiredText(tag, "Key", file, record + " Tags"),
              tag.path("Value").asText(""));
        }
        users.put(
            name,
            new User(
                name,
                SnapshotJson.requiredText(u, "UserId", file, record),
                SnapshotJson.optionalText(u, "Path") == null
                    ? "/"
                    : SnapshotJson.optionalText(u, "Path"),
                SnapshotJson.optionalInstant(u, "CreateDate", file, record),
                tags,
                managedArns(u, file, record),
                inline(u, "UserPolicyList", file, record),
                groupNames));
      }
    }
    return new Details(users, groups, policies);
  }

  /** The grants a user holds directly and through its groups. */
  List<Grant> grantsOf(User user, String accountId) {
    List<Grant> grants = new ArrayList<>();
    for (String arn : user.managedArns()) {
      grants.add(managed(arn, accountId, "attached"));
    }
    for (Attached policy : user.inline()) {
      grants.add(new Grant(policy.name(), accountId, policy.level(), "inline"));
    }
    for (String groupName : user.groups()) {
      Group group = groups.get(groupName);
      if (group == null) {
        continue; // the group's details are not in the snapshot: nothing known of its grants
      }
      String via = "group:" + groupName;
      for (String arn : group.managedArns()) {
        grants.add(managed(arn, accountId, via));
      }
      for (Attached policy : group.inline()) {
        grants.add(new Grant(policy.name(), accountId, policy.level(), via + " (inline)"));
      }
    }
    return grants;
  }

  private Grant managed(String arn, String accountId, String via) {
    Policy policy = policies.get(arn);
    if (policy != null) {
      return new Grant(policy.name(), accountId, policy.level(), via + policy.note());
    }
    String name = arn.substring(arn.lastIndexOf('/') + 1);
    PrivilegeLevel byName = PolicyClassifier.byName(name);
    return new Grant(
        name,
        accountId,
        byName == null ? PrivilegeLevel.WRITE : byName,
        via + " (document not in snapshot, classified by name)");
  }

  private static Policy policy(JsonNode p, Path file, String record) {
    String arn = SnapshotJson.requiredText(p, "Arn", file, record);
    String name = SnapshotJson.requiredText(p, "PolicyName", file, record);
    record += " (PolicyName=" + name + ")";
    for (JsonNode version : SnapshotJson.array(p, "PolicyVersionList", file, record)) {
      if (SnapshotJson.bool(version, "IsDefaultVersion", false, file, record)) {
        JsonNode document = AwsIamMapper.document(version.get("Document"), file, record);
        return new Policy(arn, name, PolicyClassifier.classify(document), "");
      }
    }
    PrivilegeLevel byName = PolicyClassifier.byName(name);
    return new Policy(
        arn,
        name,
        byName == null ? PrivilegeLevel.WRITE : byName,
        " (no default version in snapshot, classified by name)");
  }

  private static List<String> managedArns(JsonNode node, Path file, String record) {
    List<String> arns = new ArrayList<>();
    for (JsonNode attached : SnapshotJson.array(node, "AttachedManagedPolicies", file, record)) {
      arns.add(
          SnapshotJson.requiredText(
              attached, "PolicyArn", file, record + " AttachedManagedPolicies"));
    }
    return arns;
  }

  private static List<Attached> inline(JsonNode node, String field, Path file, String record) {
    List<Attached> list = new ArrayList<>();
    for (JsonNode policy : SnapshotJson.array(node, field, file, record)) {
      String name = SnapshotJson.requiredText(policy, "PolicyName", file, record + " " + field);
      JsonNode document =
          AwsIamMapper.document(
              policy.get("PolicyDocument"), file, record + " " + field + " " + name);
      list.add(new Attached(name, PolicyClassifier.classify(document), ""));
    }
    return list;
  }
}
