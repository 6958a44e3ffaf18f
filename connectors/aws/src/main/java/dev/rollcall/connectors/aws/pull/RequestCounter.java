package dev.rollcall.connectors.aws.pull;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Counts the HTTP requests a set of clients sends, retries included (one per attempt). */
final class RequestCounter implements ExecutionInterceptor {
  private final AtomicLong requests = new AtomicLong();

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
    requests.incrementAndGet();
  }

  long requests() {
    return requests.get();
  }
}
