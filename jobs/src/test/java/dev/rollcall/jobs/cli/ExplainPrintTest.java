package dev.rollcall.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.jobs.run.Explanation;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.Owner;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.RoleAssumer;
import dev.rollcall.model.SourceSystem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rollcall explain} prints the privilege evaluation and, for a role, who can assume it. */
class ExplainPrintTest {
  private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
  private static final String TENANT = "111122223333";
  private static final Identity BOB =
      new Identity(
          "bob@corp.example",
          null,
          null,
          null,
          List.of("bob@corp.example"),
          PersonStatus.ACTIVE,
          "Google Workspace: active",
          null,
          null);

  @Test
  void aRolesGrantsStatementsAssumersAndOwnersArePrinted() {
    Account role =
        role(
            "platform-admin",
            List.of(
                new Grant(
                    "AdministratorAccess",
                    TENANT,
                    PrivilegeLevel.ADMIN,
                    "attached",
                    null,
                    List.of("AdministratorAccess Statement[0]: Allow * on *")),
                new Grant(
                    "ci-deploy",
                    TENANT,
                    PrivilegeLevel.PRIVILEGE_ESCALATION,
                    "inline",
                    "passrole-lambda: PassRole to a new Lambda function",
                    List.of(
                        "ci-deploy Statement[0]: Allow iam:PassRole on *",
                        "ci-deploy Statement[1]: Allow lambda:CreateFunction on *"))),
            List.of(
                new RoleAssumer(
                    RoleAssumer.Type.ROLE,
                    "arn:aws:iam::" + TENANT + ":role/ops-hop",
                    "aws_iam:" + TENANT + ":AROAHOP",
                    List.of("aws:MultiFactorAuthPresent is true"),
                    "trust Statement[0]")));
    Owner owner =
        new Owner(
            BOB,
            LinkRule.ASSUMES_ROLE,
            "can assume it as IAM role ops-hop (ops-hop: can assume it as IAM user bob"
                + " (bob owned by owner/email tag: owner=bob@corp.example))");
    String text = print(new AccountView(role, List.of(owner), List.of()));
    assertEquals(
        lines(
            "aws_iam:111122223333:AROAplatform-admin  platform-admin",
            "  source:        aws/111122223333",
            "  kind:          role (IAM role)",
            "  status:        active",
            "  outcome:       role, owned by bob@corp.example",
            "  owner:         bob@corp.example (assumes_role: can assume the role through an"
                + " account they own; can assume it as IAM role ops-hop (ops-hop: can assume it"
                + " as IAM user bob (bob owned by owner/email tag: owner=bob@corp.example)))",
            "  grants:",
            "    AdministratorAccess: admin on 111122223333 via attached",
            "      AdministratorAccess Statement[0]: Allow * on *",
            "    ci-deploy: privilege escalation on 111122223333 via inline"
                + " (method: passrole-lambda: PassRole to a new Lambda function)",
            "      ci-deploy Statement[0]: Allow iam:PassRole on *",
            "      ci-deploy Statement[1]: Allow lambda:CreateFunction on *",
            "  can be assumed by:",
            "    IAM role arn:aws:iam::111122223333:role/ops-hop when"
                + " aws:MultiFactorAuthPresent is true (trust Statement[0])",
            "  claims, strongest rule first:",
            "  findings:      none",
            "",
            ""),
        text);
  }

  @Test
  void aServiceRoleNobodyOwnsSaysWhoCanAssumeIt() {
    Account role =
        role(
            "ecs-task",
            List.of(),
            List.of(
                new RoleAssumer(
                    RoleAssumer.Type.SERVICE,
                    "ecs-tasks.amazonaws.com",
                    null,
                    List.of(),
                    "trust Statement[0]"),
                new RoleAssumer(
                    RoleAssumer.Type.SAML_PROVIDER,
                    "arn:aws:iam::" + TENANT + ":saml-provider/okta",
                    null,
                    List.of(),
                    "trust Statement[1]")));
    Explanation e = explanation(new AccountView(role, List.of(), List.of()));
    assertEquals(
        "role, owner unknown: assumed by service role (ecs-tasks.amazonaws.com);"
            + " SAML identity provider arn:aws:iam::111122223333:saml-provider/okta",
        e.outcome());
    String text = print(new AccountView(role, List.of(), List.of()));
    assertEquals(true, text.contains(lines("  grants:        none", "  can be assumed by:")), text);
    Account lonely = role("lonely", List.of(), List.of());
    String none = print(new AccountView(lonely, List.of(), List.of()));
    assertEquals(true, none.contains(lines("  can be assumed by: nobody", "")), none);
    assertEquals(
        "role, owner unknown: nobody the snapshot shows can assume it",
        explanation(new AccountView(lonely, List.of(), List.of())).outcome());
  }

  @Test
  void aUserWithoutGrantsSaysSoAndHasNoAssumersLine() {
    Account user =
        Account.builder(new AccountKey(SourceSystem.AWS_IAM, TENANT, "AIDABOB"), "bob", NOW)
            .kind(AccountKind.HUMAN, "console password")
            .lastActivity(Activity.unknown("x"))
            .mfa(Mfa.unknown("x"))
            .build();
    String text = print(new AccountView(user, List.of(), List.of()));
    assertEquals(true, text.contains(lines("  grants:        none", "  claims")), text);
    assertEquals(false, text.contains("can be assumed by"), text);
  }

  private static String print(AccountView view) {
    StringWriter text = new StringWriter();
    ExplainCommand.print(new PrintWriter(text, true), explanation(view));
    return text.toString();
  }

  private static Explanation explanation(AccountView view) {
    return new Explanation(view, "aws/" + TENANT, List.of(), List.of());
  }

  private static Account role(String name, List<Grant> grants, List<RoleAssumer> assumers) {
    return Account.builder(new AccountKey(SourceSystem.AWS_IAM, TENANT, "AROA" + name), name, NOW)
        .kind(AccountKind.ROLE, "IAM role")
        .grants(grants)
        .assumers(assumers)
        .lastActivity(Activity.unknown("x"))
        .mfa(Mfa.unknown("x"))
        .build();
  }

  private static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines);
  }
}
