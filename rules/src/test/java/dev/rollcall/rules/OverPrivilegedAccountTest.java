package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Grant;
import dev.rollcall.model.PrivilegeLevel;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OverPrivilegedAccountTest {
  private static final OverPrivilegedAccount RULE = new OverPrivilegedAccount();
  private static final OverPrivilegedAccount.Settings SETTINGS =
      new OverPrivilegedAccount.Settings(
          List.of(PrivilegeLevel.ADMIN, PrivilegeLevel.PRIVILEGE_ESCALATION),
          List.of("*AnyDatabase*"));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "AdministratorAccess", with(grant("AdministratorAccess", PrivilegeLevel.ADMIN)), true),
        Arguments.of(
            "IAM write: escalation",
            with(grant("iam-key-manager", PrivilegeLevel.PRIVILEGE_ESCALATION)),
            true),
        Arguments.of("Google super admin", with(grant("Super Admin", PrivilegeLevel.ADMIN)), true),
        Arguments.of(
            "Atlas readWriteAnyDatabase (write level, flagged by name)",
            with(grant("readWriteAnyDatabase@admin", PrivilegeLevel.WRITE)),
            true),
        Arguments.of(
            "Atlas readAnyDatabase (read level, flagged by name)",
            with(grant("readAnyDatabase@admin", PrivilegeLevel.READ)),
            true),
        Arguments.of(
            "near miss: PowerUserAccess is write",
            with(grant("PowerUserAccess", PrivilegeLevel.WRITE)),
            false),
        Arguments.of(
            "near miss: ReadOnlyAccess", with(grant("ReadOnlyAccess", PrivilegeLevel.READ)), false),
        Arguments.of(
            "near miss: readWrite on one database",
            with(grant("readWrite@orders", PrivilegeLevel.WRITE)),
            false),
        Arguments.of("near miss: no grants", with(), false),
        Arguments.of(
            "near miss: the AWS root user (left to the root rules)",
            dev.rollcall.model.Account.builder(
                    new dev.rollcall.model.AccountKey(
                        dev.rollcall.model.SourceSystem.AWS_IAM, "111122223333", "root"),
                    "root",
                    Fixtures.CAPTURED)
                .lastActivity(dev.rollcall.model.Activity.usedAt(Fixtures.daysAgo(3), "x"))
                .mfa(dev.rollcall.model.Mfa.unknown("x"))
                .grants(List.of(grant("root user", PrivilegeLevel.ADMIN)))
                .build(),
            false),
        Arguments.of(
            "near miss: admin but suspended",
            awsUser("gone")
                .grants(List.of(grant("AdministratorAccess", PrivilegeLevel.ADMIN)))
                .status(AccountStatus.SUSPENDED)
                .build(),
            false));
  }

  private static Grant grant(String name, PrivilegeLevel level) {
    return new Grant(name, "111122223333", level, "attached");
  }

  private static Account with(Grant... grants) {
    return awsUser("user").grants(List.of(grants)).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsGrantsBeyondLeastPrivilege(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, SETTINGS, unowned(account)), name);
  }

  @Test
  void evidenceListsOnlyTheFlaggedGrants() {
    Account account =
        with(
            grant("AdministratorAccess", PrivilegeLevel.ADMIN),
            grant("ReadOnlyAccess", PrivilegeLevel.READ));
    Violation v = RuleCheck.run(RULE, SETTINGS, unowned(account)).orElseThrow();
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("AdministratorAccess"), evidence);
    assertTrue(!evidence.contains("ReadOnlyAccess"), evidence);
    assertTrue(v.summary().contains("highest: admin"), v.summary());
  }

  @Test
  void evidenceNamesTheMethodAndTheStatements() {
    Grant pass =
        new Grant(
            "lambda-deployer",
            "111122223333",
            PrivilegeLevel.PRIVILEGE_ESCALATION,
            "inline",
            "passrole-lambda-invoke: Pass a role to a new Lambda function and invoke it",
            List.of(
                "lambda-deployer Statement[0] Sid=Pass: Allow iam:PassRole on *",
                "lambda-deployer Statement[1]: Allow lambda:* on *"));
    Violation v = RuleCheck.run(RULE, SETTINGS, unowned(with(pass))).orElseThrow();
    assertTrue(
        v.summary().contains("highest: privilege escalation, by passrole-lambda-invoke"),
        v.summary());
    assertTrue(
        v.evidence()
            .contains(
                new Evidence(
                    "statement", "lambda-deployer Statement[0] Sid=Pass: Allow iam:PassRole on *")),
        v.evidence().toString());
    assertTrue(
        v.evidence().stream().anyMatch(e -> e.value().contains("by passrole-lambda-invoke")),
        v.evidence().toString());
  }

  @Test
  void globsMatchWholeNamesWithoutRegardToCase() {
    var settings = new OverPrivilegedAccount.Settings(List.of(), List.of("atlasadmin@*"));
    assertTrue(
        RuleCheck.flags(
            RULE, settings, unowned(with(grant("atlasAdmin@admin", PrivilegeLevel.WRITE)))));
    assertEquals(
        false,
        RuleCheck.flags(
            RULE, settings, unowned(with(grant("notatlasAdmin@admin", PrivilegeLevel.WRITE)))));
  }

  @Test
  void theGlobMatcherAgreesWithTheQuotedRegexOfItsPieces() {
    List<String> globs =
        List.of("*", "a*", "*a", "a*b", "*a*", "ab*ab", "a**b", "aa*aa", "", "AdministratorAccess");
    List<String> names =
        List.of("", "a", "b", "ab", "aab", "aba", "abab", "aaa", "aaaa", "administratoraccess");
    for (String glob : globs) {
      java.util.regex.Pattern regex =
          java.util.regex.Pattern.compile(
              java.util.Arrays.stream(glob.split("\\*", -1))
                  .map(java.util.regex.Pattern::quote)
                  .collect(java.util.stream.Collectors.joining(".*")),
              java.util.regex.Pattern.CASE_INSENSITIVE);
      for (String name : names) {
        assertEquals(
            regex.matcher(name).matches(),
            OverPrivilegedAccount.Settings.globMatches(glob, name),
            glob + " on " + name);
      }
    }
  }

  @Test
  void refusesSettingsThatFlagNothing() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new OverPrivilegedAccount.Settings(List.of(), List.of()));
  }
}
