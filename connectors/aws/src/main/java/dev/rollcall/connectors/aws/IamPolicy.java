package dev.rollcall.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed IAM policy as a principal holds it: its name, how it is held ({@code attached}, {@code
 * inline}, {@code group:Admins}, {@code permission set Ops}) and its statements.
 */
record IamPolicy(String name, String via, List<IamStatement> statements) {
  IamPolicy {
    statements = List.copyOf(statements);
  }

  /** The same policy held another way (a group's policy as one of its members holds it). */
  IamPolicy heldVia(String how) {
    return new IamPolicy(name, how, statements);
  }

  /**
   * Parses a policy document (see {@link PolicyDocuments#parse}); fails naming the file and the
   * record when a statement is malformed.
   */
  static IamPolicy parse(JsonNode value, String name, String via, Path file, String record) {
    List<JsonNode> nodes = PolicyDocuments.statements(value, "policy document", file, record);
    List<IamStatement> statements = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      statements.add(
          IamStatement.parse(nodes.get(i), name, i, file, record + " Statement[" + i + "]"));
    }
    return new IamPolicy(name, via, statements);
  }
}
