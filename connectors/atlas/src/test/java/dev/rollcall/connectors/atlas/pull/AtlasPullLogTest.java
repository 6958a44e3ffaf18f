package dev.rollcall.connectors.atlas.pull;

import static dev.rollcall.connectors.atlas.pull.FakeAtlas.CLIENT_ID;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.CLIENT_SECRET;
import static dev.rollcall.connectors.atlas.pull.FakeAtlas.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.model.PullStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the puller logs: one line per organisation with its request count, and no secret. */
class AtlasPullLogTest {
  private static final String LOGGER = "dev.rollcall.connectors.atlas";

  @TempDir Path temp;

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private AbstractAppender appender;
  private FakeAtlas atlas;

  @BeforeEach
  void capture() {
    appender =
        new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
          }
        };
    appender.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    LoggerConfig logger = new LoggerConfig(LOGGER, Level.INFO, false);
    logger.addAppender(appender, Level.INFO, null);
    config.addLogger(LOGGER, logger);
    context.updateLoggers();
  }

  @AfterEach
  void release() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().removeLogger(LOGGER);
    context.updateLoggers();
    appender.stop();
    if (atlas != null) {
      atlas.close();
    }
  }

  @Test
  void logsEachOrganisationWithItsRequestCountAndNoSecret() {
    atlas = FakeAtlas.forServiceAccount().serveOrganisation();
    atlas.server.stubFor(
        atlas
            .request(FakeAtlas.ORG_PATH + "/teams", "2023-01-01")
            .willReturn(FakeAtlas.apiError(403, "FORBIDDEN", "No teams for you.")));
    var pulls =
        new AtlasPuller(
                atlas.settings(AtlasSettings.Auth.SERVICE_ACCOUNT, List.of(ORG)),
                new AtlasCredentials.ServiceAccount(CLIENT_ID, CLIENT_SECRET))
            .pull(temp.resolve("atlas"));
    assertEquals(PullStatus.PARTIAL, pulls.get(0).status());

    assertEquals(1, lines.size(), lines.toString());
    String line = lines.get(0);
    assertTrue(
        line.startsWith("INFO Atlas organisation " + ORG + ": PARTIAL in 15 API requests"), line);
    assertTrue(line.contains("teams: not pulled"), line);
    for (String logged : lines) {
      assertFalse(logged.contains(CLIENT_SECRET), logged);
      assertFalse(logged.contains("tok-1"), logged);
    }
  }
}
