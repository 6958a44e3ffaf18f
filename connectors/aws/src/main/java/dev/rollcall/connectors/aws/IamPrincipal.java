package dev.rollcall.connectors.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whatever IAM evaluates identity policies for: a user (with its groups' policies), a permission
 * set, and later a role or an assumed-role session. The evaluator needs only these facts.
 *
 * @param name the user, role or set name ({@code ${aws:username}} in a policy)
 * @param accountId the AWS account it lives in
 * @param tags its own tags ({@code aws:PrincipalTag/...})
 * @param policies every identity policy it holds, each with how it is held
 * @param boundary its permissions boundary, when it has one
 * @param capturedAt when the snapshot was taken: the "now" of date conditions
 * @param arn its ARN ({@code aws:PrincipalArn} in a condition), or null where it has none of its
 *     own (a permission set evaluated apart from the roles it becomes)
 */
record IamPrincipal(
    String name,
    String accountId,
    Map<String, String> tags,
    List<IamPolicy> policies,
    Optional<IamPolicy> boundary,
    Instant capturedAt,
    String arn) {
  IamPrincipal {
    tags = Map.copyOf(tags);
    policies = List.copyOf(policies);
  }

  /** A principal whose ARN conditions cannot be decided on. */
  IamPrincipal(
      String name,
      String accountId,
      Map<String, String> tags,
      List<IamPolicy> policies,
      Optional<IamPolicy> boundary,
      Instant capturedAt) {
    this(name, accountId, tags, policies, boundary, capturedAt, null);
  }
}
