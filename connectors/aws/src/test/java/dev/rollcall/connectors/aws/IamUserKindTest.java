package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.connectors.aws.CredentialReportRow.AccessKeySlot;
import dev.rollcall.connectors.aws.CredentialReportRow.CertificateSlot;
import dev.rollcall.connectors.aws.CredentialReportRow.Special;
import dev.rollcall.model.AccountKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamUserKindTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

  private static CredentialReportRow row(boolean password, boolean activeKey) {
    return new CredentialReportRow(
        2,
        "u",
        "arn:aws:iam::111122223333:user/u",
        T,
        password,
        null,
        Special.NOT_APPLICABLE,
        null,
        false,
        List.of(
            new AccessKeySlot(1, activeKey, activeKey ? T : null, null),
            new AccessKeySlot(2, false, T, null)),
        List.of(new CertificateSlot(1, false, null), new CertificateSlot(2, false, null)));
  }

  private static void assertKind(AccountKind kind, String evidence, IamUserKind actual) {
    assertEquals(new IamUserKind(kind, evidence), actual);
  }

  @Test
  void aKindTagWinsOverPathAndCredentials() {
    assertKind(
        AccountKind.SERVICE,
        "tag kind=service",
        IamUserKind.infer(row(true, false), Map.of("kind", "service"), "/"));
    assertKind(
        AccountKind.HUMAN,
        "tag Account-Type=HUMAN",
        IamUserKind.infer(row(false, true), Map.of("Account-Type", "HUMAN"), "/service/"));
    assertKind(
        AccountKind.SERVICE,
        "tag TYPE=Service",
        IamUserKind.infer(null, Map.of("TYPE", "Service"), null));
  }

  @Test
  void aKindTagWithAnotherValueIsIgnored() {
    assertKind(
        AccountKind.HUMAN,
        "console password",
        IamUserKind.infer(row(true, false), Map.of("kind", "robot", "owner", "service"), "/"));
  }

  @Test
  void aServicePathMakesAService() {
    assertKind(
        AccountKind.SERVICE,
        "path /service/ci/",
        IamUserKind.infer(row(true, false), Map.of(), "/service/ci/"));
    assertKind(
        AccountKind.HUMAN,
        "console password",
        IamUserKind.infer(row(true, false), Map.of(), "/engineering/"));
  }

  @Test
  void aConsolePasswordMakesAHuman() {
    assertKind(
        AccountKind.HUMAN, "console password", IamUserKind.infer(row(true, true), Map.of(), "/"));
  }

  @Test
  void anActiveKeyAndNoPasswordMakesAService() {
    assertKind(
        AccountKind.SERVICE,
        "access keys only, no console password",
        IamUserKind.infer(row(false, true), Map.of(), "/"));
  }

  @Test
  void anInactiveKeyAndNoPasswordTellsNothing() {
    assertKind(
        AccountKind.UNKNOWN,
        "no console password and no active access key",
        IamUserKind.infer(row(false, false), Map.of(), "/"));
  }
}
