package dev.rollcall.jobs.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and validates {@code rollcall.yaml}; relative paths in it are relative to its folder. */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** A loaded configuration and the folder its relative paths start from. */
  public record Loaded(RollcallConfig config, Path file, Path baseDir) {
    /** A path of the configuration, resolved against its folder. */
    public Path resolve(String relative) {
      return baseDir.resolve(relative).normalize();
    }

    /**
     * The local output folder of a command: {@code out} (its {@code --out}) when given, else {@code
     * output}. An {@code s3://} output is no folder: a command that writes one (named by {@code
     * command}) then needs {@code --out}.
     */
    public Path localOutput(Path out, String command) {
      if (out != null) {
        return out.toAbsolutePath();
      }
      if (config.outputBucket().isPresent()) {
        throw new ConfigException(
            file
                + ": output is "
                + config.output()
                + ", not a folder: "
                + command
                + " writes its files locally, so give it --out DIR");
      }
      return resolve(config.output());
    }
  }

  public static Loaded load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new ConfigException(file + ": configuration file not found");
    }
    try (InputStream in = Files.newInputStream(absolute)) {
      RollcallConfig config =
          YamlFiles.read(
              in, YamlFiles.strictMapper().constructType(RollcallConfig.class), file.toString());
      return new Loaded(config, absolute, absolute.getParent());
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
