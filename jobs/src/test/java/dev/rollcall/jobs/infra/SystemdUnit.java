package dev.rollcall.jobs.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A systemd unit file read as sections of settings (a setting may repeat). */
record SystemdUnit(Map<String, Map<String, List<String>>> sections) {

  static SystemdUnit read(Path file) throws IOException {
    Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
    Map<String, List<String>> current = null;
    int number = 0;
    for (String raw : Files.readAllLines(file)) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current = new LinkedHashMap<>();
        if (sections.put(line.substring(1, line.length() - 1), current) != null) {
          throw new AssertionError(file + ":" + number + ": section " + line + " twice");
        }
      } else if (current != null && line.contains("=")) {
        String key = line.substring(0, line.indexOf('=')).strip();
        current
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(line.substring(line.indexOf('=') + 1).strip());
      } else {
        throw new AssertionError(file + ":" + number + ": not a setting: " + raw);
      }
    }
    return new SystemdUnit(sections);
  }

  /** The one value of a setting, failing when it is missing. */
  String value(String section, String key) {
    List<String> values = sections.getOrDefault(section, Map.of()).get(key);
    if (values == null || values.isEmpty()) {
      throw new AssertionError("no " + key + "= in [" + section + "]");
    }
    return values.get(values.size() - 1);
  }
}
