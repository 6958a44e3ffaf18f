package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.CAPTURED;
import static dev.rollcall.rules.Fixtures.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.Owner;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.RoleAssumer;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import dev.rollcall.model.TenantSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fix that shows a command, built from source data that holds shell syntax, pasted into a
 * real bash: each value reaches its command as exactly one argument, identical to the data, and
 * nothing else runs (issue 20). Each fix is built twice, from plain placeholders and from a hostile
 * value, and the commands bash reads from the second must be those of the first with the
 * placeholders replaced by the value. The prose around the commands must show each value quoted the
 * same way, and no control character at all.
 */
class FixesAreSafeToPasteTest {
  /**
   * Hostile values; {@code {dir}} is the test's own HOME, where a payload that runs leaves a file.
   */
  private static final List<String> HOSTILE =
      List.of(
          "o'brien",
          "a b",
          "$(touch {dir}/pwned-dollar)",
          "`touch {dir}/pwned-backquote`",
          "x;touch {dir}/pwned-semicolon",
          "x;rm -rf ~/victim",
          "a|touch {dir}/pwned-pipe",
          "a&&touch {dir}/pwned-and",
          "a>{dir}/pwned-redirect",
          "line1\nline2",
          "line1\naws iam delete-user --user-name bob",
          "cr\rhere",
          "tab\there",
          "\"dq\"",
          "back\\slash",
          "it's $HOME and ${HOME}",
          "*",
          "~",
          "!x",
          "zoë",
          "\u00a0",
          "zero\u200bwidth",
          "rtl\u202eoverride",
          "a'b\"c$d`e\\f;g");

  /** The source data a fix is built from. */
  record Data(String name, String tenant, String id, String person, String grant) {}

  private static final Data PLAIN =
      new Data("zz-name", "zz-tenant", "zz-id", "zz-person@example.test", "zz-grant");

  /** A fix, built from the given data. */
  record Case(String title, boolean valueInCommand, Function<Data, String> fix) {
    @Override
    public String toString() {
      return title;
    }
  }

  static Stream<Arguments> cases() {
    return allCases().stream().map(Arguments::of);
  }

  private static List<Case> allCases() {
    List<Case> cases = new ArrayList<>();
    // Remedies: taking an account away, and a second factor.
    cases.add(new Case("disable an IAM user", true, d -> Remedies.disable(awsUser(d).build())));
    cases.add(new Case("disable an IAM role", true, d -> Remedies.disable(awsRole(d).build())));
    cases.add(new Case("disable the root user", false, d -> Remedies.disable(root(d).build())));
    cases.add(
        new Case(
            "disable an Identity Center user",
            false,
            d -> Remedies.disable(account(SourceSystem.AWS_IDENTITY_CENTER, d).build())));
    cases.add(new Case("suspend a Google user", true, d -> Remedies.disable(google(d).build())));
    cases.add(
        new Case(
            "remove an Atlas organisation user",
            false,
            d -> Remedies.disable(account(SourceSystem.ATLAS_ORG, d).build())));
    cases.add(
        new Case(
            "delete an Atlas database user",
            true,
            d -> Remedies.disable(databaseUser(d, "admin/").build())));
    cases.add(
        new Case(
            "delete an Atlas database user from $external",
            true,
            d -> Remedies.disable(databaseUser(d, "$external/").build())));
    cases.add(new Case("MFA for an IAM user", false, d -> Remedies.enableMfa(awsUser(d).build())));
    cases.add(new Case("MFA for the root user", false, d -> Remedies.enableMfa(root(d).build())));
    cases.add(new Case("MFA for a Google user", false, d -> Remedies.enableMfa(google(d).build())));
    cases.add(
        new Case(
            "MFA for a database user",
            false,
            d -> Remedies.enableMfa(databaseUser(d, "admin/").build())));
    // CredentialRemedies: one credential at a time.
    Credential key = CredentialFixtures.accessKey(1, 400, 200);
    Credential password = CredentialFixtures.consolePassword(400, 200);
    Credential apiKey =
        CredentialFixtures.unknownUse(
            CredentialType.ACCESS_KEY, CredentialRemedies.ATLAS_API_KEY, 400);
    Credential secret =
        CredentialFixtures.unknownUse(CredentialType.ACCESS_KEY, "secret mdb_sa_sk_…abcd", 400);
    cases.add(
        new Case(
            "retire an IAM access key",
            true,
            d -> CredentialRemedies.retire(awsUser(d).build(), key)));
    cases.add(
        new Case(
            "retire an IAM console password",
            true,
            d -> CredentialRemedies.retire(awsUser(d).build(), password)));
    cases.add(
        new Case(
            "retire an Atlas API key",
            true,
            d -> CredentialRemedies.retire(account(SourceSystem.ATLAS_ORG, d).build(), apiKey)));
    cases.add(
        new Case(
            "retire an Atlas service account secret",
            false,
            d -> CredentialRemedies.retire(account(SourceSystem.ATLAS_ORG, d).build(), secret)));
    cases.add(
        new Case(
            "retire a Google password",
            true,
            d -> CredentialRemedies.retire(google(d).build(), password)));
    cases.add(
        new Case(
            "rotate an IAM access key",
            true,
            d -> CredentialRemedies.rotate(awsUser(d).build(), key)));
    cases.add(
        new Case(
            "rotate an Atlas service account secret",
            false,
            d -> CredentialRemedies.rotate(account(SourceSystem.ATLAS_ORG, d).build(), secret)));
    cases.add(
        new Case(
            "rotate an Atlas API key",
            true,
            d -> CredentialRemedies.rotate(account(SourceSystem.ATLAS_ORG, d).build(), apiKey)));
    cases.add(
        new Case(
            "rotate a database user's password",
            false,
            d -> CredentialRemedies.rotate(databaseUser(d, "admin/").build(), password)));
    cases.add(
        new Case(
            "keep one of two IAM access keys",
            true,
            d ->
                CredentialRemedies.keepOneKey(
                    awsUser(d).build(), List.of(key, CredentialFixtures.accessKey(2, 30, 1)))));
    cases.add(
        new Case(
            "reset an IAM password",
            true,
            d -> CredentialRemedies.resetPassword(awsUser(d).build())));
    // MfaRemedies.
    cases.add(
        new Case(
            "a stronger factor for an IAM user",
            true,
            d -> MfaRemedies.strongerFactor(awsUser(d).build())));
    for (SourceSystem system :
        List.of(
            SourceSystem.AWS_IDENTITY_CENTER,
            SourceSystem.GOOGLE_WORKSPACE,
            SourceSystem.ATLAS_ORG,
            SourceSystem.ATLAS_DATABASE)) {
      cases.add(
          new Case(
              "a stronger factor in " + system,
              false,
              d -> MfaRemedies.strongerFactor(account(system, d).build())));
    }
    cases.add(
        new Case(
            "a stronger factor for the root user",
            false,
            d -> MfaRemedies.strongerFactor(root(d).build())));
    addRuleCases(cases);
    return cases;
  }

  /** The rules that write a fix of their own around the remedies. */
  private static void addRuleCases(List<Case> cases) {
    OverPrivilegedAccount.Settings levels =
        new OverPrivilegedAccount.Settings(List.of(PrivilegeLevel.ADMIN), List.of());
    cases.add(
        new Case(
            "over-privileged IAM user",
            false,
            d ->
                accountFix(
                    new OverPrivilegedAccount(), levels, unowned(awsUser(d).grants(admin(d))))));
    cases.add(
        new Case(
            "over-privileged IAM role",
            true,
            d ->
                accountFix(
                    new OverPrivilegedAccount(), levels, unowned(awsRole(d).grants(admin(d))))));
    cases.add(
        new Case(
            "over-privileged IAM user through a role chain",
            false,
            d ->
                accountFix(
                    new OverPrivilegedAccount(),
                    levels,
                    unowned(
                        awsUser(d)
                            .grants(
                                List.of(
                                    new Grant(
                                        "AdministratorAccess",
                                        "111122223333",
                                        PrivilegeLevel.ADMIN,
                                        "assumes role " + d.grant() + " -> platform-admin")))))));
    for (SourceSystem system :
        List.of(
            SourceSystem.GOOGLE_WORKSPACE,
            SourceSystem.ATLAS_ORG,
            SourceSystem.ATLAS_DATABASE,
            SourceSystem.AWS_IDENTITY_CENTER)) {
      cases.add(
          new Case(
              "over-privileged account in " + system,
              system == SourceSystem.ATLAS_DATABASE,
              d ->
                  accountFix(
                      new OverPrivilegedAccount(),
                      levels,
                      unowned(account(system, d).kind(AccountKind.HUMAN, "x").grants(admin(d))))));
    }
    for (SourceSystem system : SourceSystem.values()) {
      cases.add(
          new Case(
              "privileged everyday account in " + system,
              system == SourceSystem.AWS_IAM || system == SourceSystem.ATLAS_DATABASE,
              d ->
                  personFix(
                      new PrivilegedEverydayAccount(),
                      new NoSettings(),
                      d,
                      account(system, d).kind(AccountKind.HUMAN, "x").grants(admin(d)))));
      cases.add(
          new Case(
              "service account used interactively in " + system,
              system == SourceSystem.AWS_IAM || system == SourceSystem.ATLAS_DATABASE,
              d ->
                  accountFix(
                      new ServiceAccountUsedInteractively(),
                      new NoSettings(),
                      unowned(
                          account(system, d)
                              .kind(AccountKind.SERVICE, "x")
                              .credentials(
                                  List.of(
                                      new Credential(
                                          CredentialType.CONSOLE_PASSWORD,
                                          "console password",
                                          true,
                                          daysAgo(300),
                                          daysAgo(2),
                                          Activity.State.USED)))))));
    }
    for (SourceSystem system :
        List.of(SourceSystem.AWS_IAM, SourceSystem.ATLAS_DATABASE, SourceSystem.GOOGLE_WORKSPACE)) {
      cases.add(new Case("a second account in " + system, true, d -> secondAccountFix(system, d)));
    }
    cases.add(
        new Case(
            "unowned IAM user",
            true,
            d -> accountFix(new UnownedAccount(), new NoSettings(), unowned(awsUser(d)))));
    cases.add(
        new Case(
            "shared IAM user",
            true,
            d -> {
              Account account = awsUser(d).build();
              AccountView view =
                  new AccountView(
                      account,
                      List.of(owner(person(d.person())), owner(person("zz-other@example.test"))),
                      List.of());
              return accountFix(new SharedAccount(), new NoSettings(), view);
            }));
    ProgrammaticAccessWithoutHardwareKey.Settings hardware =
        new ProgrammaticAccessWithoutHardwareKey.Settings(MfaFactors.HARDWARE);
    for (SourceSystem system : List.of(SourceSystem.AWS_IAM, SourceSystem.ATLAS_ORG)) {
      cases.add(
          new Case(
              "an access key without a hardware factor in " + system,
              system == SourceSystem.AWS_IAM,
              d ->
                  accountFix(
                      new ProgrammaticAccessWithoutHardwareKey(),
                      hardware,
                      unowned(
                          account(system, d)
                              .kind(AccountKind.HUMAN, "x")
                              .credentials(List.of(Fixtures.accessKey(daysAgo(1))))
                              .mfa(Mfa.notEnabled("x"))))));
    }
    cases.add(
        new Case(
            "a role anyone can assume",
            true,
            d ->
                accountFix(
                    new PermissiveRoleTrust(),
                    new NoSettings(),
                    unowned(
                        awsRole(d)
                            .assumers(List.of(Fixtures.trusts(RoleAssumer.Type.ANYONE, "*")))))));
    cases.add(
        new Case(
            "the root user with a key, used lately, without MFA",
            false,
            d ->
                accountFix(
                    new RootAccountRisk(),
                    new RootAccountRisk.Settings(true, 30),
                    unowned(
                        root(d)
                            .lastActivity(Activity.usedAt(daysAgo(1), "x"))
                            .credentials(
                                List.of(
                                    Fixtures.password(true, daysAgo(1)),
                                    Fixtures.accessKey(daysAgo(1))))
                            .mfa(Mfa.notEnabled("x"))))));
    cases.add(
        new Case(
            "a weak password policy",
            false,
            d ->
                new PasswordPolicyTooWeak()
                    .findIn(
                        tenant(SourceSystem.AWS_IAM, d, null),
                        new PasswordPolicyTooWeak.Settings(14, 4, 90, 24))
                    .orElseThrow()
                    .remediation()));
    cases.add(
        new Case(
            "an Atlas organisation without MFA",
            false,
            d ->
                new OrganisationMfaNotRequired()
                    .findIn(tenant(SourceSystem.ATLAS_ORG, d, false), new NoSettings())
                    .orElseThrow()
                    .remediation()));
    cases.add(
        new Case(
            "too many admins",
            false,
            d ->
                new TooManyAdmins()
                    .findIn(
                        new TenantFacts(
                            new TenantSettings(SourceSystem.AWS_IAM, d.tenant(), null, null),
                            List.of(
                                awsUser(d).grants(admin(d)).build(),
                                awsUser(new Data("zz-second", d.tenant(), "zz-second-id", "p", "g"))
                                    .grants(admin(d))
                                    .build()),
                            CAPTURED),
                        new TooManyAdmins.Settings(1, Map.of()))
                    .orElseThrow()
                    .remediation()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachValueIsOneArgumentAndNothingElseRuns(Case c, @TempDir Path home) throws IOException {
    String plainFix = c.fix().apply(PLAIN);
    List<String> plainCommands = commandsIn(plainFix);
    List<PastedIntoShell.Pasted> plain = PastedIntoShell.paste(plainCommands, home);
    for (PastedIntoShell.Pasted p : plain) {
      assertEquals(0, p.status(), () -> "the plain fix does not parse: " + p);
      assertEquals(1, p.calls().size(), () -> "one call per command: " + p);
    }
    if (c.valueInCommand()) {
      assertTrue(
          plain.stream()
              .flatMap(p -> p.calls().stream())
              .flatMap(List::stream)
              .anyMatch(FixesAreSafeToPasteTest::holdsPlaceholder),
          () -> "no command carries a value: " + plainFix);
    }
    List<String> failures = new ArrayList<>();
    for (String template : HOSTILE) {
      String value = template.replace("{dir}", home.toString());
      Path victim = Files.createDirectories(home.resolve("victim"));
      String fix = c.fix().apply(new Data(value, value, value, value, value));
      for (String problem : check(plainFix, plain, fix, value, home)) {
        failures.add(show(value) + ": " + problem + "\n    fix: " + show(fix));
      }
      try (Stream<Path> left = Files.list(home)) {
        List<Path> pwned =
            left.filter(p -> p.getFileName().toString().startsWith("pwned")).toList();
        if (!pwned.isEmpty() || !Files.isDirectory(victim)) {
          failures.add(
              show(value)
                  + ": the payload ran ("
                  + pwned
                  + ", victim left: "
                  + Files.isDirectory(victim)
                  + ")");
        }
        for (Path p : pwned) {
          Files.delete(p);
        }
      }
    }
    assertTrue(failures.isEmpty(), () -> c + ":\n  " + String.join("\n  ", failures));
  }

  /** What is wrong with the hostile fix: how bash reads its commands, then its prose. */
  private static List<String> check(
      String plainFix, List<PastedIntoShell.Pasted> plain, String fix, String value, Path home) {
    List<String> problems = new ArrayList<>();
    String misread = misread(plain, commandsIn(fix), value, home);
    if (misread != null) {
      problems.add(misread);
    }
    if (fix.codePoints().anyMatch(dev.rollcall.model.Text::isHidden)) {
      problems.add("a control or invisible character is shown raw");
    }
    String unquoted = unquotedMention(plainFix, fix, value);
    if (unquoted != null) {
      problems.add("the value is named unquoted: ..." + unquoted + "...");
    }
    return problems;
  }

  /** How bash reads the commands other than as the plain ones with the value, or null. */
  private static String misread(
      List<PastedIntoShell.Pasted> plain, List<String> commands, String value, Path home) {
    if (commands.size() != plain.size()) {
      return "found " + commands.size() + " commands, not " + plain.size() + ": " + commands;
    }
    List<PastedIntoShell.Pasted> pasted;
    try {
      pasted = PastedIntoShell.paste(commands, home);
    } catch (AssertionError e) {
      return e.getMessage();
    }
    Map<String, String> expected =
        Map.of(
            PLAIN.name(), value.strip(),
            PLAIN.tenant(), value.strip(),
            PLAIN.id(), value.strip(),
            PLAIN.person(), value.strip().toLowerCase(Locale.ROOT),
            PLAIN.grant(), value.strip());
    for (int i = 0; i < commands.size(); i++) {
      PastedIntoShell.Pasted p = pasted.get(i);
      List<List<String>> want =
          plain.get(i).calls().stream()
              .map(call -> call.stream().map(word -> substitute(word, expected)).toList())
              .toList();
      if (p.status() != 0 || !want.equals(p.calls())) {
        return "bash read "
            + show(p.line())
            + " as "
            + p.calls()
            + " (status "
            + p.status()
            + "), not "
            + want
            + " "
            + p.stderr();
      }
    }
    return null;
  }

  /**
   * Where the fix names the value other than as Shell quotes it: a value that single quotes keep as
   * it is must stand between two quotes, any other must not appear as it is at all (beyond where
   * the plain fix holds the same text, as {@code *} in a JSON policy).
   */
  private static String unquotedMention(String plainFix, String fix, String value) {
    boolean keptAsIs =
        !value.contains("'") && value.codePoints().noneMatch(dev.rollcall.model.Text::isHidden);
    for (String form : List.of(value, value.toLowerCase(Locale.ROOT))) {
      String rest = keptAsIs ? fix.replace("'" + form + "'", "") : fix;
      if (count(rest, form) > count(plainFix, form)) {
        int at = rest.indexOf(form);
        return rest.substring(Math.max(0, at - 30), Math.min(rest.length(), at + 30));
      }
    }
    return null;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  private static boolean holdsPlaceholder(String word) {
    return Stream.of(PLAIN.name(), PLAIN.tenant(), PLAIN.id(), PLAIN.person(), PLAIN.grant())
        .anyMatch(word::contains);
  }

  private static String substitute(String word, Map<String, String> values) {
    String out = word;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  private static final Pattern COMMAND =
      Pattern.compile("(?<![\\w:@/.'$-])(aws|gam|atlas|curl|mongosh) ");

  /**
   * The commands in a fix's text: each runs from {@code aws}, {@code gam}, {@code atlas}, {@code
   * curl} or {@code mongosh} to the first of {@code ; } {@code , } {@code : } {@code . } {@code (}
   * {@code )} {@code /} or a backquote outside quotes and {@code $(...)}, or to the end; as a
   * reader copies them.
   */
  static List<String> commandsIn(String fix) {
    List<String> commands = new ArrayList<>();
    Matcher start = COMMAND.matcher(fix);
    int from = 0;
    while (start.find(from)) {
      int end = endOfCommand(fix, start.start());
      commands.add(fix.substring(start.start(), end));
      from = end;
    }
    return commands;
  }

  private static int endOfCommand(String text, int start) {
    int n = text.length();
    int depth = 0;
    int i = start;
    while (i < n) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : 0;
      if (c == '\\') {
        i += 2;
      } else if (c == '\'') {
        int close = text.indexOf('\'', i + 1);
        i = close < 0 ? n : close + 1;
      } else if (c == '$' && next == '\'') {
        i = skipEscaped(text, i + 2, '\'');
      } else if (c == '"') {
        i = skipEscaped(text, i + 1, '"');
      } else if (c == '$' && next == '(') {
        depth++;
        i += 2;
      } else if (depth > 0) {
        depth -= c == ')' ? 1 : 0;
        i++;
      } else if (c == ')' || c == '`') {
        return i;
      } else if (ends(text, i)) {
        return i;
      } else {
        i++;
      }
    }
    return Math.min(i, n);
  }

  /** Whether prose starts at {@code i}: punctuation followed by a space or the end. */
  private static boolean ends(String text, int i) {
    char c = text.charAt(i);
    boolean last = i + 1 == text.length();
    boolean spaced = !last && text.charAt(i + 1) == ' ';
    return (";,:.".indexOf(c) >= 0 && (last || spaced))
        || text.startsWith(" (", i)
        || text.startsWith(" / ", i);
  }

  private static int skipEscaped(String text, int from, char close) {
    int i = from;
    while (i < text.length() && text.charAt(i) != close) {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  @Test
  void theCommandsOfAFixAreFoundAsAReaderCopiesThem() {
    assertEquals(
        List.of(
            "aws iam delete-login-profile --user-name 'a b; c'",
            "aws iam list-access-keys --user-name $'x\\'y'",
            "gam update user \"a; b\" suspended on",
            "atlas dbusers delete $(x; y) --projectId p",
            "aws iam update-account-password-policy --max-password-age 90"),
        commandsIn(
            "In account 1: aws iam delete-login-profile --user-name 'a b; c'; for each key in"
                + " aws iam list-access-keys --user-name $'x\\'y': do (or: gam update user \"a; b\""
                + " suspended on). Then atlas dbusers delete $(x; y) --projectId p. Run `aws iam"
                + " update-account-password-policy --max-password-age 90` there, with aws:Mfa."));
    assertEquals(List.of(), commandsIn("Atlas > Database Access; aws:MultiFactorAuthPresent"));
  }

  /** A value as a Java literal would write it, so that a failure shows what it held. */
  private static String show(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                out.append("\\n");
              } else if (dev.rollcall.model.Text.isHidden(cp)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.append('"').toString();
  }

  // Accounts whose every field the source fills is the given data.

  private static Account.Builder account(SourceSystem system, Data d) {
    return Account.builder(new AccountKey(system, d.tenant(), d.id()), d.name(), CAPTURED)
        .created(daysAgo(30))
        .lastActivity(Activity.usedAt(daysAgo(1), "x"))
        .mfa(Mfa.unknown("x"));
  }

  private static Account.Builder awsUser(Data d) {
    return account(SourceSystem.AWS_IAM, d).kind(AccountKind.HUMAN, "console password");
  }

  private static Account.Builder awsRole(Data d) {
    return account(SourceSystem.AWS_IAM, d).kind(AccountKind.ROLE, "IAM role");
  }

  private static Account.Builder root(Data d) {
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, d.tenant(), "root"), "root", CAPTURED)
        .lastActivity(Activity.usedAt(daysAgo(400), "x"))
        .mfa(Mfa.notEnabled("x"));
  }

  private static Account.Builder google(Data d) {
    return account(SourceSystem.GOOGLE_WORKSPACE, d).kind(AccountKind.HUMAN, "x");
  }

  private static Account.Builder databaseUser(Data d, String database) {
    return Account.builder(
            new AccountKey(SourceSystem.ATLAS_DATABASE, d.tenant(), database + d.id()),
            d.name(),
            CAPTURED)
        .kind(AccountKind.SERVICE, "SCRAM user")
        .lastActivity(Activity.unknown("x"))
        .mfa(Mfa.unknown("x"));
  }

  private static List<Grant> admin(Data d) {
    return List.of(new Grant(d.grant(), "scope", PrivilegeLevel.ADMIN, "attached"));
  }

  private static Identity person(String email) {
    return Fixtures.person(email, "Zz", "Person", PersonStatus.ACTIVE);
  }

  private static Owner owner(Identity person) {
    return new Owner(person, LinkRule.OWNER_TAG, "owner=" + person.personId());
  }

  private static TenantFacts tenant(SourceSystem system, Data d, Boolean mfaRequired) {
    return new TenantFacts(
        new TenantSettings(system, d.tenant(), null, true, mfaRequired), List.of(), CAPTURED);
  }

  private static AccountView unowned(Account.Builder account) {
    return Fixtures.unowned(account.build());
  }

  private static <S> String accountFix(Rule<S> rule, S settings, AccountView view) {
    return RuleCheck.run(rule, settings, view)
        .orElseThrow(() -> new AssertionError(rule.info().id() + " did not fire"))
        .remediation();
  }

  private static <S> String personFix(Rule<S> rule, S settings, Data d, Account.Builder account) {
    Identity person = person(d.person());
    Subject subject =
        new Subject(
            person.personId(),
            person,
            List.of(new AccountView(account.build(), List.of(owner(person)), List.of())));
    return rule.findIn(subject, settings).stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError(rule.info().id() + " did not fire"))
        .remediation();
  }

  private static String secondAccountFix(SourceSystem system, Data d) {
    Identity person = person(d.person());
    Account own =
        Account.builder(
                new AccountKey(
                    system,
                    d.tenant(),
                    system == SourceSystem.ATLAS_DATABASE ? "admin/own" : "own"),
                "zz-own",
                CAPTURED)
            .kind(AccountKind.HUMAN, "x")
            .created(daysAgo(400))
            .lastActivity(Activity.usedAt(daysAgo(1), "x"))
            .mfa(Mfa.unknown("x"))
            .build();
    Account extra =
        (system == SourceSystem.ATLAS_DATABASE ? databaseUser(d, "admin/") : account(system, d))
            .kind(AccountKind.HUMAN, "x")
            .created(daysAgo(30))
            .build();
    Subject subject =
        new Subject(
            person.personId(),
            person,
            List.of(
                new AccountView(own, List.of(owner(person)), List.of()),
                new AccountView(extra, List.of(owner(person)), List.of())));
    return new SeveralAccountsOneSystem()
        .findIn(subject, new SeveralAccountsOneSystem.Settings(List.of("reason"))).stream()
            .findFirst()
            .orElseThrow(() -> new AssertionError("several-accounts did not fire"))
            .remediation();
  }
}
