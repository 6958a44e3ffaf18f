package dev.rollcall.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.SourceSystem;
import org.junit.jupiter.api.Test;

class RemediesTest {
  private static Account atlasDatabaseUser(String nativeId, String name) {
    return Account.builder(
            new AccountKey(SourceSystem.ATLAS_DATABASE, "6a1b2c3d4e5f6a7b8c9d0e1f", nativeId),
            name,
            Fixtures.CAPTURED)
        .lastActivity(Activity.unknown("x"))
        .mfa(Mfa.unknown("x"))
        .build();
  }

  @Test
  void aScramUserNamedByEmailIsDeletedFromAdmin() {
    String fix = Remedies.disable(atlasDatabaseUser("admin/ann@example.test", "ann@example.test"));
    assertEquals(
        "atlas dbusers delete ann@example.test --projectId 6a1b2c3d4e5f6a7b8c9d0e1f (Atlas > Database"
            + " Access in the project).",
        fix);
  }

  @Test
  void anExternallyAuthenticatedUserIsDeletedFromExternal() {
    String fix = Remedies.disable(atlasDatabaseUser("$external/CN=etl", "CN=etl"));
    assertTrue(fix.contains("--authDB '$external'"), fix);
  }

  @Test
  void theAwsRootUserIsNeverToldToDeleteItself() {
    Account root =
        Account.builder(
                new AccountKey(SourceSystem.AWS_IAM, "111122223333", "root"),
                "root",
                Fixtures.CAPTURED)
            .lastActivity(Activity.unknown("x"))
            .mfa(Mfa.unknown("x"))
            .build();
    assertTrue(Remedies.disable(root).contains("break-glass"), Remedies.disable(root));
    assertTrue(!Remedies.disable(root).contains("delete-user"), Remedies.disable(root));
  }
}
