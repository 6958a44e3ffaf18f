package dev.rollcall.jobs.config;

import dev.rollcall.connectors.snapshot.Utf8Input;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the files people keep beside the configuration (rollcall.yaml, profiles, exceptions, the
 * mapping file, the HR roster, review decisions) as UTF-8 text, the one encoding rollcall reads: a
 * file in another (Latin-1, UTF-16) is refused with the byte offset where it stops being UTF-8,
 * rather than read with U+FFFD in place of its letters. A UTF-8 byte order mark is dropped.
 */
public final class TextFiles {
  private TextFiles() {}

  /** Reads a file whole. */
  public static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getClass().getSimpleName(), e);
    }
    return decode(bytes, file.toString());
  }

  /**
   * Decodes the bytes of a file.
   *
   * @param source the file's name, for messages
   */
  public static String decode(byte[] bytes, String source) {
    try {
      Utf8Input.check(bytes);
    } catch (Utf8Input.NotUtf8 e) {
      throw new ConfigException(source + ": " + e.getMessage(), e);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
