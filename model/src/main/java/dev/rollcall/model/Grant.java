package dev.rollcall.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One privilege an account holds.
 *
 * @param name the policy or role name (e.g. {@code AdministratorAccess}, {@code _SEED_ADMIN_ROLE},
 *     {@code ORG_OWNER}, {@code readWrite@orders})
 * @param scope where it applies (an AWS account id, a Google customer, an Atlas project id)
 * @param level how much it allows
 * @param via how the account holds it (e.g. {@code attached}, {@code inline}, {@code group:Admins})
 * @param method for {@link PrivilegeLevel#PRIVILEGE_ESCALATION}, how the account can escalate (e.g.
 *     {@code passrole-lambda-invoke: PassRole to a new Lambda function}); null when the source does
 *     not say
 * @param statements the exact statements that grant it (e.g. {@code Admin Statement[0]
 *     Sid=AllowAll: Allow * on *}), so that a reviewer can find them; empty when the source gives
 *     no statements
 */
public record Grant(
    String name,
    String scope,
    PrivilegeLevel level,
    String via,
    String method,
    List<String> statements)
    implements Serializable {
  public Grant {
    name = Text.required(name, "name");
    scope = Text.required(scope, "scope");
    Objects.requireNonNull(level, "level");
    via = Text.required(via, "via");
    method = method == null || method.isBlank() ? null : method.strip();
    statements = statements == null ? List.of() : List.copyOf(statements);
  }

  /** A grant whose source names no method and no statements. */
  public Grant(String name, String scope, PrivilegeLevel level, String via) {
    this(name, scope, level, via, null, List.of());
  }
}
