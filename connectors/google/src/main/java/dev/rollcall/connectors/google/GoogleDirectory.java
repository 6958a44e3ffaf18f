package dev.rollcall.connectors.google;

import dev.rollcall.model.Account;
import dev.rollcall.model.Identity;
import java.util.List;

/**
 * A Google Workspace tenant mapped: its accounts, and the same users as the directory of people.
 *
 * @param accounts one account per user, in page order
 * @param people one identity per user, in the same order
 */
public record GoogleDirectory(List<Account> accounts, List<Identity> people) {
  public GoogleDirectory {
    accounts = List.copyOf(accounts);
    people = List.copyOf(people);
  }
}
