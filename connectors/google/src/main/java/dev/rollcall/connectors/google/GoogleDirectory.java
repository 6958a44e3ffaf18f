package dev.rollcall.connectors.google;

import dev.rollcall.model.Account;
import dev.rollcall.model.Identity;
import java.util.List;

/**
 * A Google Workspace tenant mapped: its accounts, the same users as the directory of people, and
 * its groups.
 *
 * @param accounts one account per user (live users, then deleted ones), in page order
 * @param people one identity per user, in the same order; a person's addresses include those of the
 *     groups they are a member of (see {@link GoogleDirectoryMapper})
 * @param groups the groups, empty when the snapshot holds none
 */
public record GoogleDirectory(
    List<Account> accounts, List<Identity> people, List<GoogleGroup> groups) {
  public GoogleDirectory {
    accounts = List.copyOf(accounts);
    people = List.copyOf(people);
    groups = List.copyOf(groups);
  }

  /** A tenant without groups. */
  public GoogleDirectory(List<Account> accounts, List<Identity> people) {
    this(accounts, people, List.of());
  }
}
