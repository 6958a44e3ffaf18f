package dev.rollcall.jobs.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a secret is kept: an environment variable or a file (a mounted Kubernetes secret, a systemd
 * credential). Configuration files never hold a secret's value.
 *
 * @param env the environment variable's name, or null
 * @param file the file's path, or null
 */
public record SecretRef(String env, String file) {
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public SecretRef {
    if ((env == null) == (file == null)) {
      throw new IllegalArgumentException(
          "a secret reference needs exactly one of env: VARIABLE or file: PATH");
    }
  }

  /**
   * Refuses a secret written as plain text where a reference belongs; the message never repeats the
   * value.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static SecretRef refusePlainText(String value) {
    throw new IllegalArgumentException(
        "a secret is never written into the configuration file: give {env: VARIABLE} or"
            + " {file: PATH} instead");
  }

  /** The secret's value, read now; fails naming the variable or file, never the value. */
  public String resolve(Map<String, String> environment) {
    if (env != null) {
      String value = environment.get(env);
      if (value == null || value.isBlank()) {
        throw new ConfigException("environment variable " + env + " is not set");
      }
      return value.strip();
    }
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      throw new ConfigException("cannot read the secret file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Where the secret comes from, safe to log. */
  public String describe() {
    return env != null ? "environment variable " + env : "file " + file;
  }
}
