package dev.rollcall.connectors.aws.pull;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Accounts of their own on a moto server: moto keeps each account apart and answers every request
 * signed with a role session in an account as that account, so a test that assumes a role in an
 * account id nobody else uses sees only what it made.
 */
final class MotoAccounts {
  private MotoAccounts() {}

  /** A random 12-digit account id. */
  static String freshId() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
  }

  /** Credentials of a role in {@code account}. */
  static StaticCredentialsProvider credentialsIn(URI endpoint, String account) {
    try (StsClient sts =
        StsClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(endpoint)
            .credentialsProvider(AwsPullerContract.CREDENTIALS)
            .build()) {
      Credentials c =
          sts.assumeRole(
                  r ->
                      r.roleArn("arn:aws:iam::" + account + ":role/rollcall-test")
                          .roleSessionName("rollcall-test"))
              .credentials();
      return StaticCredentialsProvider.create(
          AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }
  }

  /** An IAM client in the account of {@code credentials}. */
  static IamClient iam(URI endpoint, StaticCredentialsProvider credentials) {
    return IamClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(endpoint)
        .credentialsProvider(credentials)
        .build();
  }
}
