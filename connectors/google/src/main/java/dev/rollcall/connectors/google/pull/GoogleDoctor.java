package dev.rollcall.connectors.google.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.util.Sleeper;
import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.google.DirectoryListing;
import dev.rollcall.connectors.pull.DoctorCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks, with one one-item request per listing, that the service account signs in and that each
 * delegated scope and the admin's role allow what {@link GooglePuller} needs
 * (infra/google/README.md): for {@code rollcall doctor}. Reads nothing it keeps and writes nothing.
 */
public final class GoogleDoctor {

  private final GooglePullSettings settings;
  private final GoogleCredentials credentials;
  private final Clock clock;
  private final HttpTransport transport;

  public GoogleDoctor(GooglePullSettings settings, GoogleCredentials credentials) {
    this(settings, credentials, Clock.systemUTC(), new NetHttpTransport());
  }

  GoogleDoctor(
      GooglePullSettings settings,
      GoogleCredentials credentials,
      Clock clock,
      HttpTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  /** Runs the checks, in the order the puller needs them; a refused sign-in stops them there. */
  public List<DoctorCheck> run() {
    // No retries: a doctor answers now, and says so when Google is busy.
    GooglePullSettings once =
        settings.withRetries(0, settings.initialBackoff(), settings.maxBackoff());
    GoogleFetcher fetcher = new GoogleFetcher(once, credentials, transport, Sleeper.DEFAULT);
    var api = fetcher.directory();
    String customer = settings.customer();
    List<DoctorCheck> checks = new ArrayList<>();
    if (!probe(
        checks,
        fetcher,
        DirectoryListing.USERS,
        GoogleServiceAccount.SCOPE_USERS,
        true,
        token ->
            api.users()
                .list()
                .setCustomer(customer)
                .setMaxResults(1)
                .setFields("kind,users(id)"))) {
      return checks;
    }
    probe(
        checks,
        fetcher,
        DirectoryListing.ROLES,
        GoogleServiceAccount.SCOPE_ROLES,
        true,
        token -> api.roles().list(customer).setMaxResults(1).setFields("kind,items(roleId)"));
    probe(
        checks,
        fetcher,
        DirectoryListing.ROLE_ASSIGNMENTS,
        GoogleServiceAccount.SCOPE_ROLES,
        true,
        token ->
            api.roleAssignments()
                .list(customer)
                .setMaxResults(1)
                .setFields("kind,items(roleAssignmentId)"));
    probe(
        checks,
        fetcher,
        DirectoryListing.GROUPS,
        GoogleServiceAccount.SCOPE_GROUPS,
        false,
        token ->
            api.groups()
                .list()
                .setCustomer(customer)
                .setMaxResults(1)
                .setFields("kind,groups(id)"));
    String now = clock.instant().toString();
    String dayAgo = clock.instant().minus(Duration.ofDays(1)).toString();
    probe(
        checks,
        fetcher,
        DirectoryListing.LOGIN_ACTIVITIES,
        GoogleServiceAccount.SCOPE_AUDIT,
        false,
        token ->
            new LoginActivitiesRequest(api)
                .setEventName("login_success")
                .setStartTime(dayAgo)
                .setEndTime(now)
                .setMaxResults(1)
                .setFields("kind,items(id(time))"));
    return checks;
  }

  /** One check; false when the sign-in itself was refused. */
  private static boolean probe(
      List<DoctorCheck> checks,
      GoogleFetcher fetcher,
      DirectoryListing listing,
      String scope,
      boolean required,
      GoogleFetcher.PageRequest request) {
    String what = listing.method() + " (" + scope.substring(scope.lastIndexOf('/') + 1) + ")";
    try {
      JsonNode page = fetcher.firstPage(listing, request);
      int items = page.path(listing.arrayField()).size();
      checks.add(
          new DoctorCheck(
              what, required, true, "allowed (" + items + " record(s) on a one-item page)"));
      return true;
    } catch (GooglePullException e) {
      checks.add(new DoctorCheck(what, required, false, e.getMessage()));
      return !e.getMessage().contains("refused to issue a token");
    }
  }
}
