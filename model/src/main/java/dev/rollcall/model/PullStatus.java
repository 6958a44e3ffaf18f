package dev.rollcall.model;

/** How complete a source's pull was. Only a complete pull may resolve earlier findings. */
public enum PullStatus {
  COMPLETE,
  PARTIAL,
  FAILED
}
