package dev.rollcall.rules;

import static dev.rollcall.rules.CredentialFixtures.atlasDatabaseUser;
import static dev.rollcall.rules.Fixtures.CAPTURED;
import static dev.rollcall.rules.Fixtures.awsUser;
import static dev.rollcall.rules.Fixtures.daysAgo;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemporaryAccountExpiredTest {
  private static final TemporaryAccountExpired RULE = new TemporaryAccountExpired();
  private static final List<String> TAGS = List.of("expires", "expiry", "end-date", "until");

  private static final TemporaryAccountExpired.Settings DEFAULTS =
      new TemporaryAccountExpired.Settings(TAGS, null);
  private static final TemporaryAccountExpired.Settings ONE_YEAR =
      new TemporaryAccountExpired.Settings(TAGS, 365);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "Atlas deleteAfterDate a day before capture",
            removal(CAPTURED.minus(Duration.ofDays(1))),
            DEFAULTS,
            true),
        Arguments.of("Atlas deleteAfterDate exactly at capture", removal(CAPTURED), DEFAULTS, true),
        Arguments.of(
            "near miss: Atlas deleteAfterDate a minute after capture",
            removal(CAPTURED.plus(Duration.ofMinutes(1))),
            DEFAULTS,
            false),
        Arguments.of(
            "tag expires=2026-11-19, the day before capture",
            tagged("expires", "2026-11-19"),
            DEFAULTS,
            true),
        Arguments.of(
            "near miss: tag expires=2026-11-20, the capture day (usable through it)",
            tagged("expires", "2026-11-20"),
            DEFAULTS,
            false),
        Arguments.of(
            "tag until holds an instant an hour before capture",
            tagged("until", "2026-11-20T05:00:00Z"),
            DEFAULTS,
            true),
        Arguments.of(
            "tag end-date holds an instant with an offset, before capture",
            tagged("end-date", "2026-11-20T07:00:00+02:00"),
            DEFAULTS,
            true),
        Arguments.of(
            "tag key matched without regard to case",
            tagged("Expiry", "2025-01-31"),
            DEFAULTS,
            true),
        Arguments.of(
            "near miss: expiry tag that is not a date",
            tagged("expires", "end of project"),
            DEFAULTS,
            false),
        Arguments.of(
            "near miss: expiry passed but the account is suspended",
            awsUser("gone")
                .tags(Map.of("expires", "2025-01-31"))
                .status(AccountStatus.SUSPENDED)
                .build(),
            DEFAULTS,
            false),
        Arguments.of(
            "near miss: a past date under a key the profile does not name",
            tagged("expires", "2025-01-31"),
            new TemporaryAccountExpired.Settings(List.of("end"), null),
            false),
        Arguments.of(
            "kind=temporary, 366 days old, term limit 365",
            temporary("kind", "temporary", 366L),
            ONE_YEAR,
            true),
        Arguments.of(
            "temporary=true, 400 days old, term limit 365",
            temporary("temporary", "TRUE", 400L),
            ONE_YEAR,
            true),
        Arguments.of(
            "near miss: kind=temporary, exactly 365 days old",
            temporary("kind", "temporary", 365L),
            ONE_YEAR,
            false),
        Arguments.of(
            "near miss: kind=temporary, 1000 days old, no term limit set",
            temporary("kind", "temporary", 1000L),
            DEFAULTS,
            false),
        Arguments.of(
            "near miss: not tagged temporary, 1000 days old",
            temporary("kind", "employee", 1000L),
            ONE_YEAR,
            false),
        Arguments.of(
            "near miss: tagged temporary, creation not recorded",
            temporary("kind", "temporary", null),
            ONE_YEAR,
            false));
  }

  private static Account removal(Instant deleteAfter) {
    return atlasDatabaseUser("contractor-" + deleteAfter.getEpochSecond())
        .expires(deleteAfter)
        .build();
  }

  private static Account tagged(String key, String value) {
    return awsUser("t-" + key + value).tags(Map.of(key, value)).build();
  }

  private static Account temporary(String key, String value, Long createdDaysAgo) {
    return awsUser("temp-" + key + value + createdDaysAgo)
        .tags(Map.of(key, value))
        .created(createdDaysAgo == null ? null : daysAgo(createdDaysAgo))
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsAccountsPastTheirEnd(
      String name, Account account, TemporaryAccountExpired.Settings settings, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, settings, unowned(account)), name);
  }

  @Test
  void everyReasonAndAnUnreadableExpiryTagAreShownWhenTheAccountIsFlagged() {
    Account account =
        atlasDatabaseUser("contractor")
            .expires(Instant.parse("2026-11-10T00:00:00Z"))
            .tags(Map.of("until", "2026-11-01", "expires", "soon"))
            .build();
    Violation v = RuleCheck.run(RULE, DEFAULTS, unowned(account)).orElseThrow();
    assertEquals(
        "contractor still grants access although its scheduled removal passed on 2026-11-10, and"
            + " its tag until=2026-11-01 has passed.",
        v.summary());
    String evidence = v.evidence().toString();
    assertTrue(
        evidence.contains("2026-11-10T00:00:00Z (passed 10 days before the data was captured)"),
        evidence);
    assertTrue(evidence.contains("label=tag expires, value=soon (not a date"), evidence);
    assertTrue(v.remediation().startsWith("atlas dbusers delete contractor"), v.remediation());
    assertTrue(v.remediation().contains("business reason"), v.remediation());
  }

  @Test
  void readsDatesAsTheLastDayOfAccessAndInstantsAsIs() {
    assertEquals(
        Instant.parse("2026-11-20T00:00:00Z"),
        TemporaryAccountExpired.endOf("2026-11-19").orElseThrow());
    assertEquals(
        Instant.parse("2026-11-20T05:00:00Z"),
        TemporaryAccountExpired.endOf("2026-11-20T07:00:00+02:00").orElseThrow());
    assertFalse(TemporaryAccountExpired.endOf("19/11/2026").isPresent());
  }

  @Test
  void defaultsNameTheUsualExpiryTagsAndNoTermLimit() {
    assertEquals(List.of("expires", "expiry", "end-date", "until"), DEFAULTS.expiryTags());
    assertEquals(null, DEFAULTS.maxTermDays());
  }

  @Test
  void refusesBadSettingsNamingTheField() {
    var term =
        assertThrows(
            IllegalArgumentException.class, () -> new TemporaryAccountExpired.Settings(TAGS, 0));
    assertTrue(term.getMessage().startsWith("maxTermDays "), term.getMessage());
    var tags =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TemporaryAccountExpired.Settings(Arrays.asList("expires", " "), null));
    assertTrue(tags.getMessage().startsWith("expiryTags "), tags.getMessage());
    var missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TemporaryAccountExpired.Settings(Arrays.asList("expires", null), null));
    assertTrue(missing.getMessage().startsWith("expiryTags "), missing.getMessage());
  }
}
