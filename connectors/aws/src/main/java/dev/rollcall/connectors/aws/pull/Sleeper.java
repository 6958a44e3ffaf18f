package dev.rollcall.connectors.aws.pull;

import java.time.Duration;

/** Waits; tests pass one that does not. */
@FunctionalInterface
interface Sleeper {
  Sleeper REAL =
      duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PullFailure("interrupted while waiting", e);
        }
      };

  void sleep(Duration duration);
}
