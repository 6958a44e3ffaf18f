package dev.rollcall.jobs.detect;

import dev.rollcall.jobs.profile.PolicyProfile;
import dev.rollcall.jobs.profile.RuleSettings;
import dev.rollcall.jobs.spark.CompactKryo;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Subject;
import dev.rollcall.reports.RunReport;
import dev.rollcall.rules.Rule;
import dev.rollcall.rules.TenantFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import scala.Tuple2;

/**
 * Applies the profile's enabled rules to every subject on Spark. A shared account is seen once per
 * owner, so findings are reduced to one per fingerprint (the same one whatever the order) before
 * they are collected.
 */
public final class Detector {
  private static final Encoder<Finding> FINDING = CompactKryo.encoder(Finding.class);

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

  /** Every finding of every enabled rule, one per fingerprint, in report order. */
  public static List<Finding> detect(Dataset<Subject> subjects, PolicyProfile profile) {
    List<ConfiguredRule<?>> rules = configured(profile, true);
    Dataset<Finding> findings =
        subjects.flatMap((FlatMapFunction<Subject, Finding>) s -> evaluate(rules, s), FINDING);
    List<Tuple2<String, Finding>> unique =
        findings
            .groupByKey((MapFunction<Finding, String>) Finding::fingerprint, Encoders.STRING())
            .reduceGroups((ReduceFunction<Finding>) (a, b) -> KEPT.compare(a, b) <= 0 ? a : b)
            .collectAsList();
    List<Finding> result = new ArrayList<>(unique.size());
    unique.forEach(t -> result.add(t._2()));
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
