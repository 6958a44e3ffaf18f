package dev.rollcall.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Command lines pasted into a real shell, where {@code aws}, {@code gam}, {@code atlas}, {@code
 * curl} and {@code mongosh} are stand-ins that report the arguments the shell hands them: the shell
 * is the parser, so what a test reads back is what an SRE's shell would run.
 */
final class PastedIntoShell {
  static final Path BASH = Path.of("/bin/bash");

  // Each stand-in call prints its argument count and its words NUL-terminated (no argument can
  // hold NUL); each pasted line is followed by one that prints the line's exit status.
  private static final String STAND_INS =
      """
      call() { command printf 'call\\0%s\\0' "$#"; command printf '%s\\0' "$@"; }
      aws() { call aws "$@"; }
      gam() { call gam "$@"; }
      atlas() { call atlas "$@"; }
      curl() { call curl "$@"; }
      mongosh() { call mongosh "$@"; }
      """;
  private static final String STATUS = "command printf 'status\\0%s\\0' \"$?\"";

  /**
   * What the shell made of one line: its exit status and each stand-in call's words; {@code stderr}
   * is what the whole session wrote there.
   */
  record Pasted(String line, int status, List<List<String>> calls, String stderr) {}

  private PastedIntoShell() {}

  /** As {@link #paste(Path, List, Path, String)} into bash, in a UTF-8 locale. */
  static List<Pasted> paste(List<String> lines, Path home) {
    return paste(BASH, lines, home, "C.UTF-8");
  }

  /**
   * Pastes the lines, one after the other, into one non-interactive {@code shell} that reads no
   * profile. HOME and the working directory are {@code home}, so that a line that does run
   * something touches nothing else.
   */
  static List<Pasted> paste(Path shell, List<String> lines, Path home, String locale) {
    if (!Files.isExecutable(shell)) {
      throw new IllegalStateException(shell + " is needed to check that fixes parse as intended");
    }
    StringBuilder script = new StringBuilder(STAND_INS);
    for (String line : lines) {
      script.append(line).append('\n').append(STATUS).append('\n');
    }
    try {
      // A file rather than -c: the JVM encodes a command line in the charset of its own locale
      // (ASCII under LANG=C), and a script file is read as the bytes written, UTF-8.
      Path file = Files.createTempFile(home, "pasted", ".sh");
      Path errors = Files.createTempFile(home, "stderr", ".txt");
      try {
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return run(shell, file, errors, lines, home, locale);
      } finally {
        Files.delete(file);
        Files.delete(errors);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Pasted> run(
      Path shell, Path file, Path errors, List<String> lines, Path home, String locale)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(shell.toString()));
    if (shell.equals(BASH)) {
      command.addAll(List.of("--noprofile", "--norc"));
    }
    command.add(file.toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    builder.environment().clear();
    builder.environment().put("HOME", home.toString());
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("LC_ALL", locale);
    Process process = builder.redirectError(errors.toFile()).start();
    try {
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError(shell + " did not finish");
      }
      String stderr = new String(Files.readAllBytes(errors), StandardCharsets.UTF_8);
      return parse(lines, new String(out, StandardCharsets.UTF_8), stderr);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      process.destroyForcibly();
    }
  }

  private static List<Pasted> parse(List<String> lines, String out, String stderr) {
    List<String> words = List.of(out.split("\0", -1));
    List<Pasted> pasted = new ArrayList<>();
    List<List<String>> calls = new ArrayList<>();
    int i = 0;
    while (i < words.size() - 1 && pasted.size() < lines.size()) {
      String tag = words.get(i);
      if (tag.equals("call") && i + 1 < words.size()) {
        int n = Integer.parseInt(words.get(i + 1));
        calls.add(List.copyOf(words.subList(i + 2, Math.min(words.size(), i + 2 + n))));
        i += 2 + n;
      } else if (tag.equals("status") && i + 1 < words.size()) {
        pasted.add(
            new Pasted(
                lines.get(pasted.size()), Integer.parseInt(words.get(i + 1)), calls, stderr));
        calls = new ArrayList<>();
        i += 2;
      } else {
        throw new AssertionError("unexpected output at word " + i + ": " + words + "; " + stderr);
      }
    }
    if (pasted.size() != lines.size() || i < words.size() - 1) {
      throw new AssertionError(
          "the shell did not run the "
              + lines.size()
              + " lines one by one (a line ran on into the next, or stopped the shell): "
              + lines
              + " gave "
              + words
              + "; "
              + stderr);
    }
    return pasted;
  }
}
