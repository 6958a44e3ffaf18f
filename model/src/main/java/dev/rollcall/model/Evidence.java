package dev.rollcall.model;

import java.io.Serializable;

/**
 * One fact that made a finding, as a label and the value the source gave.
 *
 * @param label what the fact is (e.g. {@code last activity})
 * @param value the value (e.g. {@code 2026-05-01T09:00:00Z (password_last_used)})
 */
public record Evidence(String label, String value) implements Serializable {
  public Evidence {
    label = Text.required(label, "label");
    value = Text.required(value, "value of evidence " + label);
  }
}
