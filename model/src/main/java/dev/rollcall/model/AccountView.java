package dev.rollcall.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * An account as the rules see it: the account, who owns it after correlation, and the explicit
 * ownership claims (mapping rows, owner tags) that named nobody in the directory.
 *
 * @param account the account
 * @param owners the people its strongest links point to, sorted by person id
 * @param unresolvedClaims addresses named by a mapping row or owner tag that match no person
 * @param probableOwners people only a name match points to: reported, never owners
 * @param trail what CloudTrail tells about the account's use (empty without a trail)
 */
public record AccountView(
    Account account,
    List<Owner> owners,
    List<String> unresolvedClaims,
    List<Owner> probableOwners,
    List<PrincipalActivity> trail)
    implements Serializable {

  public AccountView {
    Objects.requireNonNull(account, "account");
    owners = List.copyOf(owners);
    unresolvedClaims = List.copyOf(unresolvedClaims);
    probableOwners = List.copyOf(probableOwners);
    trail = List.copyOf(trail);
  }

  /** A view without trail evidence. */
  public AccountView(
      Account account,
      List<Owner> owners,
      List<String> unresolvedClaims,
      List<Owner> probableOwners) {
    this(account, owners, unresolvedClaims, probableOwners, List.of());
  }

  /** This view with the account's trail evidence. */
  public AccountView withTrail(List<PrincipalActivity> activity) {
    return new AccountView(account, owners, unresolvedClaims, probableOwners, activity);
  }

  /** A view with no probable owners. */
  public AccountView(Account account, List<Owner> owners, List<String> unresolvedClaims) {
    this(account, owners, unresolvedClaims, List.of());
  }

  /** Owned by one person, shared by several, or unowned. */
  public Ownership ownership() {
    return switch (owners.size()) {
      case 0 -> Ownership.UNOWNED;
      case 1 -> Ownership.OWNED;
      default -> Ownership.SHARED;
    };
  }

  /** The owners' person ids. */
  public List<String> personIds() {
    return owners.stream().map(o -> o.person().personId()).toList();
  }

  /** True when this account is a person's own entry in the directory of people. */
  public boolean isDirectoryAccount() {
    return owners.stream().anyMatch(o -> o.rule() == LinkRule.DIRECTORY);
  }

  /** True when it has owners and every one of them has left. */
  public boolean allOwnersLeft() {
    return !owners.isEmpty()
        && owners.stream().allMatch(o -> o.person().status() == PersonStatus.LEFT);
  }
}
