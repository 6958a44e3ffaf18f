package dev.rollcall.jobs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Identity;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.PullStatus;
import dev.rollcall.model.SourcePull;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Addresses held by more people than {@code correlation.maxPeoplePerAddress}. */
class CrowdedAddressTest {
  private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
  private static final String ALIAS = "everyone@example.test";

  private static Identity person(int i, String tenant, List<String> aliases) {
    String id = "p" + i + "@example.test";
    List<String> emails = new ArrayList<>(List.of(id));
    emails.addAll(aliases);
    return new Identity(
        id,
        null,
        null,
        null,
        emails,
        PersonStatus.ACTIVE,
        "Google Workspace: active",
        null,
        new AccountKey(SourceSystem.GOOGLE_WORKSPACE, tenant, "g" + i));
  }

  private static List<Identity> people(int count, String alias) {
    return IntStream.range(0, count)
        .mapToObj(i -> person(i, "example.test", List.of(alias)))
        .toList();
  }

  private static SourcePull pull(String tenant, PullStatus status, List<String> errors) {
    return new SourcePull(
        "google/" + tenant, SourceSystem.GOOGLE_WORKSPACE, tenant, status, 1, errors, NOW);
  }

  @Test
  void fiftyPeopleOnAnAddressStillNameThemAndFiftyOneDoNot() {
    Directory fifty = Directory.of(people(50, ALIAS), 50);
    assertEquals(50, fifty.people(ALIAS).size());
    assertEquals(List.of(), fifty.crowded());

    Directory fiftyOne = Directory.of(people(51, ALIAS), 50);
    assertEquals(List.of(), fiftyOne.people(ALIAS));
    assertEquals(
        List.of(
            new Directory.Crowded(
                ALIAS,
                51,
                List.of(new Directory.Tenant(SourceSystem.GOOGLE_WORKSPACE, "example.test")))),
        fiftyOne.crowded());
    // Everyone's own address still names them.
    assertEquals(List.of("p7@example.test"), fiftyOne.people("p7@example.test"));
  }

  @Test
  void aCommonFullNameIsCrowdedLikeAnAlias() {
    List<Identity> smiths = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Identity p = person(i, "example.test", List.of());
      smiths.add(
          new Identity(
              p.personId(),
              "Jo Smith",
              "Jo",
              "Smith",
              p.emails(),
              p.status(),
              p.statusEvidence(),
              null,
              p.source()));
    }
    Directory directory = Directory.of(smiths, 2);
    assertEquals(List.of(), directory.people("name:jo smith"));
    assertEquals("name:jo smith", directory.crowded().get(0).address());
    assertEquals(3, Directory.of(smiths, 3).people("name:jo smith").size());
    // A name many people share is common, not a problem of the data: the pull stays complete.
    SourcePull complete = pull("example.test", PullStatus.COMPLETE, List.of());
    assertEquals(List.of(complete), CrowdedAddresses.report(List.of(complete), directory, 2));
  }

  @Test
  void theSourcesWhosePeopleHoldItArePartialWithOneProblemEach() {
    List<Identity> people = new ArrayList<>(people(30, ALIAS));
    for (int i = 100; i < 130; i++) {
      people.add(person(i, "care.example.test", List.of(ALIAS, "p" + i + "@care.example.test")));
    }
    people.add(person(999, "third.example.test", List.of()));
    Directory directory = Directory.of(people, 50);
    List<SourcePull> reported =
        CrowdedAddresses.report(
            List.of(
                pull("example.test", PullStatus.COMPLETE, List.of()),
                pull("care.example.test", PullStatus.FAILED, List.of("cannot list groups")),
                pull("third.example.test", PullStatus.COMPLETE, List.of())),
            directory,
            50);
    String problem =
        "directory: the address 'everyone@example.test' is held by 60 people, more than"
            + " correlation.maxPeoplePerAddress (50); no account is tied to anyone through it";
    assertEquals(pull("example.test", PullStatus.PARTIAL, List.of(problem)), reported.get(0));
    assertEquals(
        pull("care.example.test", PullStatus.FAILED, List.of("cannot list groups", problem)),
        reported.get(1));
    assertEquals(pull("third.example.test", PullStatus.COMPLETE, List.of()), reported.get(2));
  }

  @Test
  void anAddressFromTheDataIsNamedOnOneLine() {
    Directory directory = Directory.of(people(3, "a\nb@example.test"), 2);
    String message = CrowdedAddresses.message(directory.crowded().get(0), 2);
    assertTrue(message.contains("'a\\nb@example.test'"), message);
    assertFalse(message.contains("\n"), message);
  }

  /**
   * A hundred thousand people sharing one alias, each with a Google account that claims it: left in
   * the matching, every account would be tied to every person (ten billion pairs). Left out, each
   * account is its own person's, and the correlation costs what it costs without the alias (both
   * timed side by side and printed, never asserted).
   */
  @Test
  void aHundredThousandPeopleOnOneAliasCorrelateOneToOne() {
    int count = 100_000;
    // Warmed up first, so that neither figure pays for the JIT.
    timed(10_000, null);
    timed(10_000, ALIAS);
    long plain = timed(count, null).nanos();
    Correlated crowded = timed(count, ALIAS);
    System.out.printf(
        "100,000 people: correlated in %.1f s with one alias shared by all, %.1f s without"
            + " (%.2fx), load %.2f%n",
        crowded.nanos() / 1e9,
        plain / 1e9,
        crowded.nanos() / (double) plain,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    List<Long> owners = crowded.owners();
    assertEquals(count + 1, owners.size());
    assertEquals(count, owners.stream().filter(n -> n == 1).count(), "one owner each");
    assertEquals(1, owners.stream().filter(n -> n == 0).count(), "the alias owns nothing");
    assertEquals(count + 1, crowded.subjects());
  }

  private record Correlated(long nanos, List<Long> owners, long subjects) {}

  /** Correlates {@code count} people's accounts (each claiming {@code alias} too, unless null). */
  private static Correlated timed(int count, String alias) {
    List<Identity> people =
        IntStream.range(0, count)
            .mapToObj(i -> person(i, "example.test", alias == null ? List.of() : List.of(alias)))
            .toList();
    List<Account> accounts = new ArrayList<>(count + 1);
    for (int i = 0; i < count; i++) {
      List<String> emails = new ArrayList<>(List.of("p" + i + "@example.test"));
      if (alias != null) {
        emails.add(alias);
      }
      accounts.add(
          Account.builder(
                  new AccountKey(SourceSystem.GOOGLE_WORKSPACE, "example.test", "g" + i),
                  "p" + i + "@example.test",
                  NOW)
              .emails(emails)
              .lastActivity(Activity.unknown("x"))
              .mfa(Mfa.unknown("x"))
              .build());
    }
    accounts.add(
        Account.builder(new AccountKey(SourceSystem.AWS_IAM, "111122223333", "AIDAX"), "ops", NOW)
            .tags(Map.of("owner", ALIAS))
            .lastActivity(Activity.unknown("x"))
            .mfa(Mfa.unknown("x"))
            .build());
    long started = System.nanoTime();
    List<AccountView> views =
        Correlator.correlate(
            accounts,
            Directory.of(people, 50),
            new LinkCandidates(MappingFile.empty(), List.of("owner"), List.of("example.test")));
    List<Long> owners = views.stream().map(v -> (long) v.personIds().size()).toList();
    long subjects = Correlator.subjects(views).size();
    return new Correlated(System.nanoTime() - started, owners, subjects);
  }
}
