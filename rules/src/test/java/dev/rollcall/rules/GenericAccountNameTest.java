package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.accessKey;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.daysAgo;
import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.owned;
import static dev.rollcall.rules.Fixtures.person;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.SourceSystem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GenericAccountNameTest {
  private static final GenericAccountName RULE = new GenericAccountName();
  static final GenericAccountName.Settings SETTINGS =
      new GenericAccountName.Settings(
          List.of(
              "admin", "administrator", "sysadmin", "root", "superuser", "su", "dba", "poweruser"),
          List.of(
              "test", "testing", "temp", "shared", "team", "info", "support", "it", "ops", "devops",
              "noreply", "no", "reply", "user", "dev"));

  static Stream<Arguments> cases() {
    var adminSmith = person("admin.smith@example.test", "Admin", "Smith", PersonStatus.ACTIVE);
    var jane = person("jane.doe@example.test", "Jane", "Doe", PersonStatus.ACTIVE);
    return Stream.of(
        Arguments.of("sysadmin1 reveals privilege", unowned(awsUser("sysadmin1").build()), true),
        Arguments.of("plain admin", unowned(awsUser("admin").build()), true),
        Arguments.of("test user", unowned(awsUser("test").build()), true),
        Arguments.of(
            "role mailbox it-support@ named 'IT Support'",
            owned(
                googleUser("it-support@example.test").displayName("IT Support").build(),
                person("it-support@example.test", "IT", "Support", PersonStatus.ACTIVE)),
            true),
        Arguments.of(
            "no-reply mailbox", unowned(googleUser("no-reply@example.test").build()), true),
        Arguments.of(
            "a person's second id that reveals privilege",
            owned(awsUser("jane-admin").build(), jane),
            true),
        Arguments.of(
            "service account named admin-bot still reveals privilege",
            unowned(serviceUser("db-admin-bot")),
            true),
        Arguments.of(
            "near miss: a person called Admin Smith",
            owned(
                googleUser("admin.smith@example.test").displayName("Admin Smith").build(),
                adminSmith),
            false),
        Arguments.of(
            "near miss: Admin Smith's IAM user",
            owned(awsUser("admin.smith").build(), adminSmith),
            false),
        Arguments.of("near miss: jane.doe", owned(awsUser("jane.doe").build(), jane), false),
        Arguments.of(
            "near miss: service account named for its function (test-runner)",
            unowned(serviceUser("test")),
            false),
        Arguments.of(
            "near miss: the AWS root user is left to the root rules",
            unowned(
                dev.rollcall.model.Account.builder(
                        new AccountKey(SourceSystem.AWS_IAM, "111122223333", "root"),
                        "root",
                        Fixtures.CAPTURED)
                    .lastActivity(dev.rollcall.model.Activity.usedAt(daysAgo(3), "x"))
                    .mfa(dev.rollcall.model.Mfa.unknown("x"))
                    .build()),
            false),
        Arguments.of(
            "near miss: a word that merely contains admin (badminton-club)",
            unowned(awsUser("badminton-club").build()),
            false));
  }

  private static dev.rollcall.model.Account serviceUser(String name) {
    return awsUser(name)
        .kind(AccountKind.SERVICE, "tag kind=service")
        .credentials(List.of(accessKey(daysAgo(1))))
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsGenericAndPrivilegeRevealingNames(String name, AccountView view, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, SETTINGS, view), name);
  }

  @Test
  void evidenceNamesTheOffendingWords() {
    Violation v =
        RuleCheck.run(RULE, SETTINGS, unowned(awsUser("sysadmin1").build())).orElseThrow();
    assertTrue(v.summary().contains("reveals privilege"), v.summary());
    assertTrue(v.evidence().toString().contains("sysadmin"), v.evidence().toString());
  }

  @Test
  void tokensSplitOnAnythingButLetters() {
    assertEquals(List.of("sysadmin"), GenericAccountName.tokens("sysadmin1"));
    assertEquals(List.of("it", "support"), GenericAccountName.tokens("IT_Support-2"));
    assertEquals("no-reply", GenericAccountName.localPart("no-reply@example.test"));
  }
}
