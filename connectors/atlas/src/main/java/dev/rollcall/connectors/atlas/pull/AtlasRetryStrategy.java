package dev.rollcall.connectors.atlas.pull;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * httpclient5's retry strategy, told to retry 429 and every transient 5xx (Atlas answers 500 and
 * 502 to overloads too), honouring Retry-After and otherwise backing off exponentially with jitter,
 * each wait capped. Atlas rate-limits per organisation and project and says how long to wait
 * (https://www.mongodb.com/docs/atlas/api/atlas-admin-api-ref/).
 */
final class AtlasRetryStrategy extends DefaultHttpRequestRetryStrategy {
  private final long initialMillis;
  private final long maxMillis;

  AtlasRetryStrategy(int maxRetries, Duration initial, Duration max) {
    super(
        maxRetries,
        TimeValue.ofMilliseconds(initial.toMillis()),
        // The default's non-retriable I/O failures: a retry cannot help these.
        List.of(
            InterruptedIOException.class,
            UnknownHostException.class,
            ConnectException.class,
            ConnectionClosedException.class,
            NoRouteToHostException.class,
            SSLException.class),
        List.of(429, 500, 502, 503, 504));
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
  }

  @Override
  public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
    if (response.containsHeader(HttpHeaders.RETRY_AFTER)) {
      TimeValue asked = super.getRetryInterval(response, execCount, context);
      return TimeValue.ofMilliseconds(Math.min(asked.toMilliseconds(), maxMillis));
    }
    return TimeValue.ofMilliseconds(backoff(execCount));
  }

  /** Exponential backoff with "equal jitter": half the step fixed, half random. */
  long backoff(int execCount) {
    int doublings = Math.min(Math.max(execCount - 1, 0), 20);
    long step = Math.min(maxMillis, initialMillis << doublings);
    long half = step / 2;
    return half + ThreadLocalRandom.current().nextLong(step - half + 1);
  }
}
