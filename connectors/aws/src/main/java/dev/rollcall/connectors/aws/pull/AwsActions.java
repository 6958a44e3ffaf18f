package dev.rollcall.connectors.aws.pull;

import java.util.Locale;
import java.util.Map;

/** The IAM action an SDK operation needs: its service's action prefix and the operation. */
final class AwsActions {
  private static final Map<String, String> PREFIX =
      Map.of(
          "iam", "iam",
          "sts", "sts",
          "organizations", "organizations",
          "ssoadmin", "sso",
          "identitystore", "identitystore");

  private AwsActions() {}

  static String action(String serviceName, String operationName) {
    String key = serviceName.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    return PREFIX.getOrDefault(key, key) + ":" + operationName;
  }
}
