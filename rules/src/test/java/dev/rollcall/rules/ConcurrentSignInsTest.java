package dev.rollcall.rules;

import static dev.rollcall.rules.Fixtures.googleUser;
import static dev.rollcall.rules.Fixtures.unowned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.SignIn;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConcurrentSignInsTest {
  private static final ConcurrentSignIns RULE = new ConcurrentSignIns();
  private static final ConcurrentSignIns.Settings TEN = new ConcurrentSignIns.Settings(10);

  private static Account signedIn(String ips) {
    return googleUser("u" + Math.abs(ips.hashCode()) + "@example.test")
        .signIns(signIns(ips))
        .build();
  }

  /** "ip time, ip time" as the sign-ins a source records. */
  private static List<SignIn> signIns(String ips) {
    return Arrays.stream(ips.split(","))
        .map(pair -> pair.strip().split(" "))
        .map(p -> new SignIn(p[0], Instant.parse(p[1])))
        .toList();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "two addresses 3 minutes apart",
            signedIn("203.0.113.7 2026-11-19T09:03:00Z, 198.51.100.4 2026-11-19T09:00:00Z"),
            true),
        Arguments.of(
            "three addresses, two of them 9 minutes apart",
            signedIn(
                "203.0.113.7 2026-11-19T18:00:00Z, 198.51.100.4 2026-11-19T09:09:00Z,"
                    + " 192.0.2.1 2026-11-19T09:00:00Z"),
            true),
        Arguments.of(
            "near miss: two addresses exactly 10 minutes apart",
            signedIn("203.0.113.7 2026-11-19T09:10:00Z, 198.51.100.4 2026-11-19T09:00:00Z"),
            false),
        Arguments.of(
            "near miss: home in the morning, office in the afternoon",
            signedIn("203.0.113.7 2026-11-19T14:00:00Z, 198.51.100.4 2026-11-19T08:00:00Z"),
            false),
        Arguments.of(
            "near miss: one address only", signedIn("203.0.113.7 2026-11-19T09:00:00Z"), false),
        Arguments.of(
            "near miss: no sign-in history", googleUser("quiet@example.test").build(), false),
        Arguments.of(
            "near miss: suspended",
            googleUser("gone@example.test")
                .status(AccountStatus.SUSPENDED)
                .signIns(
                    signIns("203.0.113.7 2026-11-19T09:03:00Z, 198.51.100.4 2026-11-19T09:00:00Z"))
                .build(),
            false),
        Arguments.of(
            "near miss: one address twice, 3 minutes apart",
            signedIn("203.0.113.7 2026-11-19T09:03:00Z, 203.0.113.7 2026-11-19T09:00:00Z"),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flagsSignInsFromSeveralPlacesAtOnce(String name, Account account, boolean flagged) {
    assertEquals(flagged, RuleCheck.flags(RULE, TEN, unowned(account)), name);
  }

  @Test
  void theFindingShowsBothAddressesAndTimes() {
    Violation v =
        RuleCheck.run(
                RULE,
                TEN,
                unowned(
                    signedIn(
                        "203.0.113.7 2026-11-19T09:03:00Z, 198.51.100.4 2026-11-19T09:00:00Z")))
            .orElseThrow();
    assertTrue(v.summary().contains("203.0.113.7 and 198.51.100.4 3 minute(s) apart"), v.summary());
    assertEquals(3, v.evidence().size());
    assertThrows(IllegalArgumentException.class, () -> new ConcurrentSignIns.Settings(0));
  }
}
