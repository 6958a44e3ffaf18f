package dev.rollcall.jobs.detect;

import dev.rollcall.jobs.profile.PolicyProfile;
import dev.rollcall.jobs.profile.RuleSettings;
import dev.rollcall.jobs.spark.SparkEngine;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Subject;
import dev.rollcall.reports.RunReport;
import dev.rollcall.rules.Rule;
import dev.rollcall.rules.TenantFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Applies the profile's enabled rules to every subject on Spark, each subject once with every rule.
 * A shared account is seen once per owner, so the collected findings are reduced to one per
 * fingerprint (the same one whatever the order).
 */
public final class Detector {
  /**
   * The order findings are reported in (the reports' own, so that rendering them sorts nothing
   * anew): most severe first, then by rule and account.
   */
  public static final Comparator<Finding> REPORT_ORDER = RunReport.REPORT_ORDER;

  /**
   * Which of one fingerprint's findings is kept: a shared account is judged once per owner, and
   * what a person rule says of it can differ between its owners' subjects. Chosen by content, not
   * by the order Spark happens to deliver them in, so that every night and every {@code rollcall
   * explain} (which judges fewer subjects) keeps the same one.
   */
  private static final Comparator<Finding> KEPT =
      Comparator.comparing(Finding::summary)
          .thenComparing(f -> f.evidence().toString())
          .thenComparing(Finding::remediation)
          .thenComparing(Finding::severity)
          .thenComparing(f -> f.personIds().toString());

  private Detector() {}

  /** Accounts per slice of the subjects' RDD, each slice shipped with its own task. */
  public static final int SLICE = 20_000;

  /**
   * Every finding of every enabled rule, one per fingerprint, in report order. The subjects are the
   * driver's (see {@link dev.rollcall.jobs.correlate.Correlator}): they go to the executors once,
   * in slices of about {@value #SLICE} accounts, each shipped with its own task, and only the
   * findings come back.
   */
  public static List<Finding> detect(
      SparkEngine spark, List<Subject> subjects, PolicyProfile profile) {
    return detect(spark, subjects, profile, SLICE);
  }

  /** {@link #detect(SparkEngine, List, PolicyProfile)} in slices of {@code accountsPerSlice}. */
  public static List<Finding> detect(
      SparkEngine spark, List<Subject> subjects, PolicyProfile profile, int accountsPerSlice) {
    JavaSparkContext context = spark.context();
    long accounts = 0;
    for (Subject subject : subjects) {
      accounts += subject.accounts().size();
    }
    return detect(
        context.parallelize(
            subjects,
            slices(subjects.size(), accounts, accountsPerSlice, context.defaultParallelism())),
        profile);
  }

  /**
   * How many slices {@code subjects} subjects of {@code accounts} accounts go in: one per {@code
   * accountsPerSlice} accounts, at least one per core ({@code parallelism}), at most one per
   * subject, and at least one.
   */
  static int slices(int subjects, long accounts, int accountsPerSlice, int parallelism) {
    long wanted = Math.max(parallelism, (accounts + accountsPerSlice - 1) / accountsPerSlice);
    return (int) Math.max(1, Math.min(subjects, wanted));
  }

  private static List<Finding> detect(JavaRDD<Subject> subjects, PolicyProfile profile) {
    List<ConfiguredRule<?>> rules = configured(profile, true);
    // An account in several subjects (shared by two people) is judged in each: one finding per
    // fingerprint is kept (KEPT). The findings are few beside the subjects, so they are made
    // unique where they are collected, without a shuffle.
    Map<String, Finding> unique = new HashMap<>();
    for (Finding f :
        subjects.flatMap((FlatMapFunction<Subject, Finding>) s -> evaluate(rules, s)).collect()) {
      unique.merge(f.fingerprint(), f, (a, b) -> KEPT.compare(a, b) <= 0 ? a : b);
    }
    List<Finding> result = new ArrayList<>(unique.values());
    result.sort(REPORT_ORDER);
    return result;
  }

  /** Runs the tenant rules on each tenant (a few per source, so on the driver), in report order. */
  public static List<Finding> detectTenants(List<TenantFacts> tenants, PolicyProfile profile) {
    List<Finding> result = new ArrayList<>();
    for (TenantFacts tenant : tenants) {
      for (ConfiguredRule<?> rule : configured(profile, false)) {
        result.addAll(rule.evaluate(tenant));
      }
    }
    result.sort(REPORT_ORDER);
    return result;
  }

  /** The enabled rules that judge subjects (or, with {@code subjects} false, tenants). */
  private static List<ConfiguredRule<?>> configured(PolicyProfile profile, boolean subjects) {
    List<ConfiguredRule<?>> rules = new ArrayList<>();
    for (RuleSettings<?> rule : profile.enabledRules()) {
      if ((rule.rule().scope() != Rule.Scope.TENANT) == subjects) {
        rules.add(new ConfiguredRule<>(rule));
      }
    }
    return rules;
  }

  private static Iterator<Finding> evaluate(List<ConfiguredRule<?>> rules, Subject subject) {
    List<Finding> out = new ArrayList<>();
    for (ConfiguredRule<?> rule : rules) {
      out.addAll(rule.evaluate(subject));
    }
    return out.iterator();
  }
}
