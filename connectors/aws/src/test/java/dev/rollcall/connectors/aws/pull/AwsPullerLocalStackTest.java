package dev.rollcall.connectors.aws.pull;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;

/**
 * The AWS pull against Testcontainers' LocalStack container, one container for the whole class. The
 * image comes from {@code ROLLCALL_LOCALSTACK_IMAGE}: on these machines a locally built moto image
 * that stands in for localstack/localstack (scripts/emulators/aws builds it), on a laptop with
 * Docker and the internet {@code localstack/localstack:4} itself. Skips, saying why, only where no
 * Docker engine can be started.
 */
class AwsPullerLocalStackTest extends AwsPullerContract {
  private static LocalStackContainer container;

  @BeforeAll
  static void start() {
    container = Emulators.startLocalStack();
  }

  @AfterAll
  static void stop() {
    if (container != null) {
      container.stop();
    }
  }

  @Override
  URI endpoint() {
    return container.getEndpoint();
  }
}
