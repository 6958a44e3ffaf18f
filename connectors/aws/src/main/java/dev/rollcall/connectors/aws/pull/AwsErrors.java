package dev.rollcall.connectors.aws.pull;

import dev.rollcall.connectors.pull.TenantPulls;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Describes SDK failures for people: the service, the error code and what to check. */
final class AwsErrors {
  /** The failures of a pull that AWS's answers cause, for {@link TenantPulls}. */
  static final TenantPulls.Failures FAILURES =
      e -> {
        if (e instanceof SdkException sdk) {
          return Optional.of(describe(sdk));
        }
        return e instanceof PullFailure ? Optional.of(e.getMessage()) : Optional.empty();
      };

  private AwsErrors() {}

  static String describe(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      String code = service.awsErrorDetails().errorCode();
      String text =
          service.awsErrorDetails().serviceName()
              + " "
              + code
              + " (HTTP "
              + service.statusCode()
              + "): "
              + service.awsErrorDetails().errorMessage();
      if ("AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
        return text + "; check the rollcall read-only policy in infra/aws/";
      }
      return text;
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
