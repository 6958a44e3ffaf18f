package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.rules.Rule;
import dev.rollcall.jobs.rules.RuleCatalogue;
import dev.rollcall.jobs.rules.RuleInfo;
import java.io.PrintWriter;
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
    description = "Prints the rule catalogue: id, default severity, family and what each finds.")
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--markdown",
      description = "Print the catalogue as the Markdown table the README carries.")
  boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(markdown ? markdownTable() : text());
    out.flush();
    return 0;
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
