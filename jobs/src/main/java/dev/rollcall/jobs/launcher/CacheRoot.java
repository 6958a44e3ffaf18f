package dev.rollcall.jobs.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the nested Spark jars are unpacked: the first of the system property {@code
 * rollcall.cache}, {@code ROLLCALL_CACHE}, systemd's {@code CACHE_DIRECTORY} (a unit's {@code
 * CacheDirectory=}), {@code $XDG_CACHE_HOME/rollcall} and {@code ~/.cache/rollcall}.
 */
final class CacheRoot {
  private CacheRoot() {}

  static Path resolve(Map<String, String> env, Properties system) {
    String property = system.getProperty("rollcall.cache");
    if (present(property)) {
      return Path.of(property);
    }
    if (present(env.get("ROLLCALL_CACHE"))) {
      return Path.of(env.get("ROLLCALL_CACHE"));
    }
    // systemd sets it to the unit's CacheDirectory= folders, separated by colons.
    String systemd = env.get("CACHE_DIRECTORY");
    if (present(systemd)) {
      return Path.of(systemd.split(":", -1)[0]);
    }
    if (present(env.get("XDG_CACHE_HOME"))) {
      return Path.of(env.get("XDG_CACHE_HOME"), "rollcall");
    }
    return Path.of(system.getProperty("user.home"), ".cache", "rollcall");
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
