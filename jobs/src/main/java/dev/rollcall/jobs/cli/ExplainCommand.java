package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.run.Explanation;
import dev.rollcall.jobs.run.NightlyRun;
import dev.rollcall.jobs.run.RunOptions;
import dev.rollcall.jobs.spark.LocalSessionStarter;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Owner;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.RoleAssumer;
import dev.rollcall.model.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rollcall explain ACCOUNT}: every link of an account to people, and why; its privilege as
 * evaluated; for a role, who can assume it.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explains one account: every ownership claim it makes (mapping row, owner tag, email,"
          + " name at a company domain, name match, a role's assumers) and whom each matched,"
          + " which owners won and why, its grants with their level and statements, who can"
          + " assume a role, and its findings. Reads the sources like a run; stores and writes"
          + " nothing."
    })
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Parameters(
      paramLabel = "ACCOUNT",
      description =
          "The account: its id (system:tenant:native id), its sign-in name or its native id.")
  String account;

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded = config.load();
    LocalSessionStarter spark = new LocalSessionStarter();
    Path scratch;
    try {
      scratch = Files.createTempDirectory("rollcall-explain-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<Explanation> found =
          new NightlyRun(spark, RollcallCommand.version())
              .explain(
                  new RunOptions(
                      loaded, Severity.HIGH, scratch, Clock.systemUTC(), System.getenv()),
                  account);
      if (found.isEmpty()) {
        throw new ConfigException(
            "no account matches '" + account + "' (give its id, sign-in name or native id)");
      }
      PrintWriter out = spec.commandLine().getOut();
      found.forEach(e -> print(out, e));
      out.flush();
      return 0;
    } finally {
      spark.stop();
      scratch.toFile().delete();
    }
  }

  static void print(PrintWriter out, Explanation e) {
    AccountView view = e.view();
    Account a = view.account();
    out.printf("%s  %s%n", a.id(), a.name());
    out.printf("  source:        %s%n", e.source());
    out.printf(
        "  kind:          %s%s%n",
        a.kind().name().toLowerCase(Locale.ROOT),
        a.kindEvidence() == null ? "" : " (" + a.kindEvidence() + ")");
    out.printf("  status:        %s%n", a.status().name().toLowerCase(Locale.ROOT));
    out.printf("  outcome:       %s%n", e.outcome());
    for (Owner owner : view.owners()) {
      out.printf(
          "  owner:         %s (%s: %s; %s)%n",
          owner.person().personId(),
          owner.rule().name().toLowerCase(Locale.ROOT),
          owner.rule().description(),
          owner.evidence());
    }
    for (Owner owner : view.probableOwners()) {
      out.printf(
          "  probable:      %s (%s; not enough on its own)%n",
          owner.person().personId(), owner.evidence());
    }
    printGrants(out, a);
    if (a.kind() == AccountKind.ROLE) {
      printAssumers(out, a);
    }
    view.trail().forEach(p -> printTrail(out, p));
    out.println("  claims, strongest rule first:");
    for (Explanation.Claim claim : e.claims()) {
      out.printf(
          "    %-24s %-45s -> %s  [%s]%n",
          claim.rule().name().toLowerCase(Locale.ROOT),
          claim.address(),
          claim.people().isEmpty() ? "nobody" : String.join(", ", claim.people()),
          claim.evidence());
    }
    if (e.findings().isEmpty()) {
      out.println("  findings:      none");
    }
    for (Finding f : e.findings()) {
      out.printf(
          "  finding:       %s %s: %s%n",
          f.severity().name().toLowerCase(Locale.ROOT), f.ruleId(), f.summary());
      for (Evidence ev : f.evidence()) {
        out.printf("                   %s: %s%n", ev.label(), ev.value());
      }
    }
    out.println();
  }

  /**
   * The evaluation of the account's privilege: every grant with its level, scope, how it is held
   * and the escalation method, and under it the statements that grant it.
   */
  static void printGrants(PrintWriter out, Account a) {
    if (a.grants().isEmpty()) {
      out.println("  grants:        none");
      return;
    }
    out.println("  grants:");
    for (Grant g : a.grants()) {
      out.printf(
          "    %s: %s on %s via %s%s%n",
          g.name(),
          g.level().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          g.scope(),
          g.via(),
          g.method() == null ? "" : " (method: " + g.method() + ")");
      for (String statement : g.statements()) {
        out.printf("      %s%n", statement);
      }
    }
  }

  /** Who the role's trust policy lets assume it, as evaluated. */
  static void printAssumers(PrintWriter out, Account a) {
    if (a.assumers().isEmpty()) {
      out.println("  can be assumed by: nobody");
      return;
    }
    out.println("  can be assumed by:");
    for (RoleAssumer r : a.assumers()) {
      out.printf("    %s%n", r.describe());
    }
  }

  /** What CloudTrail showed of the account's use. */
  static void printTrail(PrintWriter out, PrincipalActivity p) {
    out.printf(
        "  cloudtrail:    %s %s%n",
        p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), p.name());
    out.printf(
        "    last console sign-in: %s%n",
        p.lastConsoleLogin() == null
            ? "none in the trail read"
            : p.lastConsoleLogin()
                + (p.lastConsoleLoginIp() == null ? "" : " from " + p.lastConsoleLoginIp())
                + " (MFAUsed: "
                + (p.lastConsoleLoginMfa() == null ? "not recorded" : p.lastConsoleLoginMfa())
                + "; "
                + p.consoleLoginsWithoutMfa()
                + " without and "
                + p.consoleLoginsWithMfa()
                + " with MFA)");
    out.printf(
        "    last API call:        %s%n",
        p.lastApiCall() == null
            ? "none in the trail read"
            : p.lastApiCall() + " (" + p.lastApiEvent() + ")");
    for (PrincipalActivity.SessionUser u : p.sessionUsers()) {
      out.printf(
          "    session of:           %s, last %s (%d event(s))%n",
          u.sessionName(), u.lastUse(), u.events());
    }
    p.busiestDay().ifPresent(d -> out.printf("    busiest day:          %s%n", d.describe()));
    out.printf("    overlapping sessions: %d pair(s) from different IPs%n", p.overlapCount());
  }
}
