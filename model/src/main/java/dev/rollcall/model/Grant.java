package dev.rollcall.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * One privilege an account holds.
 *
 * @param name the policy or role name (e.g. {@code AdministratorAccess}, {@code _SEED_ADMIN_ROLE},
 *     {@code ORG_OWNER}, {@code readWrite@orders})
 * @param scope where it applies (an AWS account id, a Google customer, an Atlas project id)
 * @param level how much it allows
 * @param via how the account holds it (e.g. {@code attached}, {@code inline}, {@code group:Admins})
 */
public record Grant(String name, String scope, PrivilegeLevel level, String via)
    implements Serializable {
  public Grant {
    name = Text.required(name, "name");
    scope = Text.required(scope, "scope");
    Objects.requireNonNull(level, "level");
    via = Text.required(via, "via");
  }
}
