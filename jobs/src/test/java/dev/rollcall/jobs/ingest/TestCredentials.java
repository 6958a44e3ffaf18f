package dev.rollcall.jobs.ingest;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.atlas.pull.AtlasCredentials;
import dev.rollcall.connectors.atlas.pull.FakeAtlas;
import dev.rollcall.connectors.google.pull.GoogleApiStub;
import dev.rollcall.jobs.config.AtlasSource;
import dev.rollcall.jobs.config.AwsSource;
import dev.rollcall.jobs.config.GoogleSource;
import dev.rollcall.jobs.config.LiveSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The credentials the test servers accept: moto's, the Google stub's token, the Atlas fake's. */
public final class TestCredentials {
  /** What moto accepts. */
  public static final StaticCredentialsProvider EMULATOR =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  private TestCredentials() {}

  /** Live pulls of every source, with the test servers' credentials. */
  public static LivePulls livePulls() {
    return new LivePulls(sources(), Map.of());
  }

  /** Every live source, with the test servers' credentials. */
  static List<LiveSource<?, ?, ?>> sources() {
    return List.of(
        GoogleSource.LIVE.withCredentials(
            (google, settings, environment) ->
                GoogleCredentials.create(
                    new AccessToken(
                        GoogleApiStub.TOKEN,
                        Date.from(Instant.now().plus(Duration.ofDays(3650)))))),
        AwsSource.LIVE.withCredentials((source, settings, environment) -> EMULATOR),
        AtlasSource.LIVE.withCredentials(
            (source, settings, environment) ->
                new AtlasCredentials.ServiceAccount(FakeAtlas.CLIENT_ID, FakeAtlas.CLIENT_SECRET)));
  }
}
