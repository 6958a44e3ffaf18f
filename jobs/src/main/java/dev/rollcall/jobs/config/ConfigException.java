package dev.rollcall.jobs.config;

/**
 * A configuration, profile or input file that cannot be used. The message names the file and, where
 * known, the line and the key. The command exits with the configuration-error code.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
