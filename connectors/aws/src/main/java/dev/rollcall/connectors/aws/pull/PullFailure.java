package dev.rollcall.connectors.aws.pull;

/** A pull that cannot go on; its message says why, without secrets. */
final class PullFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PullFailure(String message) {
    super(message);
  }

  PullFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
