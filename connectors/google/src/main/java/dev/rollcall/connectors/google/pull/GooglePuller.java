package dev.rollcall.connectors.google.pull;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.util.Sleeper;
import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.google.DirectoryListing;
import dev.rollcall.connectors.pull.SnapshotFiles;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.connectors.pull.TenantPull;
import dev.rollcall.connectors.pull.TenantPulls;
import dev.rollcall.model.PullStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Pulls one Google Workspace tenant (its primary domain) from the Admin SDK into {@code
 * google/<domain>/}: users, admin roles and role assignments (required), then deleted users, groups
 * with their members and the login audit (each optional: when one fails the pull is PARTIAL and its
 * files are left out, so the reader records what it would tell as unknown).
 */
public final class GooglePuller implements SnapshotPuller {
  private static final Logger LOG = LogManager.getLogger(GooglePuller.class);

  /** The Directory API's largest page of users (users.list maxResults). */
  static final int USERS_PAGE = 500;

  /** The largest page of roles.list. */
  static final int ROLES_PAGE = 100;

  /** The largest page of roleAssignments.list, groups.list and members.list. */
  static final int DIRECTORY_PAGE = 200;

  /** The largest page of activities.list. */
  static final int ACTIVITIES_PAGE = 1000;

  static final String USER_FIELDS =
      "kind,nextPageToken,users(id,primaryEmail,name(givenName,familyName,fullName),"
          + "emails(address,primary),aliases,nonEditableAliases,suspended,suspensionReason,"
          + "archived,isAdmin,isDelegatedAdmin,isEnrolledIn2Sv,isEnforcedIn2Sv,lastLoginTime,"
          + "creationTime,deletionTime,orgUnitPath,changePasswordAtNextLogin)";
  static final String ROLE_FIELDS =
      "kind,nextPageToken,items(roleId,roleName,roleDescription,isSystemRole,isSuperAdminRole,"
          + "rolePrivileges(privilegeName,serviceId))";
  static final String ROLE_ASSIGNMENT_FIELDS =
      "kind,nextPageToken,items(roleAssignmentId,roleId,assignedTo,assigneeType,scopeType,"
          + "orgUnitId)";
  static final String GROUP_FIELDS =
      "kind,nextPageToken,groups(id,email,name,aliases,nonEditableAliases,directMembersCount)";
  static final String MEMBER_FIELDS = "kind,nextPageToken,members(id,email,role,type,status)";
  static final String ACTIVITY_FIELDS =
      "kind,nextPageToken,items(id(time,uniqueQualifier,applicationName),actor(email,profileId),"
          + "ipAddress,events(type,name,parameters(name,value,multiValue,boolValue)))";

  /** The digits of a page number in a page's file name. */
  private static final int PAGE_DIGITS = 5;

  private static final TenantPulls TENANTS =
      new TenantPulls(
          "google",
          "rollcall google puller",
          e -> e instanceof GooglePullException ? Optional.of(e.getMessage()) : Optional.empty());

  /** Group ids become folder names; Google's are letters and digits. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private final GooglePullSettings settings;
  private final GoogleCredentials credentials;
  private final Clock clock;
  private final HttpTransport transport;
  private final Sleeper sleeper;

  /**
   * A puller for production.
   *
   * @param credentials see {@link GoogleServiceAccount#fromKeyFile}
   */
  public GooglePuller(GooglePullSettings settings, GoogleCredentials credentials) {
    this(settings, credentials, Clock.systemUTC());
  }

  /** A puller whose capture time comes from {@code clock}. */
  public GooglePuller(GooglePullSettings settings, GoogleCredentials credentials, Clock clock) {
    this(settings, credentials, clock, new NetHttpTransport(), Sleeper.DEFAULT);
  }

  GooglePuller(
      GooglePullSettings settings,
      GoogleCredentials credentials,
      Clock clock,
      HttpTransport transport,
      Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  @Override
  public String folder() {
    return "google";
  }

  @Override
  public List<TenantPull> pull(Path systemDir) {
    Instant capturedAt = clock.instant();
    long started = System.nanoTime();
    String domain = settings.domain();
    GoogleFetcher fetcher = new GoogleFetcher(settings, credentials, transport, sleeper);
    TenantPull pull =
        TENANTS.pull(
            domain,
            systemDir.resolve(domain),
            capturedAt,
            fetcher::requests,
            tenantDir -> pullTenant(fetcher, tenantDir, capturedAt));
    long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (pull.status() == PullStatus.COMPLETE) {
      LOG.info("google/{}: complete, {} API requests in {} ms", domain, pull.apiRequests(), ms);
    } else {
      LOG.warn(
          "google/{}: {}, {} API requests in {} ms: {}",
          domain,
          pull.status().name().toLowerCase(Locale.ROOT),
          pull.apiRequests(),
          ms,
          String.join(" | ", pull.problems()));
    }
    return List.of(pull);
  }

  /** The directory (required), then each optional listing; returns what was not pulled. */
  private List<String> pullTenant(GoogleFetcher fetcher, Path tenantDir, Instant capturedAt) {
    List<String> problems = new ArrayList<>();
    pullDirectory(fetcher, tenantDir);
    if (settings.includeDeleted()) {
      optional(
          "deleted users",
          "people deleted from Google in the last 20 days are not known",
          problems,
          tenantDir,
          List.of(DirectoryListing.DELETED_USERS),
          () -> pullDeletedUsers(fetcher, tenantDir));
    }
    if (settings.includeGroups()) {
      optional(
          "groups",
          "accounts owned by a group address are not recognised as team accounts",
          problems,
          tenantDir,
          List.of(DirectoryListing.GROUPS, DirectoryListing.MEMBERS),
          () -> pullGroups(fetcher, tenantDir));
    }
    if (settings.loginAuditDays() > 0) {
      optional(
          "login audit",
          "last sign-ins, 2-Step methods used and source IPs come from users.list alone",
          problems,
          tenantDir,
          List.of(DirectoryListing.LOGIN_ACTIVITIES),
          () -> pullLoginAudit(fetcher, tenantDir, capturedAt));
    }
    return problems;
  }

  /** users.list, roles.list and roleAssignments.list: without them there is no directory. */
  private void pullDirectory(GoogleFetcher fetcher, Path tenantDir) {
    var api = fetcher.directory();
    long users =
        fetcher.listPages(
            DirectoryListing.USERS,
            token ->
                api.users()
                    .list()
                    .setCustomer(settings.customer())
                    .setProjection("full")
                    .setMaxResults(USERS_PAGE)
                    .setFields(USER_FIELDS)
                    .setPageToken(token),
            page -> page(tenantDir, DirectoryListing.USERS, page),
            root -> {});
    long roles =
        fetcher.listPages(
            DirectoryListing.ROLES,
            token ->
                api.roles()
                    .list(settings.customer())
                    .setMaxResults(ROLES_PAGE)
                    .setFields(ROLE_FIELDS)
                    .setPageToken(token),
            page -> page(tenantDir, DirectoryListing.ROLES, page),
            root -> {});
    long assignments =
        fetcher.listPages(
            DirectoryListing.ROLE_ASSIGNMENTS,
            token ->
                api.roleAssignments()
                    .list(settings.customer())
                    .setMaxResults(DIRECTORY_PAGE)
                    .setFields(ROLE_ASSIGNMENT_FIELDS)
                    .setPageToken(token),
            page -> page(tenantDir, DirectoryListing.ROLE_ASSIGNMENTS, page),
            root -> {});
    LOG.info(
        "google/{}: {} users, {} admin roles, {} role assignments",
        settings.domain(),
        users,
        roles,
        assignments);
  }

  private void pullDeletedUsers(GoogleFetcher fetcher, Path tenantDir) {
    long deleted =
        fetcher.listPages(
            DirectoryListing.DELETED_USERS,
            token ->
                fetcher
                    .directory()
                    .users()
                    .list()
                    .setCustomer(settings.customer())
                    .setProjection("full")
                    .setShowDeleted("true")
                    .setMaxResults(USERS_PAGE)
                    .setFields(USER_FIELDS)
                    .setPageToken(token),
            page -> page(tenantDir, DirectoryListing.DELETED_USERS, page),
            root -> {});
    LOG.info("google/{}: {} deleted users", settings.domain(), deleted);
  }

  private void pullGroups(GoogleFetcher fetcher, Path tenantDir) {
    var api = fetcher.directory();
    List<String> groupIds = new ArrayList<>();
    long groups =
        fetcher.listPages(
            DirectoryListing.GROUPS,
            token ->
                api.groups()
                    .list()
                    .setCustomer(settings.customer())
                    .setMaxResults(DIRECTORY_PAGE)
                    .setFields(GROUP_FIELDS)
                    .setPageToken(token),
            page -> page(tenantDir, DirectoryListing.GROUPS, page),
            root -> root.path("groups").forEach(g -> groupIds.add(g.path("id").asText(""))));
    long members = 0;
    Path membersDir = tenantDir.resolve(DirectoryListing.MEMBERS.pageName());
    for (String groupId : groupIds) {
      if (!SAFE_ID.matcher(groupId).matches()) {
        throw new GooglePullException(
            "groups.list: group id '" + groupId + "' is not a Google group id", null);
      }
      members +=
          fetcher.listPages(
              DirectoryListing.MEMBERS,
              token ->
                  api.members()
                      .list(groupId)
                      .setIncludeDerivedMembership(true)
                      .setMaxResults(DIRECTORY_PAGE)
                      .setFields(MEMBER_FIELDS)
                      .setPageToken(token),
              page -> SnapshotFiles.page(membersDir.resolve(groupId), page, PAGE_DIGITS),
              root -> {});
    }
    LOG.info("google/{}: {} groups, {} memberships", settings.domain(), groups, members);
  }

  private void pullLoginAudit(GoogleFetcher fetcher, Path tenantDir, Instant capturedAt) {
    String start = capturedAt.minus(Duration.ofDays(settings.loginAuditDays())).toString();
    String end = capturedAt.toString();
    long events =
        fetcher.listPages(
            DirectoryListing.LOGIN_ACTIVITIES,
            token ->
                new LoginActivitiesRequest(fetcher.directory())
                    .setEventName("login_success")
                    .setStartTime(start)
                    .setEndTime(end)
                    .setMaxResults(ACTIVITIES_PAGE)
                    .setFields(ACTIVITY_FIELDS)
                    .setPageToken(token),
            page -> page(tenantDir, DirectoryListing.LOGIN_ACTIVITIES, page),
            root -> {});
    LOG.info(
        "google/{}: {} successful sign-ins in the last {} days",
        settings.domain(),
        events,
        settings.loginAuditDays());
  }

  /**
   * Runs an optional part; when it fails, removes what it wrote (half a listing must not read as
   * all of it) and records the problem, so that the pull is PARTIAL.
   */
  private void optional(
      String part,
      String consequence,
      List<String> problems,
      Path tenantDir,
      List<DirectoryListing> listings,
      Runnable pull) {
    try {
      pull.run();
    } catch (GooglePullException e) {
      for (DirectoryListing listing : listings) {
        delete(tenantDir, listing);
      }
      problems.add(part + " not pulled (" + consequence + "): " + e.getMessage());
    }
  }

  /**
   * {@code <listing>/page-00001.json}: Google snapshots have always numbered their pages with five
   * digits (a tenant of over a million users has over 2,000 users.list pages).
   */
  private static Path page(Path tenantDir, DirectoryListing listing, int page) {
    return SnapshotFiles.page(tenantDir.resolve(listing.pageName()), page, PAGE_DIGITS);
  }

  /** Removes what a listing wrote, as a single file or a folder of pages. */
  private static void delete(Path tenantDir, DirectoryListing listing) {
    SnapshotFiles.delete(tenantDir.resolve(listing.pageName() + ".json"));
    SnapshotFiles.delete(tenantDir.resolve(listing.pageName()));
  }
}
