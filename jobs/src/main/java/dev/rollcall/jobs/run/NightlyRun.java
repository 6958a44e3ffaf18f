package dev.rollcall.jobs.run;

import dev.rollcall.jobs.activity.CloudTrailActivity;
import dev.rollcall.jobs.config.CloudTrailConfig;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.config.CorrelationConfig;
import dev.rollcall.jobs.config.RollcallConfig;
import dev.rollcall.jobs.config.SourceConfig;
import dev.rollcall.jobs.correlate.AccountClosure;
import dev.rollcall.jobs.correlate.Correlator;
import dev.rollcall.jobs.correlate.CrowdedAddresses;
import dev.rollcall.jobs.correlate.Directory;
import dev.rollcall.jobs.correlate.HrRoster;
import dev.rollcall.jobs.correlate.LinkCandidate;
import dev.rollcall.jobs.correlate.LinkCandidates;
import dev.rollcall.jobs.correlate.MappingFile;
import dev.rollcall.jobs.correlate.MongoRoster;
import dev.rollcall.jobs.correlate.TrailAccounts;
import dev.rollcall.jobs.correlate.TrailViews;
import dev.rollcall.jobs.detect.Detector;
import dev.rollcall.jobs.ingest.LivePulls;
import dev.rollcall.jobs.ingest.PullFolder;
import dev.rollcall.jobs.ingest.SnapshotSources;
import dev.rollcall.jobs.lifecycle.ExceptionsFile;
import dev.rollcall.jobs.lifecycle.FindingState;
import dev.rollcall.jobs.lifecycle.Lifecycle;
import dev.rollcall.jobs.profile.PolicyProfile;
import dev.rollcall.jobs.profile.ProfileLoader;
import dev.rollcall.jobs.profile.RuleSettings;
import dev.rollcall.jobs.spark.SparkEngine;
import dev.rollcall.jobs.spark.SparkStart;
import dev.rollcall.jobs.store.RunRecord;
import dev.rollcall.jobs.store.StateStore;
import dev.rollcall.jobs.store.StoreFile;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.FailOn;
import dev.rollcall.model.Finding;
import dev.rollcall.model.FindingStatus;
import dev.rollcall.model.Identity;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceResult;
import dev.rollcall.reports.Control;
import dev.rollcall.reports.ReportWriter;
import dev.rollcall.reports.RunReport;
import dev.rollcall.reports.TrendPoint;
import dev.rollcall.reports.review.AccessInventory;
import dev.rollcall.reports.review.Inventory;
import dev.rollcall.reports.review.InventoryCsv;
import dev.rollcall.reports.review.InventoryRow;
import dev.rollcall.rules.TenantFacts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The nightly job: read the sources, tie accounts to people, apply the rules, remember the
 * findings, write the reports, and choose the exit code.
 */
public final class NightlyRun {
  private static final Logger LOG = LogManager.getLogger(NightlyRun.class);
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** How long a run may hold the state store before its lease lapses (a run that died). */
  private static final java.time.Duration LEASE = java.time.Duration.ofHours(6);

  /** How many runs, this one included, the trend chart of report.html covers. */
  static final int TREND_RUNS = 30;

  private final SparkStart spark;
  private final String version;
  private final LivePulls livePulls;

  /**
   * @param spark gives the Spark session; a run lets it begin starting once the configuration is
   *     known to be good (so a configuration error costs no Spark start-up), and asks for it once
   *     the sources are read
   * @param version rollcall's version, recorded with the run
   */
  public NightlyRun(SparkStart spark, String version) {
    this(spark, version, null);
  }

  /**
   * A run whose live sources are pulled by {@code livePulls} (null: with the run's environment).
   */
  public NightlyRun(SparkStart spark, String version, LivePulls livePulls) {
    this.spark = spark;
    this.version = version;
    this.livePulls = livePulls;
  }

  /**
   * Runs once. Configuration errors surface as {@link dev.rollcall.jobs.config.ConfigException}.
   */
  public RunOutcome run(RunOptions options) {
    try (StageClock stages = new StageClock()) {
      return run(options, stages);
    }
  }

  private RunOutcome run(RunOptions options, StageClock stages) {
    Instant startedAt = options.clock().instant();
    String runId = RUN_ID.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 8);
    Audit audit = audit(options, startedAt, runId, stages);
    List<SourcePull> pulls = audit.pulls();
    RollcallConfig config = options.config().config();
    Set<String> completeSources = new HashSet<>();
    for (SourcePull pull : pulls) {
      if (pull.status() == PullStatus.COMPLETE) {
        completeSources.add(pull.source());
      }
    }

    List<InventoryRow> inventory = audit.inventory().rows();
    Map<String, String> privilege = audit.inventory().privilege();
    RunReport report;
    ExitCode exit;
    List<Path> written;
    try (StateStore store =
        StateStore.open(config.store(), options.outputDir(), options.environment())) {
      LOG.info("state: {}", store.describe());
      store.acquireLease(runId, options.clock().instant(), LEASE);
      try {
        store.startRun(runId, startedAt, version, audit.profile().name());
        Map<String, FindingState> before = store.findingStates();
        Lifecycle.Night night =
            Lifecycle.advance(
                before,
                new Lifecycle.Tonight(
                    runId,
                    options.clock().instant(),
                    audit.findings(),
                    audit.sourceOfAccount(),
                    completeSources,
                    audit.exceptions(),
                    ownershipCheck(pulls, audit.profile())));
        night.notices().forEach(n -> LOG.warn("exceptions: {}", n));
        store.recordFindings(runId, before, night);
        store.recordInventory(runId, inventory);
        store.recordAccessInventory(
            runId, options.clock().instant(), inventory, privilege, audit.people());
        Map<Severity, Integer> open = night.openBySeverity();
        int fresh = (int) night.tracked().stream().filter(t -> t.status().fresh()).count();
        int resolved = night.with(FindingStatus.RESOLVED).size();
        List<TrendPoint> trend = new ArrayList<>(store.trend(TREND_RUNS - 1));
        trend.add(new TrendPoint(runId, startedAt, open, fresh, resolved));
        stages.end(
            "store",
            audit.findings().size(),
            "findings",
            " and " + StageClock.number(inventory.size()) + " inventory rows");
        exit = exitCode(pulls, night, options.failOn());
        Instant finishedAt = options.clock().instant();
        report =
            new RunReport(
                runId,
                startedAt,
                finishedAt,
                version,
                audit.profile().name(),
                config.organisation(),
                pulls,
                night.tracked(),
                audit.accounts(),
                audit.people().size(),
                options.failOn(),
                night.notices(),
                trend,
                controls(audit.profile()));
        stages.start();
        written =
            ReportWriter.write(
                report,
                new AccessInventory(inventory, privilege, audit.people()),
                options.outputDir());
        int active = report.open().size();
        stages.end("report", written.size(), "files", " of " + active + " findings");
        store.finishRun(
            new RunRecord(
                runId,
                startedAt,
                finishedAt,
                version,
                audit.profile().name(),
                pulls,
                active,
                fresh,
                resolved,
                exit.code(),
                open));
      } finally {
        store.releaseLease(runId);
      }
    }
    if (config.store().uri() == null) {
      StoreFile.in(options.outputDir()).keepCopyAfter(runId);
    }
    return new RunOutcome(
        runId,
        exit,
        pulls,
        report.findings(),
        written,
        report.exceptionNotices(),
        stages.timings());
  }

  /**
   * Whether tonight can judge ownership: not when a source of the directory of people (the identity
   * provider) failed or came back partial, because then every account its people own would look
   * unowned and every leaver's access would look gone.
   */
  static Lifecycle.OwnershipCheck ownershipCheck(List<SourcePull> pulls, PolicyProfile profile) {
    List<String> incomplete =
        pulls.stream()
            .filter(p -> p.system().knowsPeople() && p.status() != PullStatus.COMPLETE)
            .map(p -> p.source() + " (" + p.status().name().toLowerCase(Locale.ROOT) + ")")
            .toList();
    if (incomplete.isEmpty()) {
      return Lifecycle.OwnershipCheck.COMPLETE;
    }
    Set<String> rules = new HashSet<>();
    profile.rules().stream()
        .filter(r -> r.rule().info().judgesOwnership())
        .forEach(r -> rules.add(r.rule().info().id()));
    String because =
        "the directory of people was not fully read ("
            + String.join(", ", incomplete)
            + "), so ownership could not be re-checked";
    LOG.warn("ownership: {}; findings of {} are kept as they were", because, rules);
    return new Lifecycle.OwnershipCheck(rules, because);
  }

  /**
   * A failed or partial source wins over findings: the scheduler must hear that the roll is not
   * whole. Otherwise findings at or above {@code --fail-on} that no exception covers.
   */
  /**
   * The profile's clauses as controls, in the order the catalogue first cites them, each with the
   * rules that cite it (switched on, and off).
   */
  static List<Control> controls(PolicyProfile profile) {
    Map<PolicyClause, List<String>> on = new LinkedHashMap<>();
    Map<PolicyClause, List<String>> off = new LinkedHashMap<>();
    for (RuleSettings<?> rule : profile.rules()) {
      for (PolicyClause clause : rule.clauses()) {
        on.computeIfAbsent(clause, c -> new ArrayList<>());
        off.computeIfAbsent(clause, c -> new ArrayList<>());
        (rule.enabled() ? on : off).get(clause).add(rule.id());
      }
    }
    List<Control> controls = new ArrayList<>();
    on.forEach((clause, rules) -> controls.add(new Control(clause, rules, off.get(clause))));
    return controls;
  }

  private static ExitCode exitCode(List<SourcePull> pulls, Lifecycle.Night night, FailOn failOn) {
    if (pulls.stream().anyMatch(p -> p.status() != PullStatus.COMPLETE)) {
      return ExitCode.SOURCE_FAILED;
    }
    return night.tracked().stream()
            .anyMatch(t -> t.status().active() && failOn.failsOn(t.finding().severity()))
        ? ExitCode.FINDINGS
        : ExitCode.OK;
  }

  /**
   * Explains how rollcall sees the accounts that match {@code query} (an account id, a sign-in name
   * or a native id, without regard to case): every ownership claim and what it matched, the owners
   * that won, and the findings. Reads the sources like a run, then correlates and judges only the
   * accounts those explanations depend on (see {@link AccountClosure}); stores and writes nothing.
   * A query that matches nothing is answered once the sources are read, without starting Spark
   * (unless CloudTrail is configured: the trail, which Spark reads, can add federated roles).
   */
  public List<Explanation> explain(RunOptions options, String query) {
    try (StageClock stages = new StageClock()) {
      return explain(
          options,
          inputs(options, options.clock().instant(), "explain", stages, false),
          query,
          stages);
    }
  }

  /** {@link #explain(RunOptions, String)} on inputs already read (tests read them once). */
  List<Explanation> explain(RunOptions options, Inputs read, String query, StageClock stages) {
    boolean trails = !options.config().config().activity().cloudtrail().isEmpty();
    if (!trails && matching(read.accounts(), query).isEmpty()) {
      LOG.info("explain: no account matches '{}'; nothing correlated", query);
      return List.of();
    }
    SparkEngine spark = session(read.accounts().size(), stages);
    Inputs in = withTrails(spark, options.config(), options.clock().instant(), read, stages);
    List<Account> wanted = matching(in.accounts(), query);
    if (wanted.isEmpty()) {
      LOG.info("explain: no account matches '{}'; nothing correlated", query);
      return List.of();
    }
    List<Account> scope = new AccountClosure(in.accounts(), in.directory(), in.claims()).of(wanted);
    LOG.info(
        "explain: {} account(s) match '{}'; their explanations depend on {} of {} accounts",
        wanted.size(),
        query,
        scope.size(),
        in.accounts().size());
    Judged judged = judge(spark.scaledTo(scope.size()), in, scope, stages);
    stages.end("detect", judged.findings().size(), "findings", " on " + scope.size() + " accounts");
    String wantedQuery = query;
    List<AccountView> matched =
        judged.views().stream().filter(v -> matches(v.account(), wantedQuery)).toList();
    return explanations(matched, in, judged.findings());
  }

  /**
   * The explanation of every account from one whole run's audit: what {@link #explain(RunOptions,
   * String)} must give for each of them (tests compare the two).
   */
  List<Explanation> explainEvery(RunOptions options) {
    Read read;
    try (StageClock stages = new StageClock()) {
      read = judged(options, options.clock().instant(), "explain", stages);
    }
    return explanations(read.judged().views(), read.inputs(), read.judged().findings());
  }

  /** Reads the inputs of an explanation once, for tests that explain many accounts. */
  Inputs inputs(RunOptions options) {
    try (StageClock stages = new StageClock()) {
      return inputs(options, options.clock().instant(), "explain", stages, false);
    }
  }

  private static List<Account> matching(List<Account> accounts, String query) {
    return accounts.stream().filter(a -> matches(a, query)).toList();
  }

  /** Whether the account's id, sign-in name or native id is the query, without regard to case. */
  private static boolean matches(Account account, String query) {
    String wanted = query.strip().toLowerCase(Locale.ROOT);
    return account.id().toLowerCase(Locale.ROOT).equals(wanted)
        || account.name().toLowerCase(Locale.ROOT).equals(wanted)
        || account.key().nativeId().toLowerCase(Locale.ROOT).equals(wanted);
  }

  private static List<Explanation> explanations(
      List<AccountView> views, Inputs in, List<Finding> findings) {
    List<Explanation> explanations = new ArrayList<>();
    for (AccountView view :
        views.stream().sorted(java.util.Comparator.comparing(v -> v.account().id())).toList()) {
      List<Explanation.Claim> claims = new ArrayList<>();
      for (LinkCandidate c : in.claims().of(view.account())) {
        claims.add(
            new Explanation.Claim(
                c.rule(), c.address(), c.evidence(), in.directory().people(c.address())));
      }
      explanations.add(
          new Explanation(
              view,
              in.sourceOfAccount().getOrDefault(view.account().key(), ""),
              claims,
              findings.stream().filter(f -> f.account().equals(view.account().key())).toList()));
    }
    return explanations;
  }

  /**
   * The access inventory of a run: its rows, in the inventory's order, and each account's highest
   * privilege (for inventory.csv), by account id.
   */
  record AuditInventory(List<InventoryRow> rows, Map<String, String> privilege) {
    /** The inventory of {@code views}, each row flagged with the rules that found its account. */
    static AuditInventory of(List<AccountView> views, List<Finding> findings) {
      List<List<InventoryRow>> byAccount = Inventory.rowsByAccount(views, findings);
      Map<String, String> privilege = new HashMap<>(views.size() * 4 / 3 + 1);
      List<InventoryRow> unsorted = new ArrayList<>(views.size());
      for (int i = 0; i < views.size(); i++) {
        List<InventoryRow> rows = byAccount.get(i);
        // Every account has a row; its id is the one the rows hold, not another copy.
        privilege.put(rows.get(0).accountId(), InventoryCsv.privilegeOf(views.get(i).account()));
        unsorted.addAll(rows);
      }
      return new AuditInventory(Inventory.sorted(unsorted), privilege);
    }
  }

  /**
   * What the sources gave, checked, before Spark starts; with the trail's activity once {@link
   * #withTrails} has read it.
   *
   * @param profile the policy profile
   * @param exceptions the accepted risks
   * @param results each source's result
   * @param pulls how each source went
   * @param accounts every account read
   * @param people the directory of people
   * @param directory the people each address names, as correlation matches them
   * @param sourceOfAccount the source of each account
   * @param claims how accounts claim owners
   * @param trail the trail activity of each account id that has some
   */
  record Inputs(
      PolicyProfile profile,
      ExceptionsFile exceptions,
      List<SourceResult> results,
      List<SourcePull> pulls,
      List<Account> accounts,
      List<Identity> people,
      Directory directory,
      Map<AccountKey, String> sourceOfAccount,
      LinkCandidates claims,
      Map<String, List<PrincipalActivity>> trail) {
    Inputs {
      results = List.copyOf(results);
      pulls = List.copyOf(pulls);
      accounts = List.copyOf(accounts);
      people = List.copyOf(people);
      // Not copied: a million entries at a million accounts.
      sourceOfAccount = java.util.Collections.unmodifiableMap(sourceOfAccount);
      trail = Map.copyOf(trail);
    }
  }

  /**
   * What a run finds, before anything is stored or reported: every input checked, every source read
   * or pulled, accounts tied to people and every rule applied. It keeps what the store and the
   * reports read, not the accounts nor their views: at a million accounts they are gigabytes of
   * heap the store and report stages need.
   *
   * @param profile the policy profile
   * @param exceptions the accepted risks
   * @param pulls what each source gave
   * @param people the directory of people
   * @param sourceOfAccount the source each account (and tenant) came from
   * @param accounts how many accounts were audited
   * @param inventory the access inventory of the accounts' views
   * @param findings every finding, in report order
   */
  record Audit(
      PolicyProfile profile,
      ExceptionsFile exceptions,
      List<SourcePull> pulls,
      List<Identity> people,
      Map<AccountKey, String> sourceOfAccount,
      int accounts,
      AuditInventory inventory,
      List<Finding> findings) {}

  /** The inputs as the judging read them, with what it found. */
  private record Read(Inputs inputs, Judged judged) {}

  /** Accounts' views and the findings of the subject rules. */
  private record Judged(List<AccountView> views, List<Finding> findings) {}

  private Audit audit(RunOptions options, Instant startedAt, String runId, StageClock stages) {
    Read read = judged(options, startedAt, runId, stages);
    Inputs in = read.inputs();
    Judged judged = read.judged();
    List<Finding> findings = new ArrayList<>(judged.findings());
    List<TenantFacts> tenants = new ArrayList<>();
    for (SourceResult result : in.results()) {
      if (result.pull().status() != PullStatus.FAILED) {
        tenants.add(
            new TenantFacts(result.settings(), result.accounts(), result.pull().observedAt()));
      }
    }
    findings.addAll(Detector.detectTenants(tenants, in.profile()));
    findings.sort(Detector.REPORT_ORDER);
    stages.end("detect", findings.size(), "findings", " on " + tenants.size() + " tenants");
    // The store stage begins with the inventory: the views' last use, so that they and the
    // accounts are gone before anything is stored.
    stages.start();
    AuditInventory inventory = AuditInventory.of(judged.views(), findings);
    return new Audit(
        in.profile(),
        in.exceptions(),
        in.pulls(),
        in.people(),
        in.sourceOfAccount(),
        in.accounts().size(),
        inventory,
        findings);
  }

  /** Reads every source, starts Spark, reads the trails and judges every account. */
  private Read judged(RunOptions options, Instant startedAt, String runId, StageClock stages) {
    Inputs read = inputs(options, startedAt, runId, stages, true);
    SparkEngine spark = session(read.accounts().size(), stages);
    Inputs in = withTrails(spark, options.config(), startedAt, read, stages);
    return new Read(in, judge(spark, in, in.accounts(), stages));
  }

  /**
   * Checks every input and reads every source: the load stage. With {@code startSpark}, Spark
   * begins starting once the inputs are checked, while the sources are read.
   */
  private Inputs inputs(
      RunOptions options, Instant startedAt, String runId, StageClock stages, boolean startSpark) {
    ConfigLoader.Loaded loaded = options.config();
    RollcallConfig config = loaded.config();
    // Everything that can be wrong with the inputs is checked before anything is written.
    PolicyProfile profile = ProfileLoader.load(config.profile(), loaded.baseDir());
    CorrelationConfig correlation = config.correlation();
    MappingFile mapping =
        correlation.mapping() == null
            ? MappingFile.empty()
            : MappingFile.read(loaded.resolve(correlation.mapping()));
    LOG.info(
        "run {}: profile {} ({} of {} rules on)",
        runId,
        profile.name(),
        profile.enabledRules().size(),
        profile.rules().size());

    HrRoster roster =
        correlation.rosterMongodb() != null
            ? MongoRoster.read(correlation.rosterMongodb(), options.environment())
            : correlation.roster() == null
                ? HrRoster.none()
                : HrRoster.read(loaded.resolve(correlation.roster()));
    ExceptionsFile exceptions =
        config.exceptions() == null
            ? ExceptionsFile.none()
            : ExceptionsFile.read(
                loaded.resolve(config.exceptions()),
                LocalDate.ofInstant(startedAt, ZoneOffset.UTC),
                profile.exceptionMaxDays());
    LivePulls.check(config.sources());
    if (startSpark) {
      spark.begin();
    }
    stages.start();
    List<SourceResult> results = readSources(options, startedAt);
    List<Account> accounts = new ArrayList<>();
    List<Identity> people = new ArrayList<>();
    Map<AccountKey, String> sourceOfAccount = new HashMap<>();
    List<SourcePull> pulls = new ArrayList<>();
    for (SourceResult result : results) {
      pulls.add(result.pull());
      accounts.addAll(result.accounts());
      people.addAll(result.people());
      result.accounts().forEach(a -> sourceOfAccount.put(a.key(), result.pull().source()));
    }

    people = roster.merge(people, startedAt);
    Directory directory = Directory.of(people, correlation.maxPeoplePerAddress());
    pulls = CrowdedAddresses.report(pulls, directory, correlation.maxPeoplePerAddress());
    // Findings about a tenant itself carry its key: their source, beside the accounts'.
    for (SourceResult result : results) {
      if (result.pull().status() != PullStatus.FAILED) {
        sourceOfAccount.put(
            new AccountKey(
                result.settings().system(), result.settings().tenant(), TenantFacts.TENANT_ID),
            result.pull().source());
      }
    }
    stages.end(
        "load",
        accounts.size(),
        "accounts",
        " and " + StageClock.number(people.size()) + " people from " + results.size() + " sources");
    return new Inputs(
        profile,
        exceptions,
        results,
        pulls,
        accounts,
        people,
        directory,
        sourceOfAccount,
        new LinkCandidates(mapping, correlation.ownerTags(), config.domains()),
        Map.of());
  }

  /** Starts Spark (the spark stage), its shuffle partitions sized to {@code accounts}. */
  private SparkEngine session(long accounts, StageClock stages) {
    SparkEngine spark = this.spark.get().scaledTo(accounts);
    stages.end(
        "spark",
        1,
        "session",
        " ready (" + spark.master() + ", " + spark.shufflePartitions() + " shuffle partitions)");
    return spark;
  }

  /** The inputs with the configured trails read and applied (the activity stage), if any. */
  private static Inputs withTrails(
      SparkEngine spark, ConfigLoader.Loaded loaded, Instant now, Inputs in, StageClock stages) {
    List<CloudTrailConfig> trails = loaded.config().activity().cloudtrail();
    if (trails.isEmpty()) {
      return in;
    }
    List<Account> accounts = new ArrayList<>(in.accounts());
    List<SourcePull> pulls = new ArrayList<>(in.pulls());
    Map<AccountKey, String> sourceOfAccount = new HashMap<>(in.sourceOfAccount());
    Map<String, List<PrincipalActivity>> trail =
        readTrails(spark, loaded, now, accounts, pulls, sourceOfAccount);
    stages.end(
        "activity",
        trail.size(),
        "accounts",
        " with CloudTrail activity from " + trails.size() + " trails");
    return new Inputs(
        in.profile(),
        in.exceptions(),
        in.results(),
        pulls,
        accounts,
        in.people(),
        in.directory(),
        sourceOfAccount,
        in.claims(),
        trail);
  }

  /**
   * Correlates {@code accounts} (the correlate stage) and applies the subject rules to them: the
   * one code path of a run and of explain, which gives it fewer accounts.
   */
  private static Judged judge(
      SparkEngine spark, Inputs in, List<Account> accounts, StageClock stages) {
    List<AccountView> views =
        TrailViews.attach(Correlator.correlate(accounts, in.directory(), in.claims()), in.trail());
    long owned = views.stream().filter(v -> !v.owners().isEmpty()).count();
    stages.end(
        "correlate",
        accounts.size(),
        "accounts",
        ", " + StageClock.number(owned) + " of them owned by someone");
    return new Judged(views, Detector.detect(spark, Correlator.subjects(views), in.profile()));
  }

  /**
   * Reads the configured CloudTrail trails, if any: adds their pulls, ties their activity to the
   * accounts (updating last use, adding the federated roles) and returns it by account id.
   */
  private static Map<String, List<PrincipalActivity>> readTrails(
      SparkEngine spark,
      ConfigLoader.Loaded loaded,
      Instant now,
      List<Account> accounts,
      List<SourcePull> pulls,
      Map<AccountKey, String> sourceOfAccount) {
    List<CloudTrailConfig> trails = loaded.config().activity().cloudtrail();
    if (trails.isEmpty()) {
      return Map.of();
    }
    CloudTrailActivity.Result read =
        CloudTrailActivity.read(
            spark.sql(),
            trails,
            path ->
                CloudTrailConfig.scheme(path) != null
                    ? path
                    : loaded.resolve(path).toUri().toString(),
            now);
    pulls.addAll(read.pulls());
    TrailAccounts.Applied applied = TrailAccounts.apply(accounts, read.principals(), now);
    String trailSource = CloudTrailActivity.Result.sourceName(trails.get(0));
    for (Account account : applied.accounts()) {
      sourceOfAccount.putIfAbsent(account.key(), trailSource);
    }
    accounts.clear();
    accounts.addAll(applied.accounts());
    return applied.activity();
  }

  private List<SourceResult> readSources(RunOptions options, Instant now) {
    ConfigLoader.Loaded loaded = options.config();
    List<SourceResult> results = new ArrayList<>();
    SnapshotSources snapshots = new SnapshotSources();
    List<SourceConfig> live = new ArrayList<>();
    for (SourceConfig source : loaded.config().sources()) {
      if (source.live()) {
        live.add(source);
      } else {
        results.addAll(snapshots.read(loaded.resolve(source.path()), now, source.links()));
      }
    }
    if (live.isEmpty()) {
      return results;
    }
    PullFolder folder = PullFolder.open(options.saveSnapshot(), options.outputDir());
    try {
      LivePulls pulls = livePulls != null ? livePulls : new LivePulls(options.environment());
      for (LivePulls.Pulled pulled : pulls.pull(live, folder.root())) {
        results.add(
            snapshots.readPulled(
                pulled.folder(), folder.root().resolve(pulled.folder()), pulled.tenant(), now));
      }
    } finally {
      folder.close();
    }
    return results;
  }
}
