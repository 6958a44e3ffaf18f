package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.model.RoleAssumer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Principal element's documented forms in a role trust policy, and which assume action each
 * kind of principal uses.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
class TrustPolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FILE = Path.of("get-account-authorization-details.json");

  private static TrustPolicy parse(String statements, String role) throws Exception {
    return TrustPolicy.parse(
        JSON.readTree("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}"),
        FILE,
        "RoleDetailList[0]",
        role);
  }

  private static List<TrustPolicy.Principal> principals(TrustPolicy trust) {
    return trust.statements().stream().flatMap(s -> s.principals().stream()).toList();
  }

  @Test
  void readsEachFormOfAnAwsPrincipal() throws Exception {
    TrustPolicy trust =
        parse(
            "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\"111122223333\","
                + " \"arn:aws:iam::444455556666:root\", \"arn:aws:iam::111122223333:user/ops/ann\","
                + " \"arn:aws:iam::111122223333:role/deploy\","
                + " \"arn:aws:sts::111122223333:assumed-role/deploy/ann\","
                + " \"AIDAJQABLZS4A3QDU576Q\", \"*\"]}, \"Action\": \"sts:AssumeRole\"}",
            "r");
    assertEquals(
        List.of(
            new TrustPolicy.Principal(RoleAssumer.Type.ACCOUNT, "111122223333"),
            new TrustPolicy.Principal(RoleAssumer.Type.ACCOUNT, "arn:aws:iam::444455556666:root"),
            new TrustPolicy.Principal(
                RoleAssumer.Type.USER, "arn:aws:iam::111122223333:user/ops/ann"),
            new TrustPolicy.Principal(
                RoleAssumer.Type.ROLE, "arn:aws:iam::111122223333:role/deploy"),
            new TrustPolicy.Principal(
                RoleAssumer.Type.ROLE, "arn:aws:sts::111122223333:assumed-role/deploy/ann"),
            new TrustPolicy.Principal(RoleAssumer.Type.USER, "AIDAJQABLZS4A3QDU576Q"),
            new TrustPolicy.Principal(RoleAssumer.Type.ANYONE, "*")),
        principals(trust));
    assertEquals("444455556666", principals(trust).get(1).accountId());
    assertEquals(null, principals(trust).get(5).accountId(), "a unique id names no account");
    TrustPolicy.Statement s = trust.statements().get(0);
    assertTrue(s.covers("arn:aws:iam::999999999999:user/x", "999999999999"), "* covers anyone");
  }

  @Test
  void aFederatedPrincipalCountsOnlyForItsOwnAssumeAction() throws Exception {
    TrustPolicy wrongAction =
        parse(
            "{\"Effect\": \"Allow\", \"Principal\": {\"Federated\":"
                + " \"arn:aws:iam::111122223333:saml-provider/Okta\"}, \"Action\":"
                + " \"sts:AssumeRole\"}",
            "r");
    assertTrue(wrongAction.statements().isEmpty(), "SAML needs sts:AssumeRoleWithSAML");
    TrustPolicy sso =
        parse(
            "{\"Effect\": \"Allow\", \"Principal\": {\"Federated\":"
                + " \"arn:aws:iam::111122223333:saml-provider/AWSSSO_1a2b3c_DO_NOT_DELETE\"},"
                + " \"Action\": [\"sts:AssumeRoleWithSAML\", \"sts:TagSession\"]}",
            "AWSReservedSSO_ReadOnly_1a2b3c4d5e6f7a8b");
    assertEquals(RoleAssumer.Type.PERMISSION_SET, principals(sso).get(0).type());
    assertTrue(principals(sso).get(0).value().startsWith("ReadOnly ("));
    TrustPolicy oidc =
        parse(
            "{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \"accounts.google.com\"},"
                + " \"Action\": \"sts:AssumeRoleWithWebIdentity\"}",
            "r");
    assertEquals(RoleAssumer.Type.OIDC_PROVIDER, principals(oidc).get(0).type());
  }

  @Test
  void notPrincipalCoversEveryoneItDoesNotName() throws Exception {
    TrustPolicy trust =
        parse(
            "{\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\":"
                + " \"arn:aws:iam::111122223333:user/ann\"}, \"Action\": \"sts:AssumeRole\"}",
            "r");
    TrustPolicy.Statement s = trust.statements().get(0);
    assertFalse(s.covers("arn:aws:iam::111122223333:user/ann", "111122223333"));
    assertTrue(s.covers("arn:aws:iam::111122223333:user/bob", "111122223333"));
    assertFalse(s.namesDirectly("arn:aws:iam::111122223333:user/ann"));
  }

  @Test
  void aPrincipalStringOtherThanStarIsRefusedNamingTheStatement() {
    SnapshotException e =
        assertThrows(
            SnapshotException.class,
            () ->
                parse(
                    "{\"Effect\": \"Allow\", \"Principal\": \"111122223333\", \"Action\":"
                        + " \"sts:AssumeRole\"}",
                    "r"));
    assertTrue(e.getMessage().contains("RoleDetailList[0] Statement[0]"), e.getMessage());
    assertTrue(e.getMessage().contains("Principal"), e.getMessage());
  }
}
