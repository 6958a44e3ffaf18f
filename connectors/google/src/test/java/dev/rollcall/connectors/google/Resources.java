package dev.rollcall.connectors.google;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test snapshot folders under src/test/resources. */
public final class Resources {
  public static final String DOMAIN = "example-health.test";

  private Resources() {}

  /** The full tenant: two users.list pages, roles.list and roleAssignments.list. */
  public static Path tenant() {
    return folder("/snapshot/google/" + DOMAIN);
  }

  /** A tenant folder under {@code <group>/} (e.g. malformed/wrong-kind). */
  public static Path tenant(String group) {
    return folder("/" + group + "/" + DOMAIN);
  }

  private static Path folder(String name) {
    URL url = Resources.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("test resource missing: " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
