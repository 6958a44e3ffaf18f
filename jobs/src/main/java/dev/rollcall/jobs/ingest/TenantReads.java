package dev.rollcall.jobs.ingest;

import dev.rollcall.model.SideBySide;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a snapshot's tenants side by side ({@link SideBySide}), one thread a core: a tenant is
 * parsed, mapped and its privileges analysed on its own (the readers keep no state). The largest
 * folders start first, so that a large tenant (a Google domain of a quarter of a million users)
 * does not start last and run alone. The results come back in the order of the tenants.
 */
final class TenantReads {
  private TenantReads() {}

  /** A tenant whose folder's size says how long it takes to read. */
  interface Sized {
    Path dir();
  }

  static <T extends Sized, R> List<R> inOrder(List<T> tenants, Function<T, R> read) {
    Map<T, Long> sizes = new IdentityHashMap<>();
    if (tenants.size() > 1) {
      tenants.forEach(t -> sizes.put(t, bytesIn(t.dir())));
    }
    return SideBySide.inOrder(
        tenants,
        Comparator.comparingLong((T t) -> sizes.getOrDefault(t, 0L)).reversed(),
        read,
        "rollcall-read");
  }

  /**
   * The bytes of the regular files below {@code dir}, links not followed (the reader refuses or
   * follows them itself); what cannot be walked counts nothing: the reader says why.
   */
  static long bytesIn(Path dir) {
    long[] total = {0};
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile()) {
                total[0] += attributes.size();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // The start cannot be walked: the reader, which opens it next, says why.
    }
    return total[0];
  }
}
