package dev.rollcall.connectors.google.pull;

/** A listing the live pull could not complete; the message says what to fix and holds no secret. */
final class GooglePullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  GooglePullException(String message, Throwable cause) {
    super(message, cause);
  }
}
