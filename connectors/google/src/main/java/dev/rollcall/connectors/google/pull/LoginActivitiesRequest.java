package dev.rollcall.connectors.google.pull;

import com.google.api.client.googleapis.services.json.AbstractGoogleJsonClient;
import com.google.api.client.googleapis.services.json.AbstractGoogleJsonClientRequest;
import com.google.api.client.json.GenericJson;
import com.google.api.client.util.Key;

/**
 * The Reports API's activities.list for the login application
 * (https://developers.google.com/admin-sdk/reports/reference/rest/v1/activities/list). Maven
 * Central holds no google-api-services-admin-reports built for google-api-client 2, so this is the
 * one request rollcall needs, sent through the Directory client: the same root URL, transport,
 * credentials and retries.
 */
final class LoginActivitiesRequest extends AbstractGoogleJsonClientRequest<GenericJson> {
  private static final String PATH =
      "admin/reports/v1/activity/users/{userKey}/applications/{applicationName}";

  @Key private String userKey = "all";
  @Key private String applicationName = "login";
  @Key private String eventName;
  @Key private String startTime;
  @Key private String endTime;
  @Key private Integer maxResults;
  @Key private String pageToken;
  @Key private String fields;

  LoginActivitiesRequest(AbstractGoogleJsonClient client) {
    super(client, "GET", PATH, null, GenericJson.class);
  }

  LoginActivitiesRequest setEventName(String value) {
    this.eventName = value;
    return this;
  }

  LoginActivitiesRequest setStartTime(String value) {
    this.startTime = value;
    return this;
  }

  LoginActivitiesRequest setEndTime(String value) {
    this.endTime = value;
    return this;
  }

  LoginActivitiesRequest setMaxResults(Integer value) {
    this.maxResults = value;
    return this;
  }

  LoginActivitiesRequest setPageToken(String value) {
    this.pageToken = value;
    return this;
  }

  LoginActivitiesRequest setFields(String value) {
    this.fields = value;
    return this;
  }

  @Override
  public LoginActivitiesRequest set(String fieldName, Object value) {
    return (LoginActivitiesRequest) super.set(fieldName, value);
  }
}
