package dev.rollcall.jobs.config;

import java.io.StringReader;
import java.util.List;
import java.util.OptionalInt;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a key path in a YAML document. Jackson reports a record's errors at the end of
 * its block; this points at the key itself.
 */
public final class YamlLines {
  private YamlLines() {}

  /**
   * The 1-based line of the last element of {@code path} (a key, or a list index), if the document
   * is well-formed YAML and the path exists.
   */
  public static OptionalInt lineOf(String document, List<Object> path) {
    try {
      Node node = new Yaml(new LoaderOptions()).compose(new StringReader(document));
      int line = -1;
      for (Object step : path) {
        if (node instanceof MappingNode mapping && step instanceof String key) {
          NodeTuple found = null;
          for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
              found = tuple;
              break;
            }
          }
          if (found == null) {
            return OptionalInt.empty();
          }
          line = found.getKeyNode().getStartMark().getLine();
          node = found.getValueNode();
        } else if (node instanceof SequenceNode sequence && step instanceof Integer index) {
          if (index < 0 || index >= sequence.getValue().size()) {
            return OptionalInt.empty();
          }
          node = sequence.getValue().get(index);
          line = node.getStartMark().getLine();
        } else {
          return OptionalInt.empty();
        }
      }
      return line < 0 ? OptionalInt.empty() : OptionalInt.of(line + 1);
    } catch (RuntimeException e) {
      // Not well-formed: Jackson's own location is the best there is.
      return OptionalInt.empty();
    }
  }
}
