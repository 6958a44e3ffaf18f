package dev.rollcall.model;

import java.io.Serializable;

/**
 * A tenant's password policy (AWS account password policy). Null fields are not set.
 *
 * @param minimumLength the minimum length, or null
 * @param maxAgeDays days before a password expires, or null when passwords never expire
 * @param reusePrevention how many previous passwords cannot be reused, or null
 * @param requireSymbols whether a symbol is required
 * @param requireNumbers whether a number is required
 * @param requireUppercase whether an upper-case letter is required
 * @param requireLowercase whether a lower-case letter is required
 */
public record PasswordPolicy(
    Integer minimumLength,
    Integer maxAgeDays,
    Integer reusePrevention,
    boolean requireSymbols,
    boolean requireNumbers,
    boolean requireUppercase,
    boolean requireLowercase)
    implements Serializable {}
