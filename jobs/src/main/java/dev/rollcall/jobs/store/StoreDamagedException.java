package dev.rollcall.jobs.store;

/**
 * The embedded store's file cannot be trusted (unreadable, or it lost writes a finished run made):
 * nothing may be read from it or written to it until it is restored.
 */
public final class StoreDamagedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreDamagedException(String message) {
    super(message);
  }
}
