package dev.rollcall.jobs.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.TextFiles;
import dev.rollcall.jobs.config.YamlFiles;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.rules.NoSettings;
import dev.rollcall.rules.Rule;
import dev.rollcall.rules.RuleCatalogue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a policy profile: the default one shipped in the jar, or a company's file laid over it
 * (what a company's file leaves out, rule by rule and field by field, comes from the default).
 */
public final class ProfileLoader {
  /** The name that selects the profile shipped in the jar. */
  public static final String DEFAULT = "default";

  private static final String DEFAULT_RESOURCE = "/dev/rollcall/jobs/profile/default-profile.yaml";

  /** How long an exception may run when no profile says. */
  private static final int DEFAULT_EXCEPTION_DAYS = 365;

  private static final String BUNDLED_FOLDER = "/dev/rollcall/jobs/profile/policies/";

  /**
   * Reads settings strictly: every setting of a rule must be given (the default gives them all).
   */
  private static final ObjectMapper SETTINGS =
      YamlFiles.strictMapper()
          .copy()
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  /** The bundled profiles' names, one per line of this index beside them. */
  private static final List<String> BUNDLED = readIndex();

  private ProfileLoader() {}

  /**
   * Loads a profile: {@code default}, the name of a profile bundled in the jar (one per policy
   * document in {@code profile/policies/}), or a profile file, laid over what it extends.
   */
  public static PolicyProfile load(String reference, Path baseDir) {
    ProfileFile defaults = readDefault();
    if (reference == null || reference.equals(DEFAULT)) {
      return resolve(defaults, null, "default profile (in the rollcall jar)", null);
    }
    Named own = read(reference, baseDir, defaults);
    ProfileFile base = base(own, baseDir, defaults, 0);
    return resolve(own.file(), base, own.source(), own.text());
  }

  /** The names of the profiles bundled in the jar, besides {@code default}. */
  public static List<String> bundled() {
    return BUNDLED;
  }

  /** A profile file, where it was read from, and its text (for the lines of errors). */
  private record Named(ProfileFile file, String source, String text) {}

  /**
   * Reads a profile file and checks each {@code with:} block it writes against its rule, laid over
   * the default's block: a bad setting is reported in the file and at the line that holds it.
   */
  private static Named read(String reference, Path baseDir, ProfileFile defaults) {
    Named named = read(reference, baseDir);
    named
        .file()
        .rules()
        .forEach(
            (id, entry) -> {
              if (entry.with() != null) {
                Rule<?> rule = RuleCatalogue.byId(id).orElseThrow();
                settings(
                    rule,
                    entry.orElse(defaults.rules().get(id)).with(),
                    named.source(),
                    named.text());
              }
            });
    return named;
  }

  private static Named read(String reference, Path baseDir) {
    if (BUNDLED.contains(reference)) {
      String resource = BUNDLED_FOLDER + reference + ".yaml";
      String source = reference + " profile (in the rollcall jar)";
      try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is missing from the jar");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Named(parse(text, source), source, text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path file = baseDir.resolve(reference).normalize();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          file
              + ": policy profile not found (give default, a bundled profile: "
              + String.join(", ", BUNDLED)
              + ", or a file)");
    }
    String text = TextFiles.read(file);
    return new Named(parse(text, file.toString()), file.toString(), text);
  }

  /** What a profile extends, itself laid over what that extends, down to the default. */
  private static ProfileFile base(Named own, Path baseDir, ProfileFile defaults, int depth) {
    String extended = own.file().base();
    if (extended == null || extended.equals(DEFAULT)) {
      return defaults;
    }
    if (depth >= 5) {
      throw new ConfigException(
          own.source() + ": key extends: profiles extend each other more than 5 deep (a cycle?)");
    }
    Named parent = read(extended, baseDir, defaults);
    return parent.file().over(base(parent, baseDir, defaults, depth + 1));
  }

  private static List<String> readIndex() {
    try (InputStream in = ProfileLoader.class.getResourceAsStream(BUNDLED_FOLDER + "index.txt")) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ProfileFile readDefault() {
    try (InputStream in = ProfileLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the jar");
      }
      return YamlFiles.read(in, profileType(), "default-profile.yaml (in the rollcall jar)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProfileFile parse(String text, String source) {
    return YamlFiles.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), profileType(), source);
  }

  private static JavaType profileType() {
    return YamlFiles.strictMapper().constructType(ProfileFile.class);
  }

  /** Lays {@code own} over {@code fallback} and checks every clause reference. */
  static PolicyProfile resolve(ProfileFile own, ProfileFile fallback, String source, String text) {
    if (own.name() != null && own.name().isBlank()) {
      throw new ConfigException(source + ": key name: must not be blank (reports show it)");
    }
    Map<String, ClauseDef> clauses = new LinkedHashMap<>();
    if (fallback != null) {
      clauses.putAll(fallback.clauses());
    }
    clauses.putAll(own.clauses());
    List<RuleSettings<?>> rules = new ArrayList<>();
    for (Rule<?> rule : RuleCatalogue.all()) {
      rules.add(resolveRule(rule, own, fallback, clauses, source, text));
    }
    String name = own.name() != null ? own.name() : fallback == null ? DEFAULT : fallback.name();
    Integer maxDays =
        own.exceptions() != null && own.exceptions().maxDays() != null
            ? own.exceptions().maxDays()
            : fallback != null && fallback.exceptions() != null
                ? fallback.exceptions().maxDays()
                : null;
    return new PolicyProfile(
        name, source, rules, maxDays == null ? DEFAULT_EXCEPTION_DAYS : maxDays);
  }

  private static <S> RuleSettings<S> resolveRule(
      Rule<S> rule,
      ProfileFile own,
      ProfileFile fallback,
      Map<String, ClauseDef> clauses,
      String source,
      String text) {
    String id = rule.info().id();
    RuleEntry entry = own.rules().get(id);
    RuleEntry defaults = fallback == null ? null : fallback.rules().get(id);
    RuleEntry merged = entry == null ? defaults : entry.orElse(defaults);
    if (merged == null) {
      throw new ConfigException(source + ": key rules." + id + ": the rule has no entry");
    }
    S settings = settings(rule, merged.with(), source, text);
    List<PolicyClause> cited = new ArrayList<>();
    for (ClauseRef ref : merged.clauses() == null ? List.<ClauseRef>of() : merged.clauses()) {
      ClauseDef def = clauses.get(ref.id());
      if (def == null) {
        throw new ConfigException(
            source
                + " line "
                + ref.line()
                + ": key rules."
                + id
                + ".clauses: unknown clause '"
                + ref.id()
                + "'; defined clauses: "
                + String.join(", ", clauses.keySet()));
      }
      cited.add(new PolicyClause(def.reference(), def.text()));
    }
    return new RuleSettings<>(
        rule,
        merged.enabled() == null || merged.enabled(),
        merged.severity() != null ? merged.severity() : rule.info().severity(),
        cited,
        settings,
        merged.systems() == null ? java.util.Map.of() : merged.systems());
  }

  /**
   * Reads a rule's merged {@code with:} block into its settings type. Every setting must be there:
   * the default profile sets them all, so a rule's code keeps no default of its own that could
   * disagree with it.
   *
   * @param text the profile's text, to find the line of a bad setting; null when unknown
   */
  private static <S> S settings(Rule<S> rule, ObjectNode with, String source, String text) {
    String id = rule.info().id();
    if (with == null && rule.settingsType() != NoSettings.class) {
      throw new ConfigException(source + ": key rules." + id + ".with: settings are required");
    }
    try {
      return SETTINGS.treeToValue(
          with == null ? JsonNodeFactory.instance.objectNode() : with, rule.settingsType());
    } catch (JsonMappingException e) {
      throw new ConfigException(
          YamlFiles.describe(source, text, List.of("rules", id, "with"), e), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          source + ": key rules." + id + ".with: the settings cannot be read", e);
    }
  }
}
