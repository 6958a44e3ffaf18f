package dev.rollcall.connectors.aws.pull;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Where the AWS emulators of the test run are. {@code scripts/test} starts them and passes their
 * coordinates in the environment, and sets {@code rollcall.emulators.required} so that an emulator
 * it could have started but did not fails the run instead of skipping it.
 */
public final class Emulators {
  private Emulators() {}

  public static boolean required() {
    return Boolean.getBoolean("rollcall.emulators.required");
  }

  /** The moto server's endpoint; skips (or fails, when required) without one. */
  public static URI motoEndpoint() {
    String value = System.getenv("ROLLCALL_MOTO_ENDPOINT");
    if (value == null || value.isBlank()) {
      if (required()) {
        throw new IllegalStateException(
            "ROLLCALL_MOTO_ENDPOINT is not set although scripts/test requires the emulators");
      }
      Assumptions.abort(
          "ROLLCALL_MOTO_ENDPOINT is not set: run scripts/test, which starts a moto server");
    }
    return URI.create(value.strip());
  }

  /** A started LocalStack container; skips, saying why, where Docker or the image is missing. */
  public static LocalStackContainer startLocalStack() {
    String image = System.getenv("ROLLCALL_LOCALSTACK_IMAGE");
    if (image == null || image.isBlank()) {
      String reason = System.getenv("ROLLCALL_LOCALSTACK_SKIP_REASON");
      Assumptions.abort(
          "no LocalStack image: "
              + (reason == null || reason.isBlank()
                  ? "ROLLCALL_LOCALSTACK_IMAGE is not set (scripts/test sets it)"
                  : reason));
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      if (required()) {
        throw new IllegalStateException(
            "ROLLCALL_LOCALSTACK_IMAGE is " + image + " but no Docker engine answers");
      }
      Assumptions.abort("no Docker engine answers; the LocalStack variant cannot run");
    }
    LocalStackContainer container =
        new LocalStackContainer(
                DockerImageName.parse(image.strip())
                    .asCompatibleSubstituteFor("localstack/localstack"))
            .withStartupTimeout(Duration.ofMinutes(2));
    container.start();
    return container;
  }
}
