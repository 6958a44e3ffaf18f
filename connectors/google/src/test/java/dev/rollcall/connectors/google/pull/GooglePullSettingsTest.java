package dev.rollcall.connectors.google.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GooglePullSettingsTest {
  private static final GooglePullSettings DEFAULTS =
      GooglePullSettings.defaults("Example-Health.test", "reader@example-health.test");

  @Test
  void theDefaultsAreProductionOnes() {
    assertEquals("example-health.test", DEFAULTS.domain());
    assertEquals("my_customer", DEFAULTS.customer());
    assertEquals(30, DEFAULTS.loginAuditDays());
    assertEquals(URI.create("https://admin.googleapis.com/"), DEFAULTS.rootUrl());
    assertEquals(5, DEFAULTS.maxRetries());
  }

  @Test
  void aRootUrlGetsItsTrailingSlash() {
    assertEquals(
        URI.create("http://127.0.0.1:8080/"),
        DEFAULTS.withRootUrl(URI.create("http://127.0.0.1:8080")).rootUrl());
  }

  @Test
  void badValuesAreRefusedWithTheFieldNamed() {
    assertEquals(
        "loginAuditDays must be 0 to 180, not 181",
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withLoginAuditDays(181))
            .getMessage());
    assertEquals(
        "adminSubject 'admin' must be the email address of an admin",
        assertThrows(
                IllegalArgumentException.class,
                () -> GooglePullSettings.defaults("example-health.test", "admin"))
            .getMessage());
    assertEquals(
        "domain '../etc' is not a domain name",
        assertThrows(
                IllegalArgumentException.class,
                () -> GooglePullSettings.defaults("../etc", "a@example-health.test"))
            .getMessage());
    assertEquals(
        "maxRetries must be 0 to 10, not 11",
        assertThrows(
                IllegalArgumentException.class,
                () -> DEFAULTS.withRetries(11, Duration.ofSeconds(1), Duration.ofSeconds(2)))
            .getMessage());
    assertEquals(
        "rootUrl must be an http(s) URL: file:/tmp/x",
        assertThrows(
                IllegalArgumentException.class,
                () -> DEFAULTS.withRootUrl(URI.create("file:/tmp/x")))
            .getMessage());
  }
}
