package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.connectors.snapshot.SnapshotException;
import dev.rollcall.connectors.snapshot.TenantFolder;
import dev.rollcall.model.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/**
 * The saved accounts under src/test/resources/aws, and copies of them tests can edit. {@value #CLI}
 * holds CLI output (policy documents as JSON objects, one details file); {@value #API} holds the
 * same users as raw API pages (URL-encoded documents, two details pages, no MFA listings, no
 * password policy).
 */
final class TestAccounts {
  static final String CLI = "111122223333";
  static final String API = "444455556666";
  static final Instant OBSERVED_AT = Instant.parse("2026-11-20T06:00:00Z");

  private TestAccounts() {}

  /** A saved account folder. */
  static Path dir(String accountId) {
    try {
      return Path.of(TestAccounts.class.getResource("/aws/" + accountId).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of a saved account folder under {@code parent}, named {@code name}. */
  static Path copy(String accountId, Path parent, String name) {
    Path source = dir(accountId);
    Path target = parent.resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** A copy of a saved account folder under {@code parent}, named for the account. */
  static Path copy(String accountId, Path parent) {
    return copy(accountId, parent, accountId);
  }

  /** Replaces text in a file of a copied folder, failing when the text is not there. */
  static void edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      if (!text.contains(from)) {
        throw new IllegalArgumentException(file + " does not contain " + from);
      }
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw data of a saved account as the mapper takes it, read file by file. */
  static AwsRawAccount raw(String accountId) {
    return raw(dir(accountId), accountId);
  }

  /** The raw data of an account folder, read file by file. */
  static AwsRawAccount raw(Path dir, String accountId) {
    return AwsSnapshotReader.load(TenantFolder.of(dir), accountId, new ArrayList<>());
  }

  /** The mapped accounts of a saved account. */
  static List<Account> accounts(String accountId) {
    return new AwsIamMapper(OBSERVED_AT).accounts(raw(accountId));
  }

  /** The account with the given sign-in name. */
  static Account named(List<Account> accounts, String name) {
    return accounts.stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no account named " + name));
  }

  /** Runs something that must fail with a SnapshotException, returning its message. */
  static String failure(Executable executable) {
    return assertThrows(SnapshotException.class, executable).getMessage();
  }

  static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
    }
  }

  /** Fails when the message quotes any of the file's values: messages name places, not content. */
  static void assertQuotesNone(String message, String... values) {
    for (String value : values) {
      assertFalse(message.contains(value), "'" + value + "' quoted in: " + message);
    }
  }
}
