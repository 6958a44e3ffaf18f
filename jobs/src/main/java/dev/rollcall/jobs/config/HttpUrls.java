package dev.rollcall.jobs.config;

import java.net.URI;

/** The http(s) URLs a configuration names: refused unless they have a host and no credentials. */
final class HttpUrls {
  private HttpUrls() {}

  /**
   * {@code url} as a URI, or an IllegalArgumentException naming {@code key}.
   *
   * @param checked the text to parse (a placeholder replaced), when it differs from {@code url}
   */
  static URI require(String key, String url, String checked) {
    URI uri;
    try {
      uri = URI.create(checked);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " '" + url + "' is not a URL");
    }
    if (uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          key + " '" + url + "' must be an http(s) URL with a host and no credentials");
    }
    return uri;
  }
}
