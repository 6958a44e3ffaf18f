package dev.rollcall.jobs.correlate;

import dev.rollcall.model.Owner;
import java.io.Serializable;

/**
 * One fact about an account's ownership, as the correlation join produces it: either an owner or an
 * explicit claim that matched nobody. Exactly one of the two is set.
 */
public record OwnershipFact(Owner owner, String unresolvedClaim) implements Serializable {
  public OwnershipFact {
    if ((owner == null) == (unresolvedClaim == null)) {
      throw new IllegalArgumentException("exactly one of owner and unresolvedClaim is set");
    }
  }
}
