package dev.rollcall.jobs.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium, run headless on a local file: the DOM after the page's scripts ran, or a
 * screenshot. scripts/test installs it and names it in {@code ROLLCALL_CHROMIUM}; without it the
 * browser tests are skipped, unless {@code rollcall.emulators.required} says they must run.
 */
public final class HeadlessChromium {
  static final String VARIABLE = "ROLLCALL_CHROMIUM";
  private static final long TIMEOUT_SECONDS = 120;

  private final Path binary;
  private final Path workDir;

  private HeadlessChromium(Path binary, Path workDir) {
    this.binary = binary;
    this.workDir = workDir;
  }

  /** The browser, or the test is skipped (or fails, under scripts/test) saying why. */
  public static HeadlessChromium require(Path workDir) {
    Optional<Path> found = locate();
    if (found.isEmpty()) {
      String why =
          "no Chromium: "
              + VARIABLE
              + " is not set and neither chromium nor chromium-browser is on the PATH"
              + " (scripts/test installs Debian's chromium; or apt-get install chromium)";
      if (Boolean.getBoolean("rollcall.emulators.required")) {
        throw new IllegalStateException(why + ", and rollcall.emulators.required is true");
      }
      Assumptions.abort(why);
    }
    return new HeadlessChromium(found.get(), workDir);
  }

  private static Optional<Path> locate() {
    String named = System.getenv(VARIABLE);
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named.strip());
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException(VARIABLE + " names " + path + ", which is not executable");
      }
      return Optional.of(path);
    }
    String pathVariable = System.getenv().getOrDefault("PATH", "");
    for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** The page's DOM as serialised after its scripts ran, at {@code url} (fragment included). */
  public String dumpDom(String url) throws IOException, InterruptedException {
    return run("--dump-dom", url);
  }

  /** The DOM after the page's scripts ran, in a window of the given size. */
  String dumpDom(String url, int width, int height) throws IOException, InterruptedException {
    return run("--window-size=" + width + "," + height, "--dump-dom", url);
  }

  /** Prints {@code url} to {@code pdf} as Chromium prints it (print media, no header or footer). */
  void printToPdf(String url, Path pdf) throws IOException, InterruptedException {
    Files.createDirectories(pdf.toAbsolutePath().getParent());
    run("--print-to-pdf=" + pdf.toAbsolutePath(), "--no-pdf-header-footer", url);
  }

  /** Saves a screenshot of {@code url} at the given window size into {@code png}. */
  void screenshot(String url, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, url);
  }

  private String run(String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
    Path output = Files.createTempFile(workDir, "chromium-", ".out");
    Path errors = Files.createTempFile(workDir, "chromium-", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(errors.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "chromium did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "chromium exited "
              + process.exitValue()
              + ": "
              + String.join(" ", command)
              + "\n"
              + Files.readString(errors));
    }
    return Files.readString(output, StandardCharsets.UTF_8);
  }
}
