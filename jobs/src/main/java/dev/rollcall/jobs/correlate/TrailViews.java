package dev.rollcall.jobs.correlate;

import dev.rollcall.model.AccountView;
import dev.rollcall.model.PrincipalActivity;
import java.util.List;
import java.util.Map;

/** Puts each account's trail activity on its view, for the rules to read. */
public final class TrailViews {
  private TrailViews() {}

  /**
   * @param activity by account id; one entry per account with trail events
   */
  public static List<AccountView> attach(
      List<AccountView> views, Map<String, List<PrincipalActivity>> activity) {
    if (activity.isEmpty()) {
      return views;
    }
    return views.stream()
        .map(
            v -> {
              List<PrincipalActivity> found = activity.get(v.account().id());
              return found == null ? v : v.withTrail(found);
            })
        .toList();
  }
}
