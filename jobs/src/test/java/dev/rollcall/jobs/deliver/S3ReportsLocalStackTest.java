package dev.rollcall.jobs.deliver;

import dev.rollcall.connectors.aws.pull.Emulators;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;

/**
 * {@link S3ReportsContract} against Testcontainers' LocalStack container (the image scripts/test
 * builds), one container for the class; skips, saying why, only where no Docker engine can start.
 */
class S3ReportsLocalStackTest extends S3ReportsContract {
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
