package dev.rollcall.rules;

import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.TenantSettings;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a tenant rule reads: one tenant's settings (an AWS account's password policy, an Atlas
 * organisation's MFA requirement) and its accounts.
 *
 * @param settings the tenant's settings as its source gave them
 * @param accounts the tenant's accounts
 * @param observedAt when the data was captured
 */
public record TenantFacts(TenantSettings settings, List<Account> accounts, Instant observedAt)
    implements Serializable {
  /** The native id findings about a tenant itself carry in their account key. */
  public static final String TENANT_ID = "(tenant settings)";

  public TenantFacts {
    Objects.requireNonNull(settings, "settings");
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(observedAt, "observedAt");
  }

  public SourceSystem system() {
    return settings.system();
  }

  public String tenant() {
    return settings.tenant();
  }

  /** The key of findings about the tenant itself: stable, so their lifecycle works. */
  public AccountKey key() {
    return new AccountKey(system(), tenant(), TENANT_ID);
  }

  /** How a person names the tenant, e.g. "AWS account 111122223333". */
  public String label() {
    return kind() + " " + tenant();
  }

  /** As {@link #label()}, the id written by {@link Shell#quote}, for a fix. */
  String quotedLabel() {
    return kind() + " " + Shell.quote(tenant());
  }

  private String kind() {
    return switch (system()) {
      case AWS_IAM -> "AWS account";
      case AWS_IDENTITY_CENTER -> "Identity Center";
      case GOOGLE_WORKSPACE -> "Google Workspace";
      case ATLAS_ORG -> "Atlas organisation";
      case ATLAS_DATABASE -> "Atlas project";
    };
  }
}
