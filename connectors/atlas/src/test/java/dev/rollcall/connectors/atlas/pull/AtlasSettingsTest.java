package dev.rollcall.connectors.atlas.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtlasSettingsTest {
  @Test
  void defaultsToThePublicHost() {
    AtlasSettings settings =
        AtlasSettings.of(List.of("7a1b2c3d4e5f60718293a4b5"), AtlasSettings.Auth.API_KEY);
    assertEquals(URI.create("https://cloud.mongodb.com"), settings.baseUrl());
    assertEquals(5, settings.maxRetries());
  }

  @Test
  void refusesAnOrganisationIdThatIsNotOne() {
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () -> AtlasSettings.of(List.of("Meridian"), AtlasSettings.Auth.API_KEY))
            .getMessage();
    assertTrue(message.contains("'Meridian'"), message);
  }

  @Test
  void refusesARelativeBaseUrl() {
    AtlasSettings settings = AtlasSettings.of(List.of(), AtlasSettings.Auth.API_KEY);
    assertThrows(
        IllegalArgumentException.class, () -> settings.withBaseUrl(URI.create("/api/atlas")));
  }

  @Test
  void readsServiceAccountCredentialsFromTheEnvironment() {
    AtlasCredentials credentials =
        AtlasCredentials.fromEnvironment(
            AtlasSettings.Auth.SERVICE_ACCOUNT,
            Map.of(
                "ROLLCALL_ATLAS_CLIENT_ID", "mdb_sa_id_1",
                "ROLLCALL_ATLAS_CLIENT_SECRET", "s3cret-value"));
    assertEquals(new AtlasCredentials.ServiceAccount("mdb_sa_id_1", "s3cret-value"), credentials);
    assertFalse(credentials.toString().contains("s3cret-value"), credentials.toString());
  }

  @Test
  void readsApiKeyCredentialsFromTheEnvironment() {
    AtlasCredentials credentials =
        AtlasCredentials.fromEnvironment(
            AtlasSettings.Auth.API_KEY,
            Map.of(
                "ROLLCALL_ATLAS_PUBLIC_KEY", "zmmrboas",
                "ROLLCALL_ATLAS_PRIVATE_KEY", "private-value"));
    assertEquals(AtlasSettings.Auth.API_KEY, credentials.auth());
    assertFalse(credentials.toString().contains("private-value"), credentials.toString());
  }

  @Test
  void namesTheMissingVariableNotItsValue() {
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    AtlasCredentials.fromEnvironment(
                        AtlasSettings.Auth.SERVICE_ACCOUNT,
                        Map.of("ROLLCALL_ATLAS_CLIENT_ID", "mdb_sa_id_1")))
            .getMessage();
    assertEquals("Atlas credentials: ROLLCALL_ATLAS_CLIENT_SECRET is not set", message);
  }

  @Test
  void backsOffExponentiallyWithJitterWithinTheCap() {
    AtlasRetryStrategy strategy =
        new AtlasRetryStrategy(5, Duration.ofMillis(100), Duration.ofMillis(1000));
    for (int i = 0; i < 200; i++) {
      long first = strategy.backoff(1);
      long third = strategy.backoff(3);
      long tenth = strategy.backoff(10);
      assertTrue(first >= 50 && first <= 100, "first " + first);
      assertTrue(third >= 200 && third <= 400, "third " + third);
      assertTrue(tenth >= 500 && tenth <= 1000, "tenth " + tenth);
    }
  }
}
