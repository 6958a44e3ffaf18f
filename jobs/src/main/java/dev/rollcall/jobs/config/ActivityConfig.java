package dev.rollcall.jobs.config;

import java.util.List;

/**
 * Evidence of use read besides the sources: CloudTrail trails.
 *
 * @param cloudtrail the trails to read (none when absent)
 */
public record ActivityConfig(List<CloudTrailConfig> cloudtrail) {
  public ActivityConfig {
    cloudtrail = cloudtrail == null ? List.of() : List.copyOf(cloudtrail);
  }

  /** No activity sources. */
  public static ActivityConfig none() {
    return new ActivityConfig(List.of());
  }
}
