package dev.rollcall.jobs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Activity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.SourceSystem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkCandidatesTest {
  private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
  private final LinkCandidates claims =
      new LinkCandidates(
          new MappingFile(
              Map.of(
                  MappingFile.key(SourceSystem.AWS_IAM, "111122223333", "root"),
                  List.of("cto@example.test"))),
          List.of("owner", "email"),
          List.of("example.test", "example-care.test"));

  @Test
  void anIamUserClaimsByTagAndByNameAtEachCompanyDomain() {
    Account account =
        aws("jdoe", Map.of("Owner", "Jane.Doe@example.test, ops@example.test", "team", "x@y"));
    List<LinkCandidate> out = claims.of(account);
    assertEquals(
        List.of(
            new LinkCandidate(
                account.id(),
                "jane.doe@example.test",
                LinkRule.OWNER_TAG,
                "Owner=Jane.Doe@example.test, ops@example.test"),
            new LinkCandidate(
                account.id(),
                "ops@example.test",
                LinkRule.OWNER_TAG,
                "Owner=Jane.Doe@example.test, ops@example.test"),
            new LinkCandidate(
                account.id(),
                "jdoe@example.test",
                LinkRule.NAME_AT_COMPANY_DOMAIN,
                "jdoe → jdoe@example.test"),
            new LinkCandidate(
                account.id(),
                "jdoe@example-care.test",
                LinkRule.NAME_AT_COMPANY_DOMAIN,
                "jdoe → jdoe@example-care.test")),
        out);
  }

  @Test
  void anEmailShapedNameClaimsThatAddressOnly() {
    Account account = aws("Ann.Lee@Example.test", Map.of());
    assertEquals(
        List.of(
            new LinkCandidate(
                account.id(), "ann.lee@example.test", LinkRule.EMAIL_NAME, "ann.lee@example.test")),
        claims.of(account));
  }

  @Test
  void theMappingFileComesFirst() {
    List<LinkCandidate> out = claims.of(aws("root", Map.of()));
    assertEquals(LinkRule.MAPPING_FILE, out.get(0).rule());
    assertEquals("cto@example.test", out.get(0).address());
  }

  @Test
  void aGoogleAccountIsItsOwnDirectoryEntry() {
    Account google =
        Account.builder(
                new AccountKey(SourceSystem.GOOGLE_WORKSPACE, "example.test", "123"),
                "Ann.Lee@example.test",
                NOW)
            .emails(List.of("ann.lee@example.test"))
            .lastActivity(Activity.unknown("x"))
            .mfa(Mfa.unknown("x"))
            .build();
    assertEquals(LinkRule.DIRECTORY, claims.of(google).get(0).rule());
    assertEquals("ann.lee@example.test", claims.of(google).get(0).address());
  }

  private static Account aws(String name, Map<String, String> tags) {
    return Account.builder(
            new AccountKey(
                SourceSystem.AWS_IAM, "111122223333", "AIDA" + Math.abs(name.hashCode())),
            name,
            NOW)
        .tags(tags)
        .lastActivity(Activity.unknown("x"))
        .mfa(Mfa.unknown("x"))
        .build();
  }
}
