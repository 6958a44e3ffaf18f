package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.owned;
import static dev.rollcall.rules.Fixtures.person;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Owner;
import dev.rollcall.model.PersonStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Unowned, shared and access-after-termination: the rules that read correlation's outcome. */
class OwnershipRulesTest {
  private static final Identity ACTIVE =
      person("ann.lee@example.test", "Ann", "Lee", PersonStatus.ACTIVE);
  private static final Identity LEFT =
      person("leo.gone@example.test", "Leo", "Gone", PersonStatus.LEFT);
  private static final Identity LEFT_TOO =
      person("lia.gone@example.test", "Lia", "Gone", PersonStatus.LEFT);

  static Stream<Arguments> unownedCases() {
    return Stream.of(
        Arguments.of("no owner", unowned(awsUser("contractor-bob").build()), true),
        Arguments.of(
            "owner tag naming nobody",
            new AccountView(
                awsUser("etl").build(),
                List.of(),
                List.of("ghost@example.test (owner=ghost@example.test)")),
            true),
        Arguments.of("near miss: owned", owned(awsUser("ann.lee").build(), ACTIVE), false),
        Arguments.of(
            "near miss: unowned but suspended",
            unowned(awsUser("old").status(AccountStatus.SUSPENDED).build()),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unownedCases")
  void unownedAccount(String name, AccountView view, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(new UnownedAccount(), new NoSettings(), view), name);
  }

  @Test
  void unownedEvidenceShowsTheClaimThatMatchedNobody() {
    var view =
        new AccountView(
            awsUser("etl").build(),
            List.of(),
            List.of("ghost@example.test (owner=ghost@example.test)"));
    Violation v = RuleCheck.run(new UnownedAccount(), new NoSettings(), view).orElseThrow();
    assertTrue(v.evidence().toString().contains("ghost@example.test"), v.evidence().toString());
    assertTrue(v.remediation().contains("aws iam tag-user"), v.remediation());
  }

  static Stream<Arguments> sharedCases() {
    return Stream.of(
        Arguments.of("two owners", owned(awsUser("ops-shared").build(), ACTIVE, LEFT), true),
        Arguments.of("near miss: one owner", owned(awsUser("ann.lee").build(), ACTIVE), false),
        Arguments.of("near miss: nobody", unowned(awsUser("x").build()), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedCases")
  void sharedAccount(String name, AccountView view, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(new SharedAccount(), new NoSettings(), view), name);
  }

  static Stream<Arguments> terminationCases() {
    return Stream.of(
        Arguments.of(
            "leaver's IAM user still active", owned(awsUser("leo.gone").build(), LEFT), true),
        Arguments.of("shared by two leavers", owned(awsUser("pair").build(), LEFT, LEFT_TOO), true),
        Arguments.of(
            "near miss: shared by a leaver and a current employee",
            owned(awsUser("pair2").build(), LEFT, ACTIVE),
            false),
        Arguments.of(
            "near miss: leaver's IAM user already disabled",
            owned(awsUser("leo.gone").status(AccountStatus.SUSPENDED).build(), LEFT),
            false),
        Arguments.of(
            "near miss: the leaver's own (suspended) directory account",
            new AccountView(
                googleUser("leo.gone@example.test").status(AccountStatus.SUSPENDED).build(),
                List.of(new Owner(LEFT, LinkRule.DIRECTORY, "leo.gone@example.test")),
                List.of()),
            false),
        Arguments.of(
            "near miss: current employee", owned(awsUser("ann.lee").build(), ACTIVE), false),
        Arguments.of(
            "near miss: left 23 hours ago, inside the 24-hour deadline",
            owned(awsUser("leo.gone").build(), leftHoursAgo(23)),
            false),
        Arguments.of(
            "left 25 hours ago, past the 24-hour deadline",
            owned(awsUser("leo.gone").build(), leftHoursAgo(25)),
            true),
        Arguments.of(
            "left on a day the directory does not give: no deadline can be granted",
            owned(awsUser("leo.gone").build(), leftAtUnknown()),
            true),
        Arguments.of(
            "terminated in the HR roster, Google account still active",
            new AccountView(
                googleUser("leo.gone@example.test").build(),
                List.of(new Owner(LEFT, LinkRule.DIRECTORY, "leo.gone@example.test")),
                List.of()),
            true));
  }

  private static Identity leftHoursAgo(long hours) {
    return new Identity(
        "leo.gone@example.test",
        "Leo Gone",
        "Leo",
        "Gone",
        List.of("leo.gone@example.test"),
        PersonStatus.LEFT,
        "HR roster: terminated",
        Fixtures.CAPTURED.minus(java.time.Duration.ofHours(hours)),
        null);
  }

  private static Identity leftAtUnknown() {
    return new Identity(
        "leo.gone@example.test",
        "Leo Gone",
        "Leo",
        "Gone",
        List.of("leo.gone@example.test"),
        PersonStatus.LEFT,
        "Google Workspace: suspended",
        null,
        null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("terminationCases")
  void accessAfterTermination(String name, AccountView view, boolean flagged) {
    assertEquals(
        flagged,
        RuleCheck.flags(
            new AccessLeftAfterTermination(), new AccessLeftAfterTermination.Settings(24), view),
        name);
  }

  @Test
  void terminationEvidenceGivesHoursSinceLeavingAgainstTheDeadline() {
    Violation v =
        RuleCheck.run(
                new AccessLeftAfterTermination(),
                new AccessLeftAfterTermination.Settings(24),
                owned(awsUser("leo.gone").build(), LEFT))
            .orElseThrow();
    assertTrue(v.evidence().toString().contains("72 hours"), v.evidence().toString());
    assertTrue(v.evidence().toString().contains("deadline 24 h"), v.evidence().toString());
  }
}
