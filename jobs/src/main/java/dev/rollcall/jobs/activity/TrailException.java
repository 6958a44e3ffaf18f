package dev.rollcall.jobs.activity;

/** A trail that cannot be read at all (not one bad file: those are skipped and counted). */
public final class TrailException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrailException(String message) {
    super(message);
  }

  public TrailException(String message, Throwable cause) {
    super(message, cause);
  }
}
