package dev.rollcall.jobs.lifecycle;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.TextFiles;
import dev.rollcall.jobs.config.YamlFiles;
import dev.rollcall.jobs.config.YamlLines;
import dev.rollcall.rules.RuleCatalogue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The exceptions file: the accepted risks, each checked when read: required fields, a known rule,
 * unique ids, and an expiry no further away than the profile allows.
 *
 * @param exceptions the accepted risks
 */
public record ExceptionsFile(List<RiskException> exceptions) {
  public ExceptionsFile {
    exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
  }

  public static ExceptionsFile none() {
    return new ExceptionsFile(List.of());
  }

  /**
   * Reads and checks the file.
   *
   * @param file the exceptions file
   * @param today the day expiries are measured from
   * @param maxDays the longest an exception may run from today, from the policy profile
   */
  public static ExceptionsFile read(Path file, LocalDate today, int maxDays) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": exceptions file not found");
    }
    String text = TextFiles.read(file);
    ExceptionsFile read =
        YamlFiles.read(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            YamlFiles.strictMapper().constructType(ExceptionsFile.class),
            file.toString());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < read.exceptions().size(); i++) {
      RiskException e = read.exceptions().get(i);
      if (!ids.add(e.id().toLowerCase(java.util.Locale.ROOT))) {
        throw refused(
            file, text, i, "id", "the id is used twice (ids are compared without regard to case)");
      }
      if (e.rule() != null && RuleCatalogue.byId(e.rule()).isEmpty()) {
        throw refused(file, text, i, "rule", "not a rule's id (rollcall rules lists them)");
      }
      if (e.expires().isAfter(today.plusDays(maxDays))) {
        throw refused(
            file,
            text,
            i,
            "expires",
            "the date is more than "
                + maxDays
                + " days away (the profile's maximum for an exception); renew it closer to"
                + " the date instead");
      }
    }
    return read;
  }

  private static ConfigException refused(
      Path file, String text, int index, String key, String problem) {
    OptionalInt line = YamlLines.lineOf(text, List.of("exceptions", index, key));
    return new ConfigException(
        file
            + (line.isPresent() ? " line " + line.getAsInt() : "")
            + ": key exceptions["
            + index
            + "]."
            + key
            + ": "
            + problem);
  }
}
