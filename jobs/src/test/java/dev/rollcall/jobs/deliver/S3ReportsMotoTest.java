package dev.rollcall.jobs.deliver;

import dev.rollcall.jobs.activity.Moto;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link S3ReportsContract} against a moto server on loopback, one for the class. */
class S3ReportsMotoTest extends S3ReportsContract {
  private static Moto moto;

  @BeforeAll
  static void start() throws Exception {
    moto = Moto.start();
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  @Override
  URI endpoint() {
    return moto.endpoint();
  }
}
