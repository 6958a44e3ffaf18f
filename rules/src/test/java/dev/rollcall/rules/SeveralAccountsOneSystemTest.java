package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.daysAgo;
import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.owned;
import static dev.rollcall.rules.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Owner;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeveralAccountsOneSystemTest {
  private static final SeveralAccountsOneSystem RULE = new SeveralAccountsOneSystem();
  private static final SeveralAccountsOneSystem.Settings DEFAULTS =
      new SeveralAccountsOneSystem.Settings(List.of("purpose", "reason", "second-account"));
  private static final Identity ANN =
      person("ann.lee@example.test", "Ann", "Lee", PersonStatus.ACTIVE);
  private static final Identity BOB =
      person("bob.ray@example.test", "Bob", "Ray", PersonStatus.ACTIVE);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "two IAM users, the newer one flagged",
            of(owned(aws("ann.lee", 400), ANN), owned(aws("ann.lee2", 30), ANN)),
            List.of("ann.lee2")),
        Arguments.of(
            "three IAM users, one declared: the undeclared newer one flagged",
            of(
                owned(aws("ann.lee", 400), ANN),
                owned(aws("ann.test", 20), ANN),
                owned(
                    tagged(aws("ann.admin", 100), "purpose", "admin tasks; approved by CISO"),
                    ANN)),
            List.of("ann.test")),
        Arguments.of(
            "a second Google account beside the directory account, even if older",
            of(
                directory(googleUser("ann.lee@example.test").created(daysAgo(100)).build()),
                owned(googleUser("ann.lee.old@example.test").created(daysAgo(900)).build(), ANN)),
            List.of("ann.lee.old@example.test")),
        Arguments.of(
            "a blank reason tag is no reason",
            of(
                owned(aws("ann.lee", 400), ANN),
                owned(tagged(aws("ann.ops", 30), "reason", " "), ANN)),
            List.of("ann.ops")),
        Arguments.of(
            "near miss: the extra account declares its purpose (tag key case ignored)",
            of(
                owned(aws("ann.lee", 400), ANN),
                owned(tagged(aws("ann.admin", 30), "Purpose", "break-glass admin"), ANN)),
            List.of()),
        Arguments.of(
            "near miss: one account in each of two AWS accounts",
            of(owned(aws("ann.lee", 400), ANN), owned(inTenant("ann.lee", "444455556666"), ANN)),
            List.of()),
        Arguments.of(
            "near miss: one AWS and one Google account",
            of(
                owned(aws("ann.lee", 400), ANN),
                directory(googleUser("ann.lee@example.test").build())),
            List.of()),
        Arguments.of(
            "near miss: the second one is a service account she owns",
            of(
                owned(aws("ann.lee", 400), ANN),
                owned(
                    awsUser("ann-etl").kind(AccountKind.SERVICE, "access keys only").build(), ANN)),
            List.of()),
        Arguments.of(
            "near miss: the second one is suspended",
            of(
                owned(aws("ann.lee", 400), ANN),
                owned(awsUser("ann.old").status(AccountStatus.SUSPENDED).build(), ANN)),
            List.of()),
        Arguments.of(
            "near miss: the second one is shared (shared-account has it)",
            of(owned(aws("ann.lee", 400), ANN), owned(aws("ops", 30), ANN, BOB)),
            List.of()),
        Arguments.of(
            "near miss: unowned subject",
            Fixtures.subjectOf(Fixtures.unowned(aws("x", 1))),
            List.of()));
  }

  private static Subject of(AccountView... views) {
    return new Subject(ANN.personId(), ANN, Arrays.asList(views));
  }

  private static AccountView directory(Account account) {
    return new AccountView(
        account, List.of(new Owner(ANN, LinkRule.DIRECTORY, ANN.personId())), List.of());
  }

  private static Account aws(String name, long createdDaysAgo) {
    return awsUser(name).created(daysAgo(createdDaysAgo)).build();
  }

  private static Account tagged(Account account, String key, String value) {
    return account.withTags(Map.of(key, value));
  }

  private static Account inTenant(String name, String tenant) {
    Account base = aws(name, 400);
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, tenant, "AIDA9"), name, Fixtures.CAPTURED)
        .kind(base.kind(), base.kindEvidence())
        .lastActivity(base.lastActivity())
        .mfa(base.mfa())
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsUndeclaredExtraAccounts(String name, Subject subject, List<String> flagged) {
    assertEquals(
        flagged,
        RULE.check(subject, DEFAULTS).stream().map(v -> v.view().account().name()).toList(),
        name);
  }

  @Test
  void withNoReasonTagsEveryExtraAccountIsFlagged() {
    var strict = new SeveralAccountsOneSystem.Settings(List.of());
    Subject subject =
        of(
            owned(aws("ann.lee", 400), ANN),
            owned(tagged(aws("ann.admin", 30), "purpose", "admin"), ANN));
    assertEquals(1, RULE.check(subject, strict).size());
    assertTrue(RULE.check(subject, DEFAULTS).isEmpty());
  }

  @Test
  void evidenceListsThePersonsAccountsThereAndTheFixTagsTheExtra() {
    Subject subject = of(owned(aws("ann.lee", 400), ANN), owned(aws("ann.lee2", 30), ANN));
    Violation v = RULE.check(subject, DEFAULTS).get(0);
    String evidence = v.evidence().toString();
    assertTrue(evidence.contains("ann.lee (their own), ann.lee2"), evidence);
    assertTrue(evidence.contains("accounts in AWS IAM 111122223333"), evidence);
    assertTrue(v.summary().contains("2 accounts"), v.summary());
    assertTrue(
        v.remediation().contains("aws iam tag-user --user-name ann.lee2 --tags Key=purpose"),
        v.remediation());
    assertEquals(
        List.of(subject.accounts().get(1)),
        RULE.check(subject, DEFAULTS).stream().map(Violation::view).toList());
  }

  @Test
  void settingsDefaultAndRefuseBlankKeys() {
    assertEquals(List.of("purpose", "reason", "second-account"), DEFAULTS.reasonTags());
    assertThrows(
        IllegalArgumentException.class,
        () -> new SeveralAccountsOneSystem.Settings(List.of("purpose", " ")));
  }
}
