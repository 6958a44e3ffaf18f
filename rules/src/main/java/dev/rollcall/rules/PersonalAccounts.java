package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Ownership;
import dev.rollcall.model.Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person's own accounts per system and tenant, for the rules that compare a person's accounts in
 * one place: those that grant access and that the person alone owns. Service accounts (a program's,
 * even if the person owns it), shared accounts (shared-account has them) and the AWS root user are
 * left out.
 */
final class PersonalAccounts {
  private PersonalAccounts() {}

  /** The groups, keyed by {@link #where(Account)}, in the subject's account order. */
  static Map<String, List<AccountView>> bySystemAndTenant(Subject subject) {
    if (subject.person() == null) {
      return Map.of();
    }
    return subject.accounts().stream()
        .filter(
            v ->
                v.ownership() == Ownership.OWNED
                    && v.account().status().grantsAccess()
                    && v.account().kind() != AccountKind.SERVICE
                    && v.account().kind() != AccountKind.ROLE
                    && !v.account().isAwsRoot())
        .collect(
            Collectors.groupingBy(
                v -> where(v.account()), LinkedHashMap::new, Collectors.toList()));
  }

  /** The system and tenant as a person reads them, e.g. {@code AWS IAM 111122223333}. */
  static String where(Account account) {
    return account.key().system().label() + " " + account.key().tenant();
  }

  static String names(List<AccountView> views) {
    return views.stream().map(v -> v.account().name()).collect(Collectors.joining(", "));
  }
}
