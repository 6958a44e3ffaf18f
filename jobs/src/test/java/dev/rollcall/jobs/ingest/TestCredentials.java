package dev.rollcall.jobs.ingest;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.atlas.pull.AtlasCredentials;
import dev.rollcall.connectors.atlas.pull.AtlasSettings;
import dev.rollcall.connectors.atlas.pull.FakeAtlas;
import dev.rollcall.connectors.google.pull.GoogleApiStub;
import dev.rollcall.jobs.config.AtlasSourceConfig;
import dev.rollcall.jobs.config.AwsSourceConfig;
import dev.rollcall.jobs.config.GoogleSourceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The credentials the test servers accept: moto's, the Google stub's token, the Atlas fake's. */
public final class TestCredentials implements LivePulls.Credentials {
  /** What moto accepts. */
  public static final StaticCredentialsProvider EMULATOR =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  @Override
  public AwsCredentialsProvider aws(AwsSourceConfig config) {
    return EMULATOR;
  }

  @Override
  public GoogleCredentials google(GoogleSourceConfig config) {
    return GoogleCredentials.create(
        new AccessToken(GoogleApiStub.TOKEN, Date.from(Instant.now().plus(Duration.ofDays(3650)))));
  }

  @Override
  public AtlasCredentials atlas(AtlasSourceConfig config, AtlasSettings.Auth auth) {
    return new AtlasCredentials.ServiceAccount(FakeAtlas.CLIENT_ID, FakeAtlas.CLIENT_SECRET);
  }
}
