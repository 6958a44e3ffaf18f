package dev.rollcall.jobs.config;

import java.net.URI;

/** The http(s) URLs a configuration names: refused unless they have a host and no credentials. */
final class HttpUrls {
  private HttpUrls() {}

  /**
   * {@code url} as a URI, or an IllegalArgumentException naming {@code key}.
   *
   * @param url the text to parse (a placeholder in it replaced)
   */
  static URI require(String key, String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      // The URL may carry a token (a webhook's path, a user:password): it is never repeated.
      throw new IllegalArgumentException(key + " is not a URL");
    }
    if (uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          key + " must be an http(s) URL with a host and no credentials");
    }
    return uri;
  }
}
