package dev.rollcall.connectors.google;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test snapshot folders under src/test/resources. */
final class Resources {
  static final String DOMAIN = "example-health.test";

  private Resources() {}

  /** The full tenant: two users.list pages, roles.list and roleAssignments.list. */
  static Path tenant() {
    return folder("/snapshot/google/" + DOMAIN);
  }

  /** A tenant folder under {@code <group>/} (e.g. malformed/wrong-kind). */
  static Path tenant(String group) {
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
