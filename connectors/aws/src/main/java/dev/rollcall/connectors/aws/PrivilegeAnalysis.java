package dev.rollcall.connectors.aws;

import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A principal's privilege: what survives {@link PolicyEvaluator} across all its policies, as the
 * union of admin, each escalation method of the {@link EscalationCatalogue} it can complete, write
 * and read, each with the statements that grant it.
 */
final class PrivilegeAnalysis {
  /** Actions that only an administrator holds all of, on every resource (a fake service too). */
  private static final List<String> ADMIN_PROBES =
      List.of(
          "iam:PutUserPolicy",
          "iam:AttachUserPolicy",
          "iam:CreatePolicyVersion",
          "rollcall-probe:Any");

  private static final List<String> READ_VERBS =
      List.of(
          "get",
          "list",
          "describe",
          "head",
          "batchget",
          "view",
          "search",
          "lookup",
          "select",
          "query",
          "scan",
          "filter",
          "simulate",
          "generate");

  private static final List<EscalationCatalogue.Method> METHODS = EscalationCatalogue.methods();

  /**
   * The resources of the account escalation methods aim at, as the snapshot lists them.
   *
   * @param users user ARNs by user name
   * @param groups group ARNs
   * @param roles role ARNs
   * @param customerPolicies customer managed policy ARNs (never {@code arn:aws:iam::aws:policy/})
   * @param serviceRoles the roles a service may assume, with what each holds: what a compute
   *     takeover gains
   */
  record Targets(
      Map<String, String> users,
      List<String> groups,
      List<String> roles,
      List<String> customerPolicies,
      List<ServiceRole> serviceRoles) {
    Targets {
      users = Map.copyOf(users);
      groups = List.copyOf(groups);
      roles = List.copyOf(roles);
      customerPolicies = List.copyOf(customerPolicies);
      serviceRoles = List.copyOf(serviceRoles);
    }

    /** Targets with no role a service may assume: no compute takeover escalates. */
    Targets(
        Map<String, String> users,
        List<String> groups,
        List<String> roles,
        List<String> customerPolicies) {
      this(users, groups, roles, customerPolicies, List.of());
    }

    List<String> of(String spec, IamPrincipal who) {
      String account = who.accountId();
      return switch (spec) {
        case "@users" -> users.isEmpty() ? List.of(iam(account, "user/*")) : list(users.values());
        // With no user listed (a permission set's account), any user of the account may be another.
        case "@other-users" ->
            users.isEmpty()
                ? List.of(iam(account, "user/*"))
                : users.entrySet().stream()
                    .filter(e -> !e.getKey().equals(who.name()))
                    .map(Map.Entry::getValue)
                    .toList();
        case "@groups" -> groups.isEmpty() ? List.of(iam(account, "group/*")) : groups;
        case "@roles" -> roles.isEmpty() ? List.of(iam(account, "role/*")) : roles;
        // Policies under arn:aws:iam::aws:policy/ belong to AWS: no customer can change them.
        case "@customer-policies" ->
            customerPolicies.isEmpty() ? List.of(iam(account, "policy/*")) : customerPolicies;
        default -> List.of(spec.replace("{account}", account));
      };
    }

    /** One pattern standing for every resource of a kind: what all its targets fall under. */
    String broad(String spec, IamPrincipal who) {
      String account = who.accountId();
      return switch (spec) {
        case "@users", "@other-users" -> iam(account, "user/*");
        case "@groups" -> iam(account, "group/*");
        case "@roles" -> iam(account, "role/*");
        case "@customer-policies" -> iam(account, "policy/*");
        default -> spec.replace("{account}", account);
      };
    }

    private static String iam(String account, String rest) {
      return "arn:aws:iam::" + account + ":" + rest;
    }

    private static List<String> list(java.util.Collection<String> values) {
      return List.copyOf(values);
    }
  }

  /**
   * A role of the account that a service may assume, evaluated with its own policies.
   *
   * @param arn the role's ARN
   * @param trust the service principals its trust policy admits
   * @param level the highest level its policies give it (no compute takeover counted)
   */
  record ServiceRole(String arn, TrustPolicy trust, PrivilegeLevel level) {}

  /**
   * One privilege that survives.
   *
   * @param level how much
   * @param method the escalation method, for {@link PrivilegeLevel#PRIVILEGE_ESCALATION}
   * @param qualifier whether it holds always, only with MFA, or under an undecided condition
   * @param statements the Allow statements that grant it
   * @param notes more evidence: for a compute takeover, the roles the compute may run as
   */
  record Privilege(
      PrivilegeLevel level,
      Optional<EscalationCatalogue.Method> method,
      PolicyEvaluator.Qualifier qualifier,
      List<IamStatement> statements,
      List<String> notes) {
    Privilege {
      statements = List.copyOf(statements);
      notes = List.copyOf(notes);
    }

    Privilege(
        PrivilegeLevel level,
        Optional<EscalationCatalogue.Method> method,
        PolicyEvaluator.Qualifier qualifier,
        List<IamStatement> statements) {
      this(level, method, qualifier, statements, List.of());
    }
  }

  private PrivilegeAnalysis() {}

  /** Everything the principal holds, strongest first; empty when it holds nothing. */
  static List<Privilege> of(IamPrincipal who, Targets targets) {
    List<Privilege> direct = new ArrayList<>();
    admin(who).ifPresent(direct::add);
    for (EscalationCatalogue.Method method : METHODS) {
      if (method.runsAs().isEmpty()) {
        escalation(who, targets, method).ifPresent(direct::add);
      }
    }
    plain(who, false).ifPresent(direct::add);
    plain(who, true).ifPresent(direct::add);
    Optional<PrivilegeLevel> without = direct.stream().map(Privilege::level).max(Enum::compareTo);
    List<Privilege> found = new ArrayList<>(direct);
    for (EscalationCatalogue.Method method : METHODS) {
      if (method.runsAs().isPresent()) {
        takeover(who, targets, method, without).ifPresent(found::add);
      }
    }
    // Strongest first (a stable sort): a takeover ranks after the other escalation methods.
    found.sort(java.util.Comparator.comparing(Privilege::level).reversed());
    return found;
  }

  /**
   * A compute takeover escalates only when the compute it takes over may run as a role that holds
   * more than the principal holds without it: some role of the dump that the method's service may
   * assume and whose own level is above the principal's. Which role a given function, instance,
   * stack, endpoint or notebook runs as is not in the dump (their ARNs are not either), so every
   * such role counts as reachable when the takeover action reaches the method's resource pattern
   * ({@code *} or a matching ARN pattern).
   */
  private static Optional<Privilege> takeover(
      IamPrincipal who,
      Targets targets,
      EscalationCatalogue.Method method,
      Optional<PrivilegeLevel> without) {
    String service = method.runsAs().orElseThrow();
    List<String> roles =
        targets.serviceRoles().stream()
            .filter(r -> r.trust().admits(service))
            .filter(r -> without.map(l -> r.level().compareTo(l) > 0).orElse(true))
            .map(
                r ->
                    "runs as role "
                        + r.arn()
                        + " (trusted by "
                        + service
                        + ", "
                        + r.level().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ")")
            .toList();
    if (roles.isEmpty()) {
      return Optional.empty();
    }
    return escalation(who, targets, method)
        .map(p -> new Privilege(p.level(), p.method(), p.qualifier(), p.statements(), roles));
  }

  /**
   * The grants that show the privileges, one per policy that grants any: at the highest level it
   * takes part in, with that privilege's method, qualifier and statements.
   */
  static List<Grant> grants(IamPrincipal who, List<Privilege> privileges, String scope) {
    Map<IamPolicy, Privilege> best = new LinkedHashMap<>();
    for (IamPolicy policy : who.policies()) {
      for (Privilege p : privileges) {
        if (p.statements().stream().anyMatch(policy.statements()::contains)) {
          best.putIfAbsent(policy, p);
          break;
        }
      }
    }
    List<Grant> grants = new ArrayList<>();
    for (Map.Entry<IamPolicy, Privilege> e : best.entrySet()) {
      IamPolicy policy = e.getKey();
      Privilege p = e.getValue();
      Set<String> lines = new LinkedHashSet<>();
      for (IamStatement s : p.statements()) {
        if (policy.statements().contains(s)) {
          lines.add(s.evidence());
        }
      }
      lines.addAll(p.notes());
      String via =
          policy.via()
              + (p.qualifier() == PolicyEvaluator.Qualifier.UNCONDITIONAL
                  ? ""
                  : "; " + p.qualifier().text)
              + who.boundary().map(b -> "; within permissions boundary " + b.name()).orElse("");
      grants.add(
          new Grant(
              policy.name(),
              scope,
              p.level(),
              via,
              p.method().map(EscalationCatalogue.Method::describe).orElse(null),
              List.copyOf(lines)));
    }
    return grants;
  }

  private static Optional<Privilege> admin(IamPrincipal who) {
    PolicyEvaluator.Qualifier qualifier = PolicyEvaluator.Qualifier.UNCONDITIONAL;
    Set<IamStatement> statements = new LinkedHashSet<>();
    for (String probe : ADMIN_PROBES) {
      Optional<PolicyEvaluator.Access> access = PolicyEvaluator.access(who, probe, "*", true);
      if (access.isEmpty()) {
        return Optional.empty();
      }
      qualifier = qualifier.weaker(access.get().qualifier());
      statements.addAll(access.get().statements());
    }
    return Optional.of(
        new Privilege(PrivilegeLevel.ADMIN, Optional.empty(), qualifier, List.copyOf(statements)));
  }

  /**
   * A method holds when each of its needs is allowed on a resource it must reach; needs tied by
   * {@code sameResourceAs} must all be allowed on one resource: one role, or, for a pattern ({@code
   * function:*}), one of the patterns the first need's Allow statements name.
   */
  private static Optional<Privilege> escalation(
      IamPrincipal who, Targets targets, EscalationCatalogue.Method method) {
    // Every need must be allowed; one that no Allow's Action reaches ends the method at once.
    for (EscalationCatalogue.Need need : method.needs()) {
      if (!someAllowMayReach(who, need.action())) {
        return Optional.empty();
      }
    }
    PolicyEvaluator.Qualifier qualifier = PolicyEvaluator.Qualifier.UNCONDITIONAL;
    Set<IamStatement> statements = new LinkedHashSet<>();
    for (EscalationCatalogue.Need need : method.needs()) {
      if (need.sameResourceAs().isPresent()) {
        continue;
      }
      // No Allow reaches the action anywhere the method aims: no single target needs trying.
      if (PolicyEvaluator.access(who, need.action(), targets.broad(need.resource(), who), false)
          .isEmpty()) {
        return Optional.empty();
      }
      List<EscalationCatalogue.Need> tied =
          method.needs().stream()
              .filter(n -> n.sameResourceAs().filter(need.action()::equals).isPresent())
              .toList();
      Optional<PolicyEvaluator.Access> best = Optional.empty();
      for (String resource : targets.of(need.resource(), who)) {
        // Only a stronger qualifier replaces the best, and none is stronger than unconditional:
        // the other targets (every user of an account of thousands) need not be tried.
        if (best.isPresent() && best.get().qualifier() == PolicyEvaluator.Qualifier.UNCONDITIONAL) {
          break;
        }
        Optional<PolicyEvaluator.Access> here =
            PolicyEvaluator.access(who, need.action(), resource, false);
        if (here.isEmpty()) {
          continue;
        }
        for (String on : tied.isEmpty() ? List.of(resource) : narrowed(here.get(), resource, who)) {
          Optional<PolicyEvaluator.Access> all =
              tied.isEmpty() ? here : together(who, need, tied, on);
          if (all.isPresent()
              && (best.isEmpty() || all.get().qualifier().compareTo(best.get().qualifier()) < 0)) {
            best = all;
          }
        }
      }
      if (best.isEmpty()) {
        return Optional.empty();
      }
      qualifier = qualifier.weaker(best.get().qualifier());
      statements.addAll(best.get().statements());
    }
    return Optional.of(
        new Privilege(
            PrivilegeLevel.PRIVILEGE_ESCALATION,
            Optional.of(method),
            qualifier,
            List.copyOf(statements)));
  }

  /** Whether an Allow of the principal's policies reaches the action (resources aside). */
  private static boolean someAllowMayReach(IamPrincipal who, String action) {
    for (IamPolicy policy : who.policies()) {
      for (IamStatement s : policy.statements()) {
        if (s.escalationActions().contains(action)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Where tied needs must meet: the resource itself when it names one thing, else each pattern of
   * the granting statements that overlaps it (a role created as {@code app-*} is invoked as one).
   */
  private static List<String> narrowed(
      PolicyEvaluator.Access access, String resource, IamPrincipal who) {
    if (!resource.contains("*") && !resource.contains("?")) {
      return List.of(resource);
    }
    Set<String> out = new LinkedHashSet<>();
    for (IamStatement s : access.statements()) {
      if (s.notResource()) {
        out.add(resource);
        continue;
      }
      for (String r : s.resources()) {
        if (Globs.overlaps(r, resource, false)) {
          out.add(r.equals("*") ? resource : r);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The first need and every need tied to it, all on one resource; empty when one is denied. */
  private static Optional<PolicyEvaluator.Access> together(
      IamPrincipal who,
      EscalationCatalogue.Need first,
      List<EscalationCatalogue.Need> tied,
      String on) {
    PolicyEvaluator.Qualifier q = PolicyEvaluator.Qualifier.UNCONDITIONAL;
    Set<IamStatement> statements = new LinkedHashSet<>();
    List<EscalationCatalogue.Need> all = new ArrayList<>();
    all.add(first);
    all.addAll(tied);
    for (EscalationCatalogue.Need n : all) {
      Optional<PolicyEvaluator.Access> a = PolicyEvaluator.access(who, n.action(), on, false);
      if (a.isEmpty()) {
        return Optional.empty();
      }
      q = q.weaker(a.get().qualifier());
      statements.addAll(a.get().statements());
    }
    return Optional.of(new PolicyEvaluator.Access(q, List.copyOf(statements)));
  }

  /** Write (any surviving action that is not read-only) or read. */
  private static Optional<Privilege> plain(IamPrincipal who, boolean read) {
    PolicyEvaluator.Qualifier qualifier = null;
    Set<IamStatement> statements = new LinkedHashSet<>();
    for (IamPolicy policy : who.policies()) {
      for (IamStatement s : policy.statements()) {
        if (!s.allow()) {
          continue;
        }
        List<String> probes = s.notAction() ? List.of("*") : s.actions();
        for (String action : probes) {
          if (readOnly(action) != read) {
            continue;
          }
          Optional<PolicyEvaluator.Access> access = PolicyEvaluator.access(who, action, "*", false);
          if (access.isPresent() && access.get().statements().contains(s)) {
            PolicyEvaluator.Qualifier q = access.get().qualifier();
            qualifier = qualifier == null || q.compareTo(qualifier) < 0 ? q : qualifier;
            statements.add(s);
          }
        }
      }
    }
    return qualifier == null
        ? Optional.empty()
        : Optional.of(
            new Privilege(
                read ? PrivilegeLevel.READ : PrivilegeLevel.WRITE,
                Optional.empty(),
                qualifier,
                List.copyOf(statements)));
  }

  /** True when the verb, up to its first wildcard, starts with a read-only verb. */
  static boolean readOnly(String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String verb = action.substring(colon + 1).toLowerCase(Locale.ROOT);
    int star = verb.indexOf('*');
    int question = verb.indexOf('?');
    int cut = star < 0 ? question : question < 0 ? star : Math.min(star, question);
    String literal = cut < 0 ? verb : verb.substring(0, cut);
    return READ_VERBS.stream().anyMatch(literal::startsWith);
  }
}
