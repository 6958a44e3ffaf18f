package dev.rollcall.rules;

import static dev.rollcall.rules.CredentialFixtures.ATLAS_ORG;
import static dev.rollcall.rules.CredentialFixtures.atlasApiKey;
import static dev.rollcall.rules.CredentialFixtures.consolePassword;
import static dev.rollcall.rules.CredentialFixtures.unknownUse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.Account;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import org.junit.jupiter.api.Test;

class CredentialRemediesTest {
  @Test
  void anAtlasApiKeyIsDeletedWithTheAtlasCli() {
    Credential key = unknownUse(CredentialType.ACCESS_KEY, CredentialRemedies.ATLAS_API_KEY, 400);
    Account account =
        atlasApiKey("65aa00000000000000000001").credentials(java.util.List.of(key)).build();
    assertEquals(
        "atlas organizations apiKeys delete 65aa00000000000000000001 --orgId "
            + ATLAS_ORG
            + " (Atlas > Organization Access Manager > Applications > API Keys).",
        CredentialRemedies.retire(account, key));
    assertTrue(
        CredentialRemedies.rotate(account, key).endsWith("--orgId " + ATLAS_ORG + "."),
        CredentialRemedies.rotate(account, key));
  }

  @Test
  void aGooglePasswordIsTheAccountsOnlyWayInSoTheAccountIsSuspended() {
    Credential password = consolePassword(400, 200);
    Account account =
        Fixtures.googleUser("ann@example.test").credentials(java.util.List.of(password)).build();
    assertEquals(Remedies.disable(account), CredentialRemedies.retire(account, password));
    assertTrue(CredentialRemedies.retire(account, password).contains("Suspend user"));
  }

  @Test
  void thePasswordResetWarnsThatThePolicyCallResetsOtherSettings() {
    Account account = Fixtures.awsUser("lisa.park").build();
    String fix = CredentialRemedies.resetPassword(account);
    assertTrue(
        fix.startsWith(
            "In account 111122223333: aws iam update-login-profile --user-name lisa.park"
                + " --password-reset-required"),
        fix);
    assertTrue(fix.contains("resets any it is not given"), fix);
  }
}
