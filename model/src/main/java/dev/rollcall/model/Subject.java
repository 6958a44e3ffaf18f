package dev.rollcall.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a rule reads: one person with every account tied to them, or, for an account that no person
 * owns and for an IAM role held only through the accounts that can assume it, that account alone.
 *
 * @param key the person id, {@code unowned:<account id>} or {@code role:<account id>}
 * @param person the person, or null for an account alone
 * @param accounts the accounts, sorted by account id
 */
public record Subject(String key, Identity person, List<AccountView> accounts)
    implements Serializable {
  public Subject {
    Objects.requireNonNull(key, "key");
    accounts = List.copyOf(accounts);
  }
}
