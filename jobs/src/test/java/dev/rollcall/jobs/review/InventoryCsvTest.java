package dev.rollcall.jobs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.Owner;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.reports.review.InventoryCsv;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryCsvTest {
  private static final Instant CAPTURED = Instant.parse("2026-11-20T06:00:00Z");

  private static Identity person(String email, String name, PersonStatus status) {
    return new Identity(
        email, name, null, null, List.of(email), status, "HR roster", null, null, null);
  }

  private static Account aws(String name, PrivilegeLevel level, Activity lastUse) {
    return Account.builder(
            new AccountKey(SourceSystem.AWS_IAM, "111122223333", name), name, CAPTURED)
        .kind(AccountKind.HUMAN, "console password")
        .lastActivity(lastUse)
        .mfa(Mfa.notEnabled("mfa_active=false"))
        .grants(
            level == null
                ? List.of()
                : List.of(new Grant("policy-" + name, "account", level, "attached")))
        .build();
  }

  private static AccountView ownedBy(Account account, Identity... people) {
    return new AccountView(
        account,
        java.util.Arrays.stream(people)
            .map(p -> new Owner(p, LinkRule.MAPPING_FILE, "mapping.csv line 2"))
            .toList(),
        List.of());
  }

  private static Finding finding(String rule, Account account) {
    return new Finding(
        Finding.fingerprintOf(rule, account.key()),
        rule,
        rule,
        Severity.HIGH,
        account.key(),
        account.name(),
        List.of(),
        "summary",
        List.of(new Evidence("e", "v")),
        List.of(),
        "fix it");
  }

  @Test
  void everyPersonWithTheirAccountsThenPeopleWithoutThenUnownedAccounts() {
    Identity zoe = person("zoe@example.test", "Zoe Ng", PersonStatus.ACTIVE);
    Identity amy = person("amy@example.test", "Amy Lee", PersonStatus.LEFT);
    Identity contractor = person("kim@example.test", "Kim Roe", PersonStatus.ACTIVE);
    Account amyAdmin = aws("amy-admin", PrivilegeLevel.ADMIN, Activity.neverUsed("report"));
    Account amyRead =
        aws(
            "amy",
            PrivilegeLevel.READ,
            Activity.usedAt(Instant.parse("2026-11-01T00:00:00Z"), "x"));
    Account zoes = aws("zoe", null, Activity.unknown("no report row"));
    Account shared = aws("shared-qa", PrivilegeLevel.WRITE, Activity.unknown("no report row"));
    Account bot = aws("=build-bot", PrivilegeLevel.PRIVILEGE_ESCALATION, Activity.unknown("n/a"));

    String csv =
        InventoryCsv.render(
            List.of(
                new AccountView(bot, List.of(), List.of()),
                ownedBy(zoes, zoe),
                ownedBy(shared, amy, zoe),
                ownedBy(amyAdmin, amy),
                ownedBy(amyRead, amy)),
            List.of(zoe, contractor, amy),
            List.of(
                finding("access-after-termination", amyAdmin),
                finding("over-privileged", amyAdmin),
                finding("shared-account", shared),
                finding("unowned-account", bot)));

    assertEquals(
        List.of(
            "person_id,person_name,person_status,system,tenant,account_id,account_name,kind,"
                + "account_status,mfa,privilege,last_use,open_findings,owned_because",
            "amy@example.test,Amy Lee,left,aws_iam,111122223333,aws_iam:111122223333:amy,amy,"
                + "human,active,not enabled,read,2026-11-01T00:00:00Z,0"
                + ",mapping_file: mapping.csv line 2",
            "amy@example.test,Amy Lee,left,aws_iam,111122223333,aws_iam:111122223333:amy-admin,"
                + "amy-admin,human,active,not enabled,admin,never,2"
                + ",mapping_file: mapping.csv line 2",
            "amy@example.test,Amy Lee,left,aws_iam,111122223333,"
                + "aws_iam:111122223333:shared-qa,shared-qa,human,active,not enabled,write,"
                + "unknown,1"
                + ",mapping_file: mapping.csv line 2",
            "kim@example.test,Kim Roe,active,,,,,,,,,,,",
            "zoe@example.test,Zoe Ng,active,aws_iam,111122223333,"
                + "aws_iam:111122223333:shared-qa,shared-qa,human,active,not enabled,write,"
                + "unknown,1"
                + ",mapping_file: mapping.csv line 2",
            "zoe@example.test,Zoe Ng,active,aws_iam,111122223333,aws_iam:111122223333:zoe,zoe,"
                + "human,active,not enabled,none,unknown,0"
                + ",mapping_file: mapping.csv line 2",
            // A name that starts like a formula is neutralised, as in findings.csv; commons-csv
            // quotes an empty first field so that the row cannot read as an empty line.
            "\"\",,,aws_iam,111122223333,aws_iam:111122223333:=build-bot,'=build-bot,human,active,"
                + "not enabled,privilege escalation,unknown,1,"),
        csv.lines().toList());
  }
}
