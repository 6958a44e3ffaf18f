package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.SnapshotJson;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users, groups, roles and managed policies of {@code aws iam
 * get-account-authorization-details}, merged across pages, with every policy classified, and the
 * grants each user holds (the roles are what a compute takeover can gain). Doc:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
final class AuthorizationDetails {
  /** Noted in a grant's {@code via} when the level comes from the policy's name. */
  static final String BY_NAME = "not in snapshot, classified by name";

  private static final String BY_NAME_UNKNOWN = BY_NAME + ": unrecognised, assumed write";
  private static final List<String> LISTS =
      List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies");

  /**
   * An IAM user as the details list it.
   *
   * @param name UserName
   * @param id UserId, the stable id
   * @param path Path, or null
   * @param created CreateDate, or null
   * @param tags Tags, as given
   * @param attached AttachedManagedPolicies
   * @param inline UserPolicyList, classified
   * @param groups GroupList, the names of the user's groups
   * @param file the page it was read from
   * @param record where in the page, for messages
   */
  record User(
      String name,
      String id,
      String path,
      Instant created,
      Map<String, String> tags,
      List<PolicyRef> attached,
      List<IamPolicy> inline,
      List<String> groups,
      String boundary,
      Path file,
      String record) {}

  /**
   * An IAM role: who may assume it and its own policies, so that what compute running as it holds
   * can be evaluated.
   *
   * @param name RoleName
   * @param id RoleId, the stable id (the ARN when the dump lacks it)
   * @param arn Arn
   * @param path Path, or null
   * @param created CreateDate, or null
   * @param lastUsed RoleLastUsed.LastUsedDate, or null (IAM tracks the trailing 400 days)
   * @param lastUsedRegion RoleLastUsed.Region, or null
   * @param trust AssumeRolePolicyDocument, read
   * @param tags Tags
   * @param attached AttachedManagedPolicies
   * @param inline RolePolicyList, parsed
   * @param boundary PermissionsBoundaryArn, or null
   * @param trustProblem why the trust policy could not be read (it then admits nobody), or null
   */
  record Role(
      String name,
      String id,
      String arn,
      String path,
      Instant created,
      Instant lastUsed,
      String lastUsedRegion,
      TrustPolicy trust,
      Map<String, String> tags,
      List<PolicyRef> attached,
      List<IamPolicy> inline,
      String boundary,
      String trustProblem) {
    /**
     * A service-linked role: AWS defines its trust and permissions, no customer can change them.
     */
    boolean serviceLinked() {
      return path != null && path.startsWith("/aws-service-role/");
    }
  }

  /**
   * A principal's policies gathered for evaluation.
   *
   * @param principal what the evaluator reads
   * @param byName grants of managed policies the snapshot lacks, classified by name
   * @param order each held policy as name NUL via, in the order the principal holds them
   * @param cap a note for every grant when the boundary is not in the snapshot, or null
   */
  private record Held(IamPrincipal principal, List<Grant> byName, List<String> order, String cap) {}

  /** An IAM group: its managed and inline policies. */
  record Group(String name, String arn, List<PolicyRef> attached, List<IamPolicy> inline) {}

  /** A managed policy as attached: its ARN and, when the listing gives it, its name. */
  record PolicyRef(String arn, String name) {}

  /**
   * A managed policy: its default version parsed, or, when the snapshot lacks its document, a level
   * from its name.
   *
   * @param name the policy name
   * @param document the default version, or null when only the name is known
   * @param level the level by name when there is no document, else null
   * @param note how the level was found when not from the document, or null
   * @param broken why the document could not be read, or null
   */
  record Policy(
      String name, IamPolicy document, PrivilegeLevel level, String note, String broken) {}

  private final Map<String, User> users;
  private final Map<String, Group> groups;
  private final Map<String, Policy> policies;
  private final List<String> roles;
  private final List<Role> roleDetails;
  private final List<String> problems;
  private List<PrivilegeAnalysis.ServiceRole> serviceRoles;
  private PrivilegeAnalysis.Targets fullTargets;
  private RoleReach reach;
  private final Map<String, List<PrivilegeAnalysis.Privilege>> rolePrivileges = new HashMap<>();
  private final Map<String, Held> heldBy = new HashMap<>();

  private AuthorizationDetails(
      Map<String, User> users,
      Map<String, Group> groups,
      Map<String, Policy> policies,
      List<String> roles,
      List<Role> roleDetails,
      List<String> problems) {
    this.users = Collections.unmodifiableMap(users);
    this.groups = groups;
    this.policies = policies;
    this.roles = List.copyOf(roles);
    this.roleDetails = List.copyOf(roleDetails);
    this.problems = problems;
  }

  /**
   * The policy documents that could not be read, each naming the dump, the principal and the
   * policy; the rest of the account is still evaluated, and the pull is partial.
   */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** Merges the pages; fails on a page that is not this output or an entry listed twice. */
  static AuthorizationDetails merge(List<AwsRawAccount.Page> pages) {
    Map<String, User> users = new LinkedHashMap<>();
    Map<String, Group> groups = new HashMap<>();
    Map<String, Policy> policies = new HashMap<>();
    Map<String, String> seen = new HashMap<>();
    List<String> roles = new ArrayList<>();
    List<Role> roleDetails = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (AwsRawAccount.Page page : pages) {
      Path file = page.file();
      JsonNode body = page.body();
      if (!body.isObject() || LISTS.stream().noneMatch(body::has)) {
        throw new SnapshotException(
            file,
            null,
            "not get-account-authorization-details output: none of " + String.join(", ", LISTS));
      }
      List<JsonNode> policyList = SnapshotJson.array(body, "Policies", file, null);
      for (int i = 0; i < policyList.size(); i++) {
        JsonNode node = policyList.get(i);
        String record = "Policies[" + i + "]";
        String arn = SnapshotJson.requiredText(node, "Arn", file, record);
        once(seen, "policy " + arn, "Arn", file, record);
        policies.put(arn, managedPolicy(node, file, record));
      }
      List<JsonNode> roleList = SnapshotJson.array(body, "RoleDetailList", file, null);
      for (int i = 0; i < roleList.size(); i++) {
        JsonNode node = roleList.get(i);
        String arn = SnapshotJson.optionalText(node, "Arn");
        if (arn != null) {
          roles.add(arn);
          role(node, arn, file, "RoleDetailList[" + i + "]", problems).ifPresent(roleDetails::add);
        }
      }
      List<JsonNode> groupList = SnapshotJson.array(body, "GroupDetailList", file, null);
      for (int i = 0; i < groupList.size(); i++) {
        JsonNode node = groupList.get(i);
        String name =
            SnapshotJson.requiredText(node, "GroupName", file, "GroupDetailList[" + i + "]");
        String record = "GroupDetailList[" + i + "]";
        once(seen, "group " + name, "GroupName", file, record);
        groups.put(
            name,
            new Group(
                name,
                SnapshotJson.optionalText(node, "Arn"),
                attached(node, file, record),
                inline(node, "GroupPolicyList", "group " + name, file, record, problems)));
      }
      List<JsonNode> userList = SnapshotJson.array(body, "UserDetailList", file, null);
      for (int i = 0; i < userList.size(); i++) {
        User user = user(userList.get(i), file, "UserDetailList[" + i + "]", problems);
        once(seen, "user " + user.name(), "UserName", file, user.record());
        users.put(user.name(), user);
      }
    }
    return new AuthorizationDetails(users, groups, policies, roles, roleDetails, problems);
  }

  /** The users by name, in the order the pages list them. */
  Map<String, User> users() {
    return users;
  }

  /**
   * The grants a user holds, from evaluating all its policies together ({@link PrivilegeAnalysis}):
   * attached managed policies ({@code attached}), inline policies ({@code inline}) and, for each of
   * its groups, the group's managed and inline policies ({@code group:<GroupName>}), within its
   * permissions boundary; then each role it can reach, through a chain of roles, that holds more
   * than it does ({@code assumes role A -> B}). A policy that grants nothing that survives gives no
   * grant; a managed policy the snapshot lacks is classified by its name.
   */
  List<Grant> grants(User user, String accountId, Instant capturedAt) {
    Held held = held(user, accountId, capturedAt);
    List<PrivilegeAnalysis.Privilege> privileges =
        PrivilegeAnalysis.of(held.principal(), targets(accountId, capturedAt));
    return finish(held, privileges, accountId, capturedAt);
  }

  /** The roles of the dump, in page order; those whose trust policy does not parse are left out. */
  List<Role> roles() {
    return roleDetails;
  }

  /** The grants a role holds: its own policies, then the roles it can reach that hold more. */
  List<Grant> grants(Role role, String accountId, Instant capturedAt) {
    Held held = held(role, accountId, capturedAt);
    return finish(held, privileges(role, accountId, capturedAt), accountId, capturedAt);
  }

  /** Who may assume the role, its trust policy evaluated against the account's principals. */
  List<dev.rollcall.model.RoleAssumer> assumers(Role role, String accountId, Instant capturedAt) {
    return reach(accountId, capturedAt).assumers(role.arn());
  }

  /** A user's ARN, as a trust policy names it. */
  static String arn(User user, String accountId) {
    return "arn:aws:iam::"
        + accountId
        + ":user"
        + (user.path() == null ? "/" : user.path())
        + user.name();
  }

  /**
   * A user's policies: its own attached and inline ones, then each group's. Gathered once per
   * principal, so that a policy the dump lacks or cannot read is noted once.
   */
  private Held held(User user, String accountId, Instant capturedAt) {
    String arn = arn(user, accountId);
    Held known = heldBy.get(arn);
    if (known != null) {
      return known;
    }
    Holding holding = new Holding("user " + user.name(), accountId);
    holding.take(user.attached(), user.inline(), "attached", "inline");
    for (String groupName : user.groups()) {
      Group group = groups.get(groupName);
      if (group == null) {
        throw new SnapshotException(
            user.file(),
            user.record() + " GroupList[" + user.groups().indexOf(groupName) + "]",
            "names a group that no page's GroupDetailList holds");
      }
      String via = "group:" + groupName;
      holding.take(group.attached(), group.inline(), via, via);
    }
    Held held =
        bounded(user.name(), arn, user.tags(), holding, user.boundary(), accountId, capturedAt);
    heldBy.put(arn, held);
    return held;
  }

  /** A role's attached and inline policies, gathered once like a user's. */
  private Held held(Role role, String accountId, Instant capturedAt) {
    Held known = heldBy.get(role.arn());
    if (known != null) {
      return known;
    }
    Holding holding = new Holding("role " + role.name(), accountId);
    holding.take(role.attached(), role.inline(), "attached", "inline");
    Held held =
        bounded(
            role.name(), role.arn(), role.tags(), holding, role.boundary(), accountId, capturedAt);
    heldBy.put(role.arn(), held);
    return held;
  }

  /** Collects one principal's policies in the order it holds them. */
  private final class Holding {
    private final String who;
    private final String accountId;
    private final List<IamPolicy> held = new ArrayList<>();
    private final List<Grant> byName = new ArrayList<>();
    private final List<String> order = new ArrayList<>();

    Holding(String who, String accountId) {
      this.who = who;
      this.accountId = accountId;
    }

    void take(
        List<PolicyRef> attached, List<IamPolicy> inline, String attachedVia, String inlineVia) {
      for (PolicyRef ref : attached) {
        Policy policy = managed(ref);
        hold(held, byName, policy, accountId, attachedVia, who);
        order.add(policy.name() + "\u0000" + attachedVia);
      }
      for (IamPolicy policy : inline) {
        held.add(policy.heldVia(inlineVia));
        order.add(policy.name() + "\u0000" + inlineVia);
      }
    }
  }

  private Held bounded(
      String name,
      String arn,
      Map<String, String> tags,
      Holding holding,
      String boundaryArn,
      String accountId,
      Instant capturedAt) {
    Optional<IamPolicy> boundary = Optional.empty();
    String cap = null;
    if (boundaryArn != null) {
      Policy policy = policies.get(boundaryArn);
      if (policy != null && policy.document() != null) {
        boundary = Optional.of(policy.document().heldVia("permissions boundary"));
      } else {
        cap =
            "; capped by permissions boundary "
                + boundaryArn.substring(boundaryArn.lastIndexOf('/') + 1)
                + " (not in snapshot: the level is what the policies allow, before the cap)";
      }
    }
    return new Held(
        new IamPrincipal(name, accountId, tags, holding.held, boundary, capturedAt, arn),
        List.copyOf(holding.byName),
        List.copyOf(holding.order),
        cap);
  }

  /** The grants of the privileges, the by-name ones and the roles reached, in holding order. */
  private List<Grant> finish(
      Held held,
      List<PrivilegeAnalysis.Privilege> privileges,
      String accountId,
      Instant capturedAt) {
    IamPrincipal principal = held.principal();
    List<Grant> grants =
        new ArrayList<>(PrivilegeAnalysis.grants(principal, privileges, accountId));
    grants.addAll(held.byName());
    List<String> order = held.order();
    // Show the grants in the order the principal holds its policies.
    grants.sort(
        java.util.Comparator.comparingInt(
            g -> {
              for (int i = 0; i < order.size(); i++) {
                String[] key = order.get(i).split("\u0000", 2);
                if (key[0].equals(g.name()) && g.via().startsWith(key[1])) {
                  return i;
                }
              }
              return order.size();
            }));
    Optional<PrivilegeLevel> own = grants.stream().map(Grant::level).max(Enum::compareTo);
    grants.addAll(reached(principal.arn(), own, accountId, capturedAt));
    if (held.cap() == null) {
      return grants;
    }
    String cap = held.cap();
    return grants.stream()
        .map(
            g ->
                new Grant(
                    g.name(), g.scope(), g.level(), g.via() + cap, g.method(), g.statements()))
        .toList();
  }

  /**
   * One grant per role the principal can reach (nearest first) at the highest level it reaches,
   * when that is more than it holds itself: named after the role, at the role's own level, by the
   * path, with every step's evidence and the role's granting statements.
   */
  private List<Grant> reached(
      String arn, Optional<PrivilegeLevel> own, String accountId, Instant capturedAt) {
    if (roleDetails.isEmpty()) {
      return List.of();
    }
    RoleReach reach = reach(accountId, capturedAt);
    // The effective privilege is the highest level reached: the roles that give it are shown.
    Optional<PrivilegeLevel> top =
        reach.top(arn).filter(l -> own.map(o -> l.compareTo(o) > 0).orElse(true));
    if (top.isEmpty()) {
      return List.of();
    }
    List<Grant> out = new ArrayList<>();
    for (RoleReach.Path path : reach.paths(arn, top.get())) {
      RoleReach.Target end = path.end();
      List<String> evidence = new ArrayList<>();
      path.steps().forEach(s -> evidence.addAll(s.evidence()));
      end.top()
          .ifPresent(
              p -> {
                p.statements().forEach(s -> evidence.add(s.evidence()));
                evidence.addAll(p.notes());
              });
      PolicyEvaluator.Qualifier q = path.qualifier();
      out.add(
          new Grant(
              end.name(),
              accountId,
              end.level().get(),
              "assumes role "
                  + path.names()
                  + (q == PolicyEvaluator.Qualifier.UNCONDITIONAL ? "" : "; " + q.text),
              end.top()
                  .flatMap(PrivilegeAnalysis.Privilege::method)
                  .map(EscalationCatalogue.Method::describe)
                  .orElse(null),
              List.copyOf(new java.util.LinkedHashSet<>(evidence))));
    }
    return out;
  }

  /** A role's own privileges, compute takeovers counted; evaluated once. */
  private List<PrivilegeAnalysis.Privilege> privileges(
      Role role, String accountId, Instant capturedAt) {
    List<PrivilegeAnalysis.Privilege> known = rolePrivileges.get(role.arn());
    if (known == null) {
      known =
          PrivilegeAnalysis.of(
              held(role, accountId, capturedAt).principal(), targets(accountId, capturedAt));
      rolePrivileges.put(role.arn(), known);
    }
    return known;
  }

  /** Who can assume which role: every user and role of the dump against every role's trust. */
  private RoleReach reach(String accountId, Instant capturedAt) {
    if (reach != null) {
      return reach;
    }
    List<RoleReach.Candidate> candidates = new ArrayList<>();
    for (User user : users.values()) {
      candidates.add(
          new RoleReach.Candidate(
              arn(user, accountId),
              new dev.rollcall.model.AccountKey(
                      dev.rollcall.model.SourceSystem.AWS_IAM, accountId, user.id())
                  .id(),
              dev.rollcall.model.RoleAssumer.Type.USER,
              held(user, accountId, capturedAt).principal()));
    }
    List<RoleReach.Target> targets = new ArrayList<>();
    for (Role role : roleDetails) {
      if (role.serviceLinked()) {
        continue;
      }
      Held held = held(role, accountId, capturedAt);
      candidates.add(
          new RoleReach.Candidate(
              role.arn(),
              new dev.rollcall.model.AccountKey(
                      dev.rollcall.model.SourceSystem.AWS_IAM, accountId, role.id())
                  .id(),
              dev.rollcall.model.RoleAssumer.Type.ROLE,
              held.principal()));
      List<PrivilegeAnalysis.Privilege> privileges = privileges(role, accountId, capturedAt);
      Optional<PrivilegeLevel> level =
          java.util.stream.Stream.concat(
                  privileges.stream().map(PrivilegeAnalysis.Privilege::level),
                  held.byName().stream().map(Grant::level))
              .max(Enum::compareTo);
      Optional<PrivilegeAnalysis.Privilege> top =
          privileges.stream().filter(p -> level.map(l -> p.level() == l).orElse(false)).findFirst();
      targets.add(new RoleReach.Target(role.name(), role.arn(), role.trust(), level, top));
    }
    reach = RoleReach.of(accountId, candidates, targets);
    return reach;
  }

  /** What escalation methods can aim at in this account, as the dump lists it. */
  private PrivilegeAnalysis.Targets targets(String accountId) {
    Map<String, String> userArns = new LinkedHashMap<>();
    for (User u : users.values()) {
      userArns.put(
          u.name(),
          "arn:aws:iam::" + accountId + ":user" + (u.path() == null ? "/" : u.path()) + u.name());
    }
    List<String> groupArns = new ArrayList<>();
    for (Group g : groups.values()) {
      groupArns.add(g.arn() != null ? g.arn() : "arn:aws:iam::" + accountId + ":group/" + g.name());
    }
    List<String> customer =
        policies.keySet().stream().filter(arn -> !arn.startsWith("arn:aws:iam::aws:")).toList();
    return new PrivilegeAnalysis.Targets(userArns, groupArns, roles, customer);
  }

  /** As {@link #targets(String)}, with the roles a service may assume and what each holds. */
  private PrivilegeAnalysis.Targets targets(String accountId, Instant capturedAt) {
    // Built once: every principal of the account aims at the same targets.
    if (fullTargets == null) {
      PrivilegeAnalysis.Targets plain = targets(accountId);
      serviceRoles = serviceRoles(plain, accountId, capturedAt);
      fullTargets =
          new PrivilegeAnalysis.Targets(
              plain.users(), plain.groups(), plain.roles(), plain.customerPolicies(), serviceRoles);
    }
    return fullTargets;
  }

  /**
   * Each role some service may assume, at the level its own policies (inline and attached, within
   * its boundary) give it, evaluated like a user's; the compute takeovers of those roles are not
   * counted, so the evaluation does not recurse. A role's managed policy the snapshot lacks counts
   * at its level by name; a boundary the snapshot lacks is not applied (the level is before the
   * cap).
   */
  private List<PrivilegeAnalysis.ServiceRole> serviceRoles(
      PrivilegeAnalysis.Targets targets, String accountId, Instant capturedAt) {
    List<PrivilegeAnalysis.ServiceRole> out = new ArrayList<>();
    for (Role role : roleDetails) {
      if (role.trust().services().isEmpty()) {
        continue;
      }
      Held held = held(role, accountId, capturedAt);
      Optional<PrivilegeLevel> level =
          held.byName().stream().map(Grant::level).max(Enum::compareTo);
      for (PrivilegeAnalysis.Privilege p : PrivilegeAnalysis.of(held.principal(), targets)) {
        level = max(level, p.level());
      }
      level.ifPresent(l -> out.add(new PrivilegeAnalysis.ServiceRole(role.arn(), role.trust(), l)));
    }
    return List.copyOf(out);
  }

  private static Optional<PrivilegeLevel> max(Optional<PrivilegeLevel> a, PrivilegeLevel b) {
    return Optional.of(a.filter(l -> l.compareTo(b) >= 0).orElse(b));
  }

  /**
   * A role as RoleDetailList gives it; a trust policy that does not parse is named in {@code
   * problems} and the role kept as admitting nobody (no service is known to run as it).
   */
  private static Optional<Role> role(
      JsonNode node, String arn, Path file, String record, List<String> problems) {
    String name = SnapshotJson.optionalText(node, "RoleName");
    if (name == null) {
      name = arn.substring(arn.lastIndexOf('/') + 1);
    }
    JsonNode trustNode = node.get("AssumeRolePolicyDocument");
    TrustPolicy trust = new TrustPolicy(List.of(), List.of());
    String trustProblem = null;
    if (trustNode != null && !trustNode.isNull()) {
      try {
        trust = TrustPolicy.parse(trustNode, file, record + " AssumeRolePolicyDocument", name);
      } catch (SnapshotException e) {
        trustProblem = "trust policy not evaluated: " + e.getMessage();
        // The role stays in the report, by its name; the gap names it too.
        problems.add("role " + name + ": " + trustProblem);
      }
    }
    String boundary = boundaryArn(node, file, record);
    String id = SnapshotJson.optionalText(node, "RoleId");
    JsonNode lastUsed = node.get("RoleLastUsed");
    Instant used = null;
    String region = null;
    if (lastUsed != null && lastUsed.isObject()) {
      used = AwsTimes.optional(lastUsed, "LastUsedDate", file, record + " RoleLastUsed");
      region = SnapshotJson.optionalText(lastUsed, "Region");
    }
    return Optional.of(
        new Role(
            name,
            id != null ? id : arn,
            arn,
            SnapshotJson.optionalText(node, "Path"),
            AwsTimes.optional(node, "CreateDate", file, record),
            used,
            region,
            trust,
            tags(node, file, record),
            attached(node, file, record),
            inline(node, "RolePolicyList", "role " + name, file, record, problems),
            boundary,
            trustProblem));
  }

  private void hold(
      List<IamPolicy> held,
      List<Grant> byName,
      Policy policy,
      String accountId,
      String via,
      String who) {
    if (policy.broken() != null) {
      problems.add(notEvaluated(who, policy));
    } else if (policy.document() != null) {
      held.add(policy.document().heldVia(via));
    } else {
      byName.add(
          new Grant(
              policy.name(),
              accountId,
              policy.level(),
              policy.note() == null ? via : via + " (" + policy.note() + ")"));
    }
  }

  /** The attached policy from the Policies list, or classified by name when it is not there. */
  private Policy managed(PolicyRef ref) {
    Policy policy = policies.get(ref.arn());
    return policy != null ? policy : byName(ref.name());
  }

  private static Policy byName(String name) {
    Optional<PrivilegeLevel> level = PolicyClassifier.byName(name);
    return level
        .map(l -> new Policy(name, null, l, BY_NAME, null))
        .orElseGet(() -> new Policy(name, null, PrivilegeLevel.WRITE, BY_NAME_UNKNOWN, null));
  }

  private static User user(JsonNode node, Path file, String record, List<String> problems) {
    String name = SnapshotJson.requiredText(node, "UserName", file, record);
    List<String> groupNames = new ArrayList<>();
    for (JsonNode group : SnapshotJson.array(node, "GroupList", file, record)) {
      if (!group.isTextual() || group.textValue().isBlank()) {
        throw new SnapshotException(file, record, "GroupList holds a value that is not a name");
      }
      groupNames.add(group.textValue());
    }
    // A permissions boundary caps what the policies allow; it is not a grant, but each grant notes
    // it.
    String boundary = boundaryArn(node, file, record);
    return new User(
        name,
        SnapshotJson.requiredText(node, "UserId", file, record),
        SnapshotJson.optionalText(node, "Path"),
        AwsTimes.optional(node, "CreateDate", file, record),
        tags(node, file, record),
        attached(node, file, record),
        inline(node, "UserPolicyList", "user " + name, file, record, problems),
        groupNames,
        boundary,
        file,
        record);
  }

  private static Map<String, String> tags(JsonNode node, Path file, String record) {
    Map<String, String> tags = new LinkedHashMap<>();
    List<JsonNode> list = SnapshotJson.array(node, "Tags", file, record);
    for (int i = 0; i < list.size(); i++) {
      String where = record + " Tags[" + i + "]";
      String key = SnapshotJson.requiredText(list.get(i), "Key", file, where);
      // IAM allows an empty tag value; it is kept as given.
      String value = SnapshotJson.optionalText(list.get(i), "Value");
      if (tags.put(key, value == null ? "" : value) != null) {
        throw new SnapshotException(file, where, "the tag's Key is given twice");
      }
    }
    return tags;
  }

  private static List<PolicyRef> attached(JsonNode node, Path file, String record) {
    List<PolicyRef> refs = new ArrayList<>();
    List<JsonNode> list = SnapshotJson.array(node, "AttachedManagedPolicies", file, record);
    for (int i = 0; i < list.size(); i++) {
      String where = record + " AttachedManagedPolicies[" + i + "]";
      String arn = SnapshotJson.requiredText(list.get(i), "PolicyArn", file, where);
      String name = SnapshotJson.optionalText(list.get(i), "PolicyName");
      refs.add(new PolicyRef(arn, name != null ? name : arn.substring(arn.lastIndexOf('/') + 1)));
    }
    return refs;
  }

  /**
   * The inline policies; one that does not parse is left out and named in {@code problems}, after
   * {@code who} holds it (the principal the report lists).
   */
  private static List<IamPolicy> inline(
      JsonNode node, String field, String who, Path file, String record, List<String> problems) {
    List<IamPolicy> list = new ArrayList<>();
    List<JsonNode> nodes = SnapshotJson.array(node, field, file, record);
    for (int i = 0; i < nodes.size(); i++) {
      String name =
          SnapshotJson.requiredText(
              nodes.get(i), "PolicyName", file, record + " " + field + "[" + i + "]");
      String where = record + " " + field + "[" + i + "]";
      try {
        list.add(IamPolicy.parse(nodes.get(i).get("PolicyDocument"), name, "inline", file, where));
      } catch (SnapshotException e) {
        problems.add(who + ": inline policy " + name + " not evaluated: " + e.getMessage());
      }
    }
    return list;
  }

  /**
   * A managed policy, classified by its default version's document; by name when the snapshot holds
   * no version list.
   */
  private static Policy managedPolicy(JsonNode node, Path file, String record) {
    String name = SnapshotJson.optionalText(node, "PolicyName");
    if (name == null) {
      // AWS always sends PolicyName; some emulators send only the ARN, whose last part is the name.
      String arn = SnapshotJson.requiredText(node, "Arn", file, record + " (no PolicyName)");
      name = arn.substring(arn.lastIndexOf('/') + 1);
    }
    List<JsonNode> versions = SnapshotJson.array(node, "PolicyVersionList", file, record);
    if (versions.isEmpty()) {
      return byName(name);
    }
    String defaultId = SnapshotJson.optionalText(node, "DefaultVersionId");
    JsonNode chosen = null;
    String chosenRecord = null;
    for (int i = 0; i < versions.size(); i++) {
      JsonNode version = versions.get(i);
      String where = record + " PolicyVersionList[" + i + "]";
      boolean isDefault =
          version.has("IsDefaultVersion")
              ? SnapshotJson.bool(version, "IsDefaultVersion", false, file, where)
              : defaultId != null
                  && defaultId.equals(SnapshotJson.optionalText(version, "VersionId"));
      if (isDefault) {
        if (chosen != null) {
          throw new SnapshotException(
              file, where, "a second default version (first: " + chosenRecord + ")");
        }
        chosen = version;
        chosenRecord = where;
      }
    }
    if (chosen == null) {
      throw new SnapshotException(
          file, record, "no entry of PolicyVersionList is the default version (IsDefaultVersion)");
    }
    // Only the default version is in force; older versions grant nothing.
    try {
      return new Policy(
          name,
          IamPolicy.parse(chosen.get("Document"), name, "attached", file, chosenRecord),
          null,
          null,
          null);
    } catch (SnapshotException e) {
      return new Policy(name, null, null, null, e.getMessage());
    }
  }

  /**
   * Refuses a second entry of one thing; the message names the field that repeats, not its value.
   */
  private static void once(
      Map<String, String> seen, String what, String field, Path file, String record) {
    String first = seen.putIfAbsent(what, file + ": " + record);
    if (first != null) {
      throw new SnapshotException(
          file, record, "its " + field + " is listed twice (first at " + first + ")");
    }
  }

  /** The gap a managed policy that could not be read leaves in a principal's evaluation. */
  private static String notEvaluated(String principal, Policy policy) {
    return principal + ": managed policy " + policy.name() + " not evaluated: " + policy.broken();
  }

  /** The ARN of a user's or role's permissions boundary, or null when it has none. */
  private static String boundaryArn(JsonNode node, Path file, String record) {
    JsonNode boundary = node.get("PermissionsBoundary");
    return boundary == null || !boundary.isObject()
        ? null
        : SnapshotJson.requiredText(
            boundary, "PermissionsBoundaryArn", file, record + " PermissionsBoundary");
  }
}
