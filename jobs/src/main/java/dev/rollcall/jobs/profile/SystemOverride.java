package dev.rollcall.jobs.profile;

import dev.rollcall.model.Severity;
import java.io.Serializable;

/**
 * A rule's settings for one system, over the rule's own: e.g. dormant accounts are high in AWS and
 * medium elsewhere, or a rule is off for Atlas.
 *
 * @param enabled whether the rule judges this system's accounts; null to follow the rule
 * @param severity the severity of its findings in this system; null to follow the rule
 */
public record SystemOverride(Boolean enabled, Severity severity) implements Serializable {}
