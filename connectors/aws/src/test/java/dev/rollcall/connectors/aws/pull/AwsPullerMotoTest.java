package dev.rollcall.connectors.aws.pull;

import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The AWS pull against a moto server on loopback, which {@code scripts/test} starts (see
 * scripts/emulators/aws) and names in {@code ROLLCALL_MOTO_ENDPOINT}. Under {@code scripts/test}
 * the emulator is required: a missing endpoint fails rather than skips.
 */
class AwsPullerMotoTest extends AwsPullerContract {
  private static URI endpoint;

  @BeforeAll
  static void emulator() {
    endpoint = Emulators.motoEndpoint();
  }

  @Override
  URI endpoint() {
    Assumptions.assumeTrue(endpoint != null);
    return endpoint;
  }
}
