package dev.rollcall.connectors.aws.pull;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests a set of clients sends, retries included (one per attempt), and notes
 * each operation called as {@code service:Operation} (the IAM action it needs).
 */
final class RequestCounter implements ExecutionInterceptor {
  private final AtomicLong requests = new AtomicLong();
  private final Set<String> operations;

  RequestCounter(Set<String> operations) {
    this.operations = operations;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
    requests.incrementAndGet();
    operations.add(
        AwsActions.action(
            executionAttributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
            executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
  }

  long requests() {
    return requests.get();
  }
}
