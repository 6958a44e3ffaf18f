package dev.rollcall.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything one source gave: its pull record, its accounts, the people it knows (only the identity
 * provider knows people) and its tenant settings.
 */
public record SourceResult(
    SourcePull pull, List<Account> accounts, List<Identity> people, TenantSettings settings) {
  public SourceResult {
    Objects.requireNonNull(pull, "pull");
    accounts = List.copyOf(accounts);
    people = List.copyOf(people);
    Objects.requireNonNull(settings, "settings");
  }
}
