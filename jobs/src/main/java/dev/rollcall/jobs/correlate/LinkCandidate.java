package dev.rollcall.jobs.correlate;

import dev.rollcall.model.LinkRule;
import java.io.Serializable;

/**
 * A claim that an account belongs to whoever has an address, before the directory is consulted.
 *
 * @param accountId the account's id
 * @param address the address, lower case
 * @param rule the rule that made the claim
 * @param evidence what the claim rests on (the tag, the mapping row, the name)
 */
public record LinkCandidate(String accountId, String address, LinkRule rule, String evidence)
    implements Serializable {}
