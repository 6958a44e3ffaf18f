package dev.rollcall.connectors.atlas.pull;

/**
 * An Atlas Administration API request that failed after its retries: an HTTP error, with the {@code
 * errorCode} and {@code detail} of Atlas's ApiError body when it sent one
 * (https://www.mongodb.com/docs/atlas/api/atlas-admin-api-ref/), or a response that is not JSON.
 * The message never holds a secret.
 */
public final class AtlasApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;

  AtlasApiException(String message, int status, String errorCode) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  AtlasApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.errorCode = null;
  }

  /** The HTTP status, or 0 when no response came (a network error, a malformed body). */
  public int status() {
    return status;
  }

  /** Atlas's errorCode (e.g. {@code USER_UNAUTHORIZED}), or null when the body carried none. */
  public String errorCode() {
    return errorCode;
  }

  /**
   * True when Atlas refused the request itself (a 4xx other than 429): a missing role, a resource
   * not offered; asking again would not help.
   */
  boolean refusal() {
    return status >= 400 && status < 500 && status != 429;
  }
}
