package dev.rollcall.jobs.profile;

/**
 * A clause as a profile defines it.
 *
 * @param reference where it stands (policy and section, or regulation)
 * @param text what it says
 */
public record ClauseDef(String reference, String text) {
  public ClauseDef {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("reference is required");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text is required");
    }
  }
}
