package dev.rollcall.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A person an account is tied to, with the rule and evidence of the tie.
 *
 * @param person the person from the directory
 * @param rule the correlation rule that made the link
 * @param evidence the value that matched
 */
public record Owner(Identity person, LinkRule rule, String evidence) implements Serializable {
  public Owner {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(evidence, "evidence");
  }
}
