package dev.rollcall.jobs.correlate;

import dev.rollcall.model.AccountView;
import dev.rollcall.model.PrincipalActivity;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;

/** Puts each account's trail activity on its view, for the rules to read. */
public final class TrailViews {
  private TrailViews() {}

  /**
   * @param activity by account id; one entry per account with trail events (a small map, shipped
   *     with the task)
   */
  public static JavaRDD<AccountView> attach(
      JavaRDD<AccountView> views, Map<String, List<PrincipalActivity>> activity) {
    if (activity.isEmpty()) {
      return views;
    }
    Map<String, List<PrincipalActivity>> copy = Map.copyOf(activity);
    return views.map(
        v -> {
          List<PrincipalActivity> found = copy.get(v.account().id());
          return found == null ? v : v.withTrail(found);
        });
  }
}
