package dev.rollcall.connectors.aws;

import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.RoleAssumer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who can assume which role of an account, and what each principal reaches through chains of roles.
 * One principal may assume a role when no explicit Deny (trust, identity policy, boundary) stops it
 * and either the trust names it by its ARN (in the same account the trust alone is enough) or the
 * trust admits its account, or everyone, and its own policies allow {@code sts:AssumeRole} on the
 * role. Conditions are decided as {@link PolicyEvaluator} decides them.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html
 */
final class RoleReach {
  /** Longest chain followed: AWS allows chaining without limit, cycles are cut here too. */
  static final int MAX_CHAIN = 10;

  private static final String ASSUME = "sts:AssumeRole";

  /**
   * A principal that may assume roles: an IAM user or role of the account.
   *
   * @param arn its ARN, as a trust policy names it
   * @param id its rollcall account id
   * @param type USER or ROLE
   * @param principal its policies, evaluated
   */
  record Candidate(String arn, String id, RoleAssumer.Type type, IamPrincipal principal) {}

  /**
   * A role of the account with what its own policies give it.
   *
   * @param name RoleName
   * @param arn Arn
   * @param trust its trust policy
   * @param level the highest level of its own policies, or empty when they grant nothing
   * @param top that level's privilege (its method and statements), when there is one
   */
  record Target(
      String name,
      String arn,
      TrustPolicy trust,
      Optional<PrivilegeLevel> level,
      Optional<PrivilegeAnalysis.Privilege> top) {}

  /**
   * One assumption: who, which role, how it holds and why.
   *
   * @param from the assuming principal's ARN
   * @param to the role assumed
   * @param qualifier unconditional, only with MFA, or conditional
   * @param direct true when the trust names the principal by its ARN
   * @param conditions the trust statement's conditions
   * @param evidence the trust statement and, through an account, the allowing statements
   */
  record Step(
      String from,
      Target to,
      PolicyEvaluator.Qualifier qualifier,
      boolean direct,
      List<String> conditions,
      List<String> evidence) {
    Step {
      conditions = List.copyOf(conditions);
      evidence = List.copyOf(evidence);
    }
  }

  /** A chain of assumptions from one principal, first step first. */
  record Path(List<Step> steps) {
    Path {
      steps = List.copyOf(steps);
    }

    Target end() {
      return steps.get(steps.size() - 1).to();
    }

    /** The weakest step decides how the whole chain holds. */
    PolicyEvaluator.Qualifier qualifier() {
      PolicyEvaluator.Qualifier q = PolicyEvaluator.Qualifier.UNCONDITIONAL;
      for (Step s : steps) {
        q = q.weaker(s.qualifier());
      }
      return q;
    }

    /** "ops-hop -> platform-admin". */
    String names() {
      return String.join(" -> ", steps.stream().map(s -> s.to().name()).toList());
    }
  }

  private final String accountId;
  private final Map<String, Target> targets;
  private final Map<String, Candidate> candidates;
  private final Map<String, List<Step>> edges;

  /** The steps into each role, by role ARN. */
  private final Map<String, List<Step>> incoming;

  /** The highest level each role reaches, itself included, by role ARN. */
  private final Map<String, PrivilegeLevel> reachable;

  private RoleReach(
      String accountId,
      List<Target> targets,
      Map<String, Candidate> candidates,
      Map<String, List<Step>> edges) {
    this.accountId = accountId;
    this.targets = new LinkedHashMap<>();
    targets.forEach(t -> this.targets.put(t.arn(), t));
    this.candidates = candidates;
    this.edges = edges;
    this.incoming = new HashMap<>();
    edges
        .values()
        .forEach(
            list ->
                list.forEach(
                    s -> incoming.computeIfAbsent(s.to().arn(), k -> new ArrayList<>()).add(s)));
    this.reachable = reachable(targets, edges);
  }

  /**
   * The highest level reachable from each role, by relaxing along the steps until nothing rises (a
   * level only rises, so this ends).
   */
  private static Map<String, PrivilegeLevel> reachable(
      List<Target> targets, Map<String, List<Step>> edges) {
    Map<String, PrivilegeLevel> best = new HashMap<>();
    targets.forEach(t -> t.level().ifPresent(l -> best.put(t.arn(), l)));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Target t : targets) {
        PrivilegeLevel here = best.get(t.arn());
        for (Step s : edges.getOrDefault(t.arn(), List.of())) {
          PrivilegeLevel there = best.get(s.to().arn());
          if (there != null && (here == null || there.compareTo(here) > 0)) {
            here = there;
            best.put(t.arn(), here);
            changed = true;
          }
        }
      }
    }
    return best;
  }

  /** The highest level the principal reaches by assuming roles, or empty when it reaches none. */
  Optional<PrivilegeLevel> top(String fromArn) {
    PrivilegeLevel best = null;
    for (Step s : edges.getOrDefault(fromArn, List.of())) {
      PrivilegeLevel there = reachable.get(s.to().arn());
      if (there != null && (best == null || there.compareTo(best) > 0)) {
        best = there;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Evaluates every principal against every role's trust. */
  static RoleReach of(String accountId, List<Candidate> principals, List<Target> roles) {
    Map<String, Candidate> byArn = new LinkedHashMap<>();
    principals.forEach(c -> byArn.put(c.arn(), c));
    Map<String, List<Step>> edges = new HashMap<>();
    for (Candidate c : principals) {
      Answers answers = new Answers(c.principal());
      for (Target role : roles) {
        if (role.arn().equals(c.arn())) {
          continue;
        }
        step(accountId, c, role, answers)
            .ifPresent(s -> edges.computeIfAbsent(c.arn(), k -> new ArrayList<>()).add(s));
      }
    }
    return new RoleReach(accountId, List.copyOf(roles), byArn, edges);
  }

  /**
   * The shortest chain to each role at {@code level} the principal can reach (itself excluded),
   * nearest first, followed to {@link #MAX_CHAIN} steps and not beyond an administrator role.
   */
  List<Path> paths(String fromArn, PrivilegeLevel level) {
    Map<String, Step> via = new HashMap<>();
    Map<String, Integer> depth = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    List<String> found = new ArrayList<>();
    depth.put(fromArn, 0);
    queue.add(fromArn);
    while (!queue.isEmpty()) {
      String at = queue.poll();
      int d = depth.get(at);
      if (d >= MAX_CHAIN) {
        continue;
      }
      for (Step next : edges.getOrDefault(at, List.of())) {
        String to = next.to().arn();
        if (depth.containsKey(to)) {
          continue;
        }
        depth.put(to, d + 1);
        via.put(to, next);
        if (next.to().level().filter(l -> l == level).isPresent()) {
          found.add(to);
        }
        // An administrator can already do anything, so the roles beyond it add nothing; nor do
        // the roles beyond one that reaches nothing at this level.
        PrivilegeLevel onward = reachable.get(to);
        if (next.to().level().filter(l -> l == PrivilegeLevel.ADMIN).isEmpty()
            && onward != null
            && onward.compareTo(level) >= 0) {
          queue.add(to);
        }
      }
    }
    List<Path> out = new ArrayList<>();
    for (String end : found) {
      List<Step> steps = new ArrayList<>();
      for (String at = end; !at.equals(fromArn); at = via.get(at).from()) {
        steps.add(0, via.get(at));
      }
      out.add(new Path(steps));
    }
    return out;
  }

  /**
   * Who may assume the role: every principal its trust admits, the account's own users and roles
   * that can (with their rollcall ids), then what the trust names that is not one of them: other
   * accounts, everyone, services, identity providers, principals the dump does not hold.
   */
  List<RoleAssumer> assumers(String roleArn) {
    Target role = targets.get(roleArn);
    Map<String, Step> steps = new LinkedHashMap<>();
    for (Step s : incoming.getOrDefault(roleArn, List.of())) {
      steps.put(s.from(), s);
    }
    // What the trust names comes first, then the account's principals it admits through the
    // account or everyone.
    Map<String, RoleAssumer> out = new LinkedHashMap<>();
    for (TrustPolicy.Statement st : role.trust().statements()) {
      if (!st.allow()) {
        continue;
      }
      if (st.notPrincipal()) {
        String except =
            String.join(", ", st.principals().stream().map(TrustPolicy.Principal::value).toList());
        out.putIfAbsent(
            "* except " + except,
            new RoleAssumer(
                RoleAssumer.Type.ANYONE,
                "* except " + except,
                null,
                st.conditionText(),
                "trust policy " + st.label() + ": NotPrincipal"));
        continue;
      }
      for (TrustPolicy.Principal p : st.principals()) {
        if (out.containsKey(p.value())) {
          continue;
        }
        Step step = steps.get(p.value());
        if (step != null && step.direct()) {
          out.put(p.value(), assumer(candidates.get(p.value()), step));
          continue;
        }
        String why = "trust policy " + st.label();
        if (p.type() == RoleAssumer.Type.ACCOUNT && accountId.equals(p.accountId())) {
          why += ": the account itself, so any of its principals whose policies allow " + ASSUME;
        } else if ((p.type() == RoleAssumer.Type.USER || p.type() == RoleAssumer.Type.ROLE)
            && accountId.equals(p.accountId())) {
          why +=
              candidates.containsKey(p.value())
                  ? ", but an explicit Deny, a condition or its permissions boundary stops it"
                  : ", but the dump holds no such principal (deleted, or not captured)";
        } else if ((p.type() == RoleAssumer.Type.USER || p.type() == RoleAssumer.Type.ROLE)
            && p.accountId() == null) {
          why += ": a unique id, left after its principal was deleted";
        }
        out.put(p.value(), new RoleAssumer(p.type(), p.value(), null, st.conditionText(), why));
      }
    }
    for (Map.Entry<String, Step> e : steps.entrySet()) {
      out.putIfAbsent(e.getKey(), assumer(candidates.get(e.getKey()), e.getValue()));
    }
    return List.copyOf(out.values());
  }

  private static RoleAssumer assumer(Candidate c, Step s) {
    List<String> conditions = new ArrayList<>(s.conditions());
    if (s.qualifier() != PolicyEvaluator.Qualifier.UNCONDITIONAL) {
      conditions.add(s.qualifier().text);
    }
    return new RoleAssumer(c.type(), c.arn(), c.id(), conditions, String.join("; ", s.evidence()));
  }

  /**
   * One principal's own answers to sts:AssumeRole on a role. When every statement that reaches the
   * action names {@code *} as its resource, the answer is the same for every role (conditions do
   * not look at the resource here): it is worked out once, not once per role.
   */
  private static final class Answers {
    private final IamPrincipal who;
    private final boolean mayAsk;
    private final boolean uniform;
    private final Map<String, Tri[]> allowed = new HashMap<>();
    private final Map<String, Tri[]> denied = new HashMap<>();
    private final Map<String, List<String>> evidence = new HashMap<>();

    Answers(IamPrincipal who) {
      this.who = who;
      this.mayAsk = asksToAssume(who);
      List<IamPolicy> all = new ArrayList<>(who.policies());
      who.boundary().ifPresent(all::add);
      this.uniform =
          all.stream()
              .flatMap(p -> p.statements().stream())
              .filter(RoleReach::reachesAssume)
              .allMatch(st -> !st.notResource() && st.resources().equals(List.of("*")));
    }

    private String key(String roleArn) {
      return uniform ? "*" : roleArn;
    }

    Tri allowed(String roleArn, boolean mfa) {
      Tri[] both =
          allowed.computeIfAbsent(
              key(roleArn),
              k ->
                  new Tri[] {
                    PolicyEvaluator.decide(who, ASSUME, roleArn, false, false),
                    PolicyEvaluator.decide(who, ASSUME, roleArn, false, true)
                  });
      return both[mfa ? 1 : 0];
    }

    Tri denied(String roleArn, boolean mfa) {
      Tri[] both =
          denied.computeIfAbsent(
              key(roleArn),
              k ->
                  new Tri[] {
                    PolicyEvaluator.denied(who, ASSUME, roleArn, false),
                    PolicyEvaluator.denied(who, ASSUME, roleArn, true)
                  });
      return both[mfa ? 1 : 0];
    }

    List<String> evidence(String roleArn) {
      return evidence.computeIfAbsent(
          key(roleArn),
          k ->
              PolicyEvaluator.access(who, ASSUME, roleArn, false)
                  .map(a -> a.statements().stream().map(IamStatement::evidence).toList())
                  .orElse(List.of()));
    }
  }

  /** Whether a statement's actions reach sts:AssumeRole. */
  private static boolean reachesAssume(IamStatement s) {
    return s.notAction()
        ? s.actions().stream().noneMatch(a -> Globs.covers(a, ASSUME, true))
        : s.actions().stream().anyMatch(a -> Globs.overlaps(a, ASSUME, true));
  }

  /** Whether any Allow of the principal's policies can reach sts:AssumeRole at all. */
  private static boolean asksToAssume(IamPrincipal who) {
    return who.policies().stream()
        .flatMap(p -> p.statements().stream())
        .anyMatch(st -> st.allow() && reachesAssume(st));
  }

  private static Optional<Step> step(String accountId, Candidate c, Target role, Answers answers) {
    List<TrustPolicy.Statement> covering =
        role.trust().statements().stream().filter(st -> st.covers(c.arn(), accountId)).toList();
    if (covering.stream().noneMatch(TrustPolicy.Statement::allow)) {
      return Optional.empty();
    }
    boolean namedDirectly =
        covering.stream().anyMatch(st -> st.allow() && st.namesDirectly(c.arn()));
    if (!namedDirectly && !answers.mayAsk) {
      return Optional.empty();
    }
    Tri plain = decide(c, role, covering, false, answers);
    Tri withMfa = decide(c, role, covering, true, answers);
    Optional<PolicyEvaluator.Qualifier> qualifier = PolicyEvaluator.qualifier(plain, withMfa);
    if (qualifier.isEmpty()) {
      return Optional.empty();
    }
    Set<String> evidence = new LinkedHashSet<>();
    Set<String> conditions = new LinkedHashSet<>();
    boolean direct = false;
    for (TrustPolicy.Statement st : covering) {
      if (!st.allow()) {
        continue;
      }
      boolean byName = st.namesDirectly(c.arn());
      direct |= byName;
      evidence.add(
          "trust of "
              + role.name()
              + " "
              + st.label()
              + (byName ? " names " + c.arn() : " admits its account"));
      conditions.addAll(st.conditionText());
    }
    if (!direct) {
      evidence.addAll(answers.evidence(role.arn()));
    }
    return Optional.of(
        new Step(
            c.arn(),
            role,
            qualifier.get(),
            direct,
            List.copyOf(conditions),
            List.copyOf(evidence)));
  }

  /**
   * In one world: no Deny of the trust, and either the trust names the principal (then only an
   * explicit Deny of its own stops it, and for a role its boundary must allow too) or the trust
   * admits it otherwise and its own policies allow the request.
   */
  private static Tri decide(
      Candidate c,
      Target role,
      List<TrustPolicy.Statement> covering,
      boolean mfa,
      Answers answers) {
    Tri trustDeny = Tri.FALSE;
    Tri trustAllow = Tri.FALSE;
    Tri named = Tri.FALSE;
    for (TrustPolicy.Statement st : covering) {
      Tri holds = Conditions.holds(st.conditions(), c.principal(), mfa);
      if (!st.allow()) {
        trustDeny = trustDeny.or(holds);
      } else {
        trustAllow = trustAllow.or(holds);
        if (st.namesDirectly(c.arn())) {
          named = named.or(holds);
        }
      }
    }
    IamPrincipal who = c.principal();
    Tri byName = Tri.FALSE;
    if (named != Tri.FALSE) {
      byName = named.and(answers.denied(role.arn(), mfa).not());
      if (c.type() == RoleAssumer.Type.ROLE && who.boundary().isPresent()) {
        IamPrincipal bounded =
            new IamPrincipal(
                who.name(),
                who.accountId(),
                who.tags(),
                List.of(who.boundary().get()),
                Optional.empty(),
                who.capturedAt(),
                who.arn());
        byName = byName.and(PolicyEvaluator.decide(bounded, ASSUME, role.arn(), false, mfa));
      }
    }
    Tri byPolicy = trustAllow.and(PolicyEvaluator.decide(who, ASSUME, role.arn(), false, mfa));
    return trustDeny.not().and(byName.or(byPolicy));
  }
}
