package dev.rollcall.reports.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryRowTest {
  @Test
  void anOwnersRowHasTheOwnerAndSharesTheAccountsColumns() {
    InventoryRow unowned =
        new InventoryRow(
            "",
            "",
            "",
            "aws_iam",
            "111122223333",
            "aws_iam:111122223333:AIDAX",
            "deploy",
            "service",
            "active",
            new java.util.ArrayList<>(List.of("AdministratorAccess (admin, *)")),
            "never",
            "none",
            List.of("unowned-account"),
            "");
    InventoryRow owned = unowned.ownedBy("ann", "Ann Lee", "bob", "owner_tag: owner=ann");
    assertEquals(
        new InventoryRow(
            "ann",
            "Ann Lee",
            "bob",
            "aws_iam",
            "111122223333",
            "aws_iam:111122223333:AIDAX",
            "deploy",
            "service",
            "active",
            List.of("AdministratorAccess (admin, *)"),
            "never",
            "none",
            List.of("unowned-account"),
            "owner_tag: owner=ann"),
        owned);
    assertSame(unowned.privileges(), owned.privileges(), "shared, not copied per owner");
    assertSame(unowned.findings(), owned.findings());
    assertSame(unowned.accountId(), owned.accountId());
  }
}
