package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The known ways an IAM principal can grant itself more, read from {@code escalation-methods.json}
 * so that a method is added as data, not code. Each method needs all its actions together, across
 * every policy of the principal, each on a resource it must reach.
 */
final class EscalationCatalogue {
  private static final String RESOURCE = "escalation-methods.json";

  /**
   * One method.
   *
   * @param id a stable id (e.g. {@code passrole-lambda-invoke})
   * @param title what the principal does
   * @param reference where the method is described
   * @param needs the actions it needs, all of them
   * @param runsAs for a compute takeover, the service principal the taken-over compute runs as
   *     ({@code lambda.amazonaws.com}): the method escalates only when the account holds a role
   *     that service may assume and that holds more than the principal without the takeover
   */
  record Method(
      String id, String title, String reference, List<Need> needs, Optional<String> runsAs) {
    Method {
      needs = List.copyOf(needs);
    }

    Method(String id, String title, String reference, List<Need> needs) {
      this(id, title, reference, needs, Optional.empty());
    }

    /** How the method reads in a grant: id and title. */
    String describe() {
      return id + ": " + title;
    }
  }

  /**
   * One action a method needs and the resource it must reach: an ARN pattern ({@code {account}} is
   * the principal's account) or a kind the snapshot lists ({@code @users}, {@code @other-users},
   * {@code @groups}, {@code @roles}, {@code @customer-policies}).
   *
   * @param sameResourceAs the action of an earlier need whose resource this one must reach too
   *     (assume the role whose policy it changed, invoke the function it created), or empty
   */
  record Need(String action, String resource, Optional<String> sameResourceAs) {
    Need(String action, String resource) {
      this(action, resource, Optional.empty());
    }
  }

  private EscalationCatalogue() {}

  /** Every action some method needs, once each. */
  static Set<String> neededActions() {
    return Needed.ACTIONS;
  }

  /** Loaded on first use, once. */
  private static final class Needed {
    static final Set<String> ACTIONS =
        methods().stream()
            .flatMap(m -> m.needs().stream())
            .map(Need::action)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The methods, in the file's order; fails loudly when the resource is missing or malformed. */
  static List<Method> methods() {
    try (InputStream in = EscalationCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + RESOURCE);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      List<Method> methods = new ArrayList<>();
      int i = 0;
      for (JsonNode m : root.path("methods")) {
        String where = RESOURCE + " methods[" + i++ + "]";
        List<Need> needs = new ArrayList<>();
        for (JsonNode n : m.path("needs")) {
          Optional<String> same =
              n.has("sameResourceAs")
                  ? Optional.of(text(n, "sameResourceAs", where))
                  : Optional.empty();
          same.filter(a -> needs.stream().noneMatch(e -> e.action().equals(a)))
              .ifPresent(
                  a -> {
                    throw new IllegalStateException(
                        where + ": sameResourceAs '" + a + "' names no earlier need");
                  });
          needs.add(new Need(text(n, "action", where), text(n, "resource", where), same));
        }
        if (needs.isEmpty()) {
          throw new IllegalStateException(where + ": field 'needs' is empty");
        }
        Optional<String> runsAs =
            m.has("runsAs") ? Optional.of(text(m, "runsAs", where)) : Optional.empty();
        methods.add(
            new Method(
                text(m, "id", where),
                text(m, "title", where),
                text(m, "reference", where),
                needs,
                runsAs));
      }
      return List.copyOf(methods);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new IllegalStateException(where + ": field '" + field + "' is missing or empty");
    }
    return value.textValue();
  }
}
