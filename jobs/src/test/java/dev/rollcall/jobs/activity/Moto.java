package dev.rollcall.jobs.activity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/**
 * A moto server on loopback for the s3a tests: the one scripts/test started
 * (ROLLCALL_MOTO_ENDPOINT), or, when developing, one started here from the project's moto
 * virtualenv ({@code .cache/emulators/moto-venv}). Without either the test is skipped, saying why,
 * unless {@code rollcall.emulators.required} is set: then it fails.
 */
public final class Moto implements AutoCloseable {
  private final URI endpoint;
  private final Process process;

  private Moto(URI endpoint, Process process) {
    this.endpoint = endpoint;
    this.process = process;
  }

  public URI endpoint() {
    return endpoint;
  }

  public static Moto start() throws IOException, InterruptedException {
    String value = System.getenv("ROLLCALL_MOTO_ENDPOINT");
    if (value != null && !value.isBlank()) {
      URI uri = URI.create(value.strip());
      if (!answers(uri)) {
        unavailable("ROLLCALL_MOTO_ENDPOINT is " + uri + " but nothing answers there");
      }
      return new Moto(uri, null);
    }
    Path server = Path.of("..", ".cache", "emulators", "moto-venv", "bin", "moto_server");
    if (!Files.isExecutable(server)) {
      unavailable(
          "ROLLCALL_MOTO_ENDPOINT is not set and there is no moto virtualenv at "
              + server.toAbsolutePath().normalize()
              + " (scripts/test sets one up)");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(server.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    URI uri = URI.create("http://127.0.0.1:" + port);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!answers(uri)) {
      if (Instant.now().isAfter(deadline) || !process.isAlive()) {
        process.destroy();
        unavailable("the moto server at " + server + " did not start on port " + port);
      }
      Thread.sleep(200);
    }
    return new Moto(uri, process);
  }

  private static void unavailable(String why) {
    if (Boolean.getBoolean("rollcall.emulators.required")) {
      throw new IllegalStateException(why + ", although rollcall.emulators.required is set");
    }
    Assumptions.abort(why);
  }

  private static boolean answers(URI uri) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
    }
  }
}
