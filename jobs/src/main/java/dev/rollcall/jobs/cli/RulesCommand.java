package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.profile.PolicyProfile;
import dev.rollcall.jobs.profile.ProfileLoader;
import dev.rollcall.jobs.profile.RuleSettings;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.rules.NoSettings;
import dev.rollcall.rules.Rule;
import dev.rollcall.rules.RuleCatalogue;
import dev.rollcall.rules.RuleInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollcall rules}: the rule catalogue, from the rules' own metadata. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the rule catalogue: id, default severity, family and what each finds; with"
          + " --profile, whether each rule is on, its severity, thresholds and the clauses it"
          + " cites under that profile."
    })
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--markdown",
      description = "Print the catalogue as the Markdown table the README carries.")
  boolean markdown;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description =
          "default, a bundled profile's name, or a profile file: print the catalogue with that"
              + " profile's settings.")
  String profile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (profile != null) {
      out.print(withProfile(ProfileLoader.load(profile, Path.of("").toAbsolutePath())));
    } else {
      out.print(markdown ? markdownTable() : text());
    }
    out.flush();
    return 0;
  }

  /** The catalogue as a profile sets it: on or off, severity, thresholds, clauses. */
  static String withProfile(PolicyProfile profile) {
    StringBuilder b =
        new StringBuilder("profile ")
            .append(profile.name())
            .append(" (")
            .append(profile.source())
            .append(")\n\n");
    for (RuleSettings<?> rule : profile.rules()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-40s %-3s %-8s %s%n",
              rule.id(),
              rule.enabled() ? "on" : "off",
              lower(rule.severity().name()),
              thresholds(rule.settings())));
      for (PolicyClause clause : rule.clauses()) {
        b.append("    ").append(clause.reference()).append('\n');
      }
    }
    return b.toString();
  }

  private static String thresholds(Object settings) {
    if (settings instanceof NoSettings) {
      return "";
    }
    String text = settings.toString();
    int open = text.indexOf('[');
    return open < 0 ? text : text.substring(open + 1, text.length() - 1);
  }

  static String text() {
    StringBuilder b = new StringBuilder();
    for (Rule<?> rule : RuleCatalogue.all()) {
      RuleInfo info = rule.info();
      b.append(
          String.format(
              Locale.ROOT,
              "%-30s %-8s %-9s %s%n    %s%n%n",
              info.id(),
              lower(info.severity().name()),
              lower(info.family().name()),
              info.title(),
              info.explanation()));
    }
    return b.toString();
  }

  /** The README's rule table; a test keeps the README equal to it. */
  static String markdownTable() {
    StringBuilder b = new StringBuilder();
    b.append("| rule id | default severity | family | what it finds |\n");
    b.append("| --- | --- | --- | --- |\n");
    for (Rule<?> rule : RuleCatalogue.all()) {
      RuleInfo info = rule.info();
      b.append("| `")
          .append(info.id())
          .append("` | ")
          .append(lower(info.severity().name()))
          .append(" | ")
          .append(lower(info.family().name()))
          .append(" | ")
          .append(info.summary())
          .append(" |\n");
    }
    return b.toString();
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
