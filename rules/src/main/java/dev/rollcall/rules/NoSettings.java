package dev.rollcall.rules;

import java.io.Serializable;

/** The settings of a rule that has no thresholds of its own. */
public record NoSettings() implements Serializable {}
