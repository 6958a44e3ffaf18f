package dev.rollcall.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One account in one system, in the common shape every connector maps to. Optional facts are null
 * when the source does not say (never the empty string); collections are never null and hold no
 * nulls.
 *
 * @param key system, tenant and native id
 * @param name the sign-in name (IAM user name, primary email, Atlas username)
 * @param displayName a person's or program's name as the source shows it, or null
 * @param emails email addresses the source attaches to the account, lower case
 * @param kind human, service or unknown
 * @param kindEvidence why the kind was chosen (a tag, a path, "access keys only"), or null
 * @param status whether it can be used
 * @param created when it was created, or null
 * @param lastActivity the last use and its evidence
 * @param signIns the interactive sign-ins the source records (Google's login audit: the latest from
 *     each address), latest first; empty where it records none
 * @param credentials the ways in, with their dates
 * @param mfa the second factor
 * @param grants the privileges held
 * @param tags the owner-set labels (AWS tags, Atlas labels), sorted by key
 * @param expires when the account is due to be removed (Atlas deleteAfterDate), or null
 * @param observedAt when the source data was captured; ages are measured from here
 * @param captureTimeKnown false when the snapshot records no capture time and {@code observedAt} is
 *     the run's own time, so that evidence says "before this run", not when data was captured
 * @param assumers for an IAM role, who may assume it (its trust policy, evaluated); empty for every
 *     other account
 */
public record Account(
    AccountKey key,
    String name,
    String displayName,
    List<String> emails,
    AccountKind kind,
    String kindEvidence,
    AccountStatus status,
    Instant created,
    Activity lastActivity,
    List<SignIn> signIns,
    List<Credential> credentials,
    Mfa mfa,
    List<Grant> grants,
    Map<String, String> tags,
    Instant expires,
    Instant observedAt,
    boolean captureTimeKnown,
    List<RoleAssumer> assumers)
    implements Serializable {

  public Account {
    Objects.requireNonNull(key, "key");
    name = Text.required(name, () -> "name of " + key);
    displayName = Text.optional(displayName);
    emails = emails.stream().map(e -> e.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    Objects.requireNonNull(kind, () -> "kind of " + key);
    kindEvidence = Text.optional(kindEvidence);
    Objects.requireNonNull(status, () -> "status of " + key);
    Objects.requireNonNull(lastActivity, () -> "lastActivity of " + key);
    signIns = List.copyOf(signIns);
    credentials = List.copyOf(credentials);
    Objects.requireNonNull(mfa, () -> "mfa of " + key);
    grants = List.copyOf(grants);
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    Objects.requireNonNull(observedAt, () -> "observedAt of " + key);
    assumers = List.copyOf(assumers);
  }

  /** This account with another last use (CloudTrail's, say), every other fact kept. */
  public Account withLastActivity(Activity activity) {
    return toBuilder().lastActivity(activity).build();
  }

  /** This account with other owner-set labels, every other fact kept. */
  public Account withTags(Map<String, String> labels) {
    return toBuilder().tags(labels).build();
  }

  /** A builder holding every fact of this account, to change some. */
  public Builder toBuilder() {
    return builder(key, name, observedAt)
        .displayName(displayName)
        .emails(emails)
        .kind(kind, kindEvidence)
        .status(status)
        .created(created)
        .lastActivity(lastActivity)
        .signIns(signIns)
        .credentials(credentials)
        .mfa(mfa)
        .grants(grants)
        .tags(tags)
        .expires(expires)
        .captureTimeKnown(captureTimeKnown)
        .assumers(assumers);
  }

  /** The stable string id, see {@link AccountKey#id()}. */
  public String id() {
    return key.id();
  }

  /** True for an AWS account's root user, which the root rules judge apart from IAM users. */
  public boolean isAwsRoot() {
    return key.system() == SourceSystem.AWS_IAM && key.nativeId().equals("root");
  }

  /** True when a person could sign in to a console or UI with it today. */
  public boolean hasInteractiveLogin() {
    return credentials.stream().anyMatch(c -> c.active() && c.type().interactive());
  }

  /** The highest privilege held, or null when it holds no grant. */
  public PrivilegeLevel highestPrivilege() {
    return grants.stream().map(Grant::level).max(Enum::compareTo).orElse(null);
  }

  /** A tag's value, matching the key without regard to case, or null. */
  public String tag(String tagKey) {
    return tags.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(tagKey))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Starts a builder; connectors use it so that optional fields can be left out. */
  public static Builder builder(AccountKey key, String name, Instant observedAt) {
    return new Builder(key, name, observedAt);
  }

  /** Collects an account's fields; required ones are checked by the record on {@link #build()}. */
  public static final class Builder {
    private final AccountKey key;
    private final String name;
    private final Instant observedAt;
    private String displayName;
    private List<String> emails = List.of();
    private AccountKind kind = AccountKind.UNKNOWN;
    private String kindEvidence;
    private AccountStatus status = AccountStatus.ACTIVE;
    private Instant created;
    private Activity lastActivity;
    private List<Credential> credentials = List.of();
    private Mfa mfa;
    private List<Grant> grants = List.of();
    private Map<String, String> tags = Map.of();
    private List<SignIn> signIns = List.of();
    private Instant expires;
    private boolean captureTimeKnown = true;
    private List<RoleAssumer> assumers = List.of();

    private Builder(AccountKey key, String name, Instant observedAt) {
      this.key = key;
      this.name = name;
      this.observedAt = observedAt;
    }

    public Builder displayName(String value) {
      this.displayName = value;
      return this;
    }

    public Builder emails(List<String> value) {
      this.emails = value;
      return this;
    }

    public Builder kind(AccountKind value, String evidence) {
      this.kind = value;
      this.kindEvidence = evidence;
      return this;
    }

    public Builder status(AccountStatus value) {
      this.status = value;
      return this;
    }

    public Builder created(Instant value) {
      this.created = value;
      return this;
    }

    public Builder lastActivity(Activity value) {
      this.lastActivity = value;
      return this;
    }

    public Builder signIns(List<SignIn> value) {
      this.signIns = value;
      return this;
    }

    public Builder credentials(List<Credential> value) {
      this.credentials = value;
      return this;
    }

    public Builder mfa(Mfa value) {
      this.mfa = value;
      return this;
    }

    public Builder grants(List<Grant> value) {
      this.grants = value;
      return this;
    }

    public Builder tags(Map<String, String> value) {
      this.tags = value;
      return this;
    }

    public Builder expires(Instant value) {
      this.expires = value;
      return this;
    }

    /** False when {@code observedAt} is the run's time because the source recorded none. */
    public Builder captureTimeKnown(boolean value) {
      this.captureTimeKnown = value;
      return this;
    }

    /** Who may assume the role (roles only). */
    public Builder assumers(List<RoleAssumer> value) {
      this.assumers = value;
      return this;
    }

    public Account build() {
      return new Account(
          key,
          name,
          displayName,
          emails,
          kind,
          kindEvidence,
          status,
          created,
          lastActivity,
          signIns,
          credentials,
          mfa,
          grants,
          tags,
          expires,
          observedAt,
          captureTimeKnown,
          assumers);
    }
  }
}
