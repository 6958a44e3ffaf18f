package dev.rollcall.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * The evidence that ties an account to a person.
 *
 * @param account the account
 * @param personId the person's id
 * @param rule the rule that made the link
 * @param evidence the value that matched (a tag, a mapping row, an address)
 */
public record AccountLink(AccountKey account, String personId, LinkRule rule, String evidence)
    implements Serializable {
  public AccountLink {
    Objects.requireNonNull(account, "account");
    personId = Text.required(personId, "personId");
    Objects.requireNonNull(rule, "rule");
    evidence = Text.required(evidence, "evidence");
  }
}
