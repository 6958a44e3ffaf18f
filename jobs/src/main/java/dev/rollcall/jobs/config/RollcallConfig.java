package dev.rollcall.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The configuration file, {@code rollcall.yaml}.
 *
 * @param organisation the company's name, shown in reports
 * @param domains the company's email domains, for tying user names to people
 * @param profile {@code default} or a profile file relative to this file
 * @param output the folder for reports and the embedded store, relative to this file; or an {@code
 *     s3://bucket/prefix} the reports are uploaded to (then the store must be MongoDB)
 * @param store where state is kept; absent for the embedded store
 * @param sources the sources to audit
 * @param correlation how accounts are tied to people
 * @param exceptions the accepted-risk exceptions file, relative to this file, or null
 * @param notifications where a run's short summary is posted ({@code notify:} in the file)
 * @param activity evidence of use read besides the sources (CloudTrail trails)
 * @param outputS3 how reports are uploaded when {@code output} is an S3 location
 */
public record RollcallConfig(
    String organisation,
    List<String> domains,
    String profile,
    String output,
    StoreConfig store,
    List<SourceConfig> sources,
    CorrelationConfig correlation,
    String exceptions,
    @JsonProperty("notify") NotifyConfig notifications,
    ActivityConfig activity,
    OutputS3Config outputS3) {

  /** A configuration whose reports are not uploaded to S3 with settings of its own. */
  public RollcallConfig(
      String organisation,
      List<String> domains,
      String profile,
      String output,
      StoreConfig store,
      List<SourceConfig> sources,
      CorrelationConfig correlation,
      String exceptions,
      NotifyConfig notifications,
      ActivityConfig activity) {
    this(
        organisation,
        domains,
        profile,
        output,
        store,
        sources,
        correlation,
        exceptions,
        notifications,
        activity,
        null);
  }

  /** A configuration without notification settings or activity evidence. */
  public RollcallConfig(
      String organisation,
      List<String> domains,
      String profile,
      String output,
      StoreConfig store,
      List<SourceConfig> sources,
      CorrelationConfig correlation,
      String exceptions) {
    this(
        organisation,
        domains,
        profile,
        output,
        store,
        sources,
        correlation,
        exceptions,
        null,
        null);
  }

  /** A configuration without an exceptions file. */
  public RollcallConfig(
      String organisation,
      List<String> domains,
      String profile,
      String output,
      StoreConfig store,
      List<SourceConfig> sources,
      CorrelationConfig correlation) {
    this(organisation, domains, profile, output, store, sources, correlation, null);
  }

  public RollcallConfig {
    if (organisation == null || organisation.isBlank()) {
      throw new IllegalArgumentException("organisation is required");
    }
    domains =
        domains == null
            ? List.of()
            : domains.stream().map(d -> d.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    profile = profile == null || profile.isBlank() ? "default" : profile;
    output = output == null || output.isBlank() ? "rollcall-out" : output;
    store = store == null ? StoreConfig.embedded() : store;
    if (sources == null || sources.isEmpty()) {
      throw new IllegalArgumentException("sources must list at least one source");
    }
    sources = List.copyOf(sources);
    correlation = correlation == null ? CorrelationConfig.defaults() : correlation;
    notifications = notifications == null ? NotifyConfig.none() : notifications;
    activity = activity == null ? ActivityConfig.none() : activity;
    outputS3 = outputS3 == null ? OutputS3Config.defaults() : outputS3;
    if (S3Location.isS3(output)) {
      S3Location.parse(output);
      if (store.uri() == null) {
        throw new IllegalArgumentException(
            "output is an S3 location ("
                + output
                + "), so the state store cannot be the embedded one, which lives in the output"
                + " folder: set store.uri to a MongoDB connection string");
      }
    }
  }

  /** The S3 location the reports go to, when {@code output} is one. */
  public java.util.Optional<S3Location> outputBucket() {
    return S3Location.isS3(output)
        ? java.util.Optional.of(S3Location.parse(output))
        : java.util.Optional.empty();
  }
}
