package dev.rollcall.model;

import java.io.Serializable;

/**
 * A clause of a written policy or a regulation that a finding breaks.
 *
 * @param reference where it stands (e.g. {@code System Access Policy §7.2.9}, {@code HIPAA
 *     164.308(a)(3)(ii)(C)})
 * @param text what it says
 */
public record PolicyClause(String reference, String text) implements Serializable {
  public PolicyClause {
    reference = Text.required(reference, "reference");
    text = Text.required(text, "text of clause " + reference);
  }
}
