package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command that reads rollcall.yaml shares. */
final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "The configuration file (rollcall.yaml).")
  Path file;

  /** The configuration, read and checked. */
  ConfigLoader.Loaded load() {
    return ConfigLoader.load(file);
  }
}
