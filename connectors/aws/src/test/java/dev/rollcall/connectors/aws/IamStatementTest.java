package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The escalation actions a statement may start, found when it is parsed, are exactly the needed
 * actions its Action or NotAction reaches by AWS's matching (case-insensitive, wildcards), and none
 * for a Deny.
 */
class IamStatementTest {
  private static final Path FILE = Path.of("test.json");

  @Test
  void anAllowReachesTheNeededActionsItsPatternsMatchWhateverTheCase() {
    assertEquals(
        Set.of("iam:PassRole", "iam:CreatePolicyVersion"),
        only(
            statement("Allow", "\"Action\": [\"IAM:passrole\", \"iam:CreatePolicy*\"]"),
            "iam:PassRole",
            "iam:CreatePolicyVersion",
            "iam:CreateAccessKey"));
  }

  @Test
  void aWildcardReachesEveryNeededActionOfItsService() {
    Set<String> iam =
        EscalationCatalogue.neededActions().stream()
            .filter(a -> a.startsWith("iam:"))
            .collect(Collectors.toSet());
    assertTrue(iam.size() > 5, iam.toString());
    assertEquals(iam, statement("Allow", "\"Action\": \"iam:*\"").escalationActions());
    assertEquals(
        EscalationCatalogue.neededActions(),
        statement("Allow", "\"Action\": \"*\"").escalationActions());
  }

  @Test
  void aNotActionReachesEveryNeededActionItDoesNotName() {
    Set<String> expected = new TreeSet<>(EscalationCatalogue.neededActions());
    expected.remove("iam:PassRole");
    expected.removeIf(a -> a.startsWith("lambda:"));
    assertEquals(
        expected,
        new TreeSet<>(
            statement("Allow", "\"NotAction\": [\"iam:PassRole\", \"lambda:*\"]")
                .escalationActions()));
  }

  @Test
  void aDenyStartsNothing() {
    assertEquals(Set.of(), statement("Deny", "\"Action\": \"*\"").escalationActions());
  }

  @Test
  void anActionNoMethodNeedsStartsNothing() {
    assertEquals(
        Set.of(),
        statement("Allow", "\"Action\": [\"s3:GetObject\", \"iam:Get*\"]").escalationActions());
  }

  private static Set<String> only(IamStatement s, String... candidates) {
    Set<String> out = new TreeSet<>();
    for (String c : candidates) {
      assertTrue(EscalationCatalogue.neededActions().contains(c), c + " is not a needed action");
      if (s.escalationActions().contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  private static IamStatement statement(String effect, String action) {
    try {
      return IamStatement.parse(
          new ObjectMapper()
              .readTree("{\"Effect\": \"" + effect + "\", " + action + ", \"Resource\": \"*\"}"),
          "Test",
          0,
          FILE,
          "Statement[0]");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
