package dev.rollcall.connectors.aws;

import dev.rollcall.model.PrivilegeLevel;
import java.util.Map;
import java.util.Optional;

/**
 * The level of an AWS managed policy known only by its name, for a snapshot that lacks its document
 * (documents are evaluated by {@link PolicyEvaluator} and {@link PrivilegeAnalysis}).
 */
final class PolicyClassifier {
  /** AWS managed policies known by name, for when the snapshot lacks their documents. */
  private static final Map<String, PrivilegeLevel> MANAGED_BY_NAME =
      Map.of(
          "AdministratorAccess", PrivilegeLevel.ADMIN,
          "IAMFullAccess", PrivilegeLevel.PRIVILEGE_ESCALATION,
          "PowerUserAccess", PrivilegeLevel.WRITE,
          "ReadOnlyAccess", PrivilegeLevel.READ,
          "ViewOnlyAccess", PrivilegeLevel.READ,
          "SecurityAudit", PrivilegeLevel.READ);

  private PolicyClassifier() {}

  /**
   * The level of an AWS managed policy known only by its name; empty when the name tells nothing
   * (the caller then assumes WRITE).
   */
  static Optional<PrivilegeLevel> byName(String name) {
    PrivilegeLevel known = MANAGED_BY_NAME.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    if (name.contains("ReadOnly")) {
      return Optional.of(PrivilegeLevel.READ);
    }
    if (name.endsWith("FullAccess")) {
      return Optional.of(PrivilegeLevel.WRITE);
    }
    return Optional.empty();
  }
}
