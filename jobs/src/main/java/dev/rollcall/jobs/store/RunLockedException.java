package dev.rollcall.jobs.store;

/** Another run holds the state store's lease: this one must not write. */
public final class RunLockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunLockedException(String message) {
    super(message);
  }
}
