import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The floor under a run's load stage: parses every file of a snapshot folder and nothing else
 * (JSON with Jackson's readTree, CSV with Commons CSV), and prints the time as JSON. Run it from
 * the checkout as a source file: java -cp 'jobs/target/lib/*' scripts/benchmark/BareParse.java DIR
 */
public final class BareParse {
  private BareParse() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java -cp 'jobs/target/lib/*' BareParse.java SNAPSHOT_DIR");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    ObjectMapper mapper = new ObjectMapper();
    long started = System.nanoTime();
    long bytes = 0;
    long nodes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
      String name = file.getFileName().toString();
      if (name.endsWith(".json")) {
        JsonNode tree = mapper.readTree(file.toFile());
        nodes += tree.size();
      } else if (name.endsWith(".csv")) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
            nodes += record.size();
          }
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        java.util.Locale.ROOT,
        "{\"files\": %d, \"bytes\": %d, \"topLevelValues\": %d, \"seconds\": %.3f}%n",
        files.size(),
        bytes,
        nodes,
        seconds);
  }
}
