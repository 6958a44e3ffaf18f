package dev.rollcall.connectors.aws;

import dev.rollcall.model.Text;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The data problems of IAM users the credential report and the authorization details do not agree
 * on. Such a user is left out rather than guessed: without its details it has no grants or tags;
 * without its report row it has no activity, credentials or MFA, and either half would make false
 * findings (an unowned account, a dormant one).
 */
final class UnmatchedUsers {
  /** How many names one problem lists; the count is always whole. */
  static final int NAMED = 10;

  private UnmatchedUsers() {}

  /** Report rows whose user the authorization details do not list. */
  static String reportOnly(Path report, List<String> users) {
    return count(users)
        + " in "
        + report
        + " but not in get-account-authorization-details (deleted since the report was made, or"
        + " pages of the details are missing); left out of the audit: "
        + names(users);
  }

  /** Users of the authorization details that have no credential report row. */
  static String detailsOnly(List<String> users) {
    return count(users)
        + " in get-account-authorization-details but not in the credential report (created since"
        + " the report was made: AWS remakes it at most every 4 hours; or the report is old);"
        + " left out of the audit: "
        + names(users);
  }

  private static String count(List<String> users) {
    return users.size() == 1 ? "1 IAM user is" : users.size() + " IAM users are";
  }

  private static String names(List<String> users) {
    String named =
        users.stream()
            .limit(NAMED)
            .map(u -> "'" + Text.printable(u) + "'")
            .collect(Collectors.joining(", "));
    return users.size() > NAMED ? named + " and " + (users.size() - NAMED) + " more" : named;
  }
}
