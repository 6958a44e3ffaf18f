package dev.rollcall.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a rule reads: one person with every account tied to them, or, for an account that no person
 * owns, that account alone.
 *
 * @param key the person id, or {@code unowned:<account id>}
 * @param person the person, or null for an unowned account
 * @param accounts the accounts, sorted by account id
 */
public record Subject(String key, Identity person, List<AccountView> accounts)
    implements Serializable {
  public Subject {
    Objects.requireNonNull(key, "key");
    accounts = List.copyOf(accounts);
  }
}
