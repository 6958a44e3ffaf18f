package dev.rollcall.jobs.cli;

import dev.rollcall.jobs.config.ConfigException;
import dev.rollcall.jobs.config.ConfigLoader;
import dev.rollcall.jobs.config.StoreConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the commands that only read or mend the state store find it: the configuration's store and
 * output folder, or, without a configuration, the embedded store of {@code --out DIR}.
 */
final class StoreLocation {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "The configuration file (rollcall.yaml): its output folder and store.")
  Path config;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "The output folder holding the embedded state store; overrides 'output'.")
  Path out;

  /**
   * A store and the output folder it belongs to.
   *
   * @param store the store section (embedded when only {@code --out} is given)
   * @param outputDir the output folder, home of the embedded store
   */
  record Located(StoreConfig store, Path outputDir) {
    boolean embedded() {
      return store.uri() == null;
    }
  }

  Located locate() {
    if (config == null) {
      if (out == null) {
        throw new ConfigException(
            "say where the state store is: --config FILE (rollcall.yaml) or --out DIR (the"
                + " output folder)");
      }
      return new Located(StoreConfig.embedded(), out.toAbsolutePath());
    }
    ConfigLoader.Loaded loaded = ConfigLoader.load(config);
    // An s3:// output has a MongoDB store (the configuration requires it): no folder is needed.
    Path outputDir =
        out == null && loaded.config().outputBucket().isPresent()
            ? loaded.baseDir()
            : loaded.localOutput(out, "this command");
    return new Located(loaded.config().store(), outputDir);
  }
}
