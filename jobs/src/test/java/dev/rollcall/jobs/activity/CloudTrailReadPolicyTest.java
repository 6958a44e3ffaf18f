package dev.rollcall.jobs.activity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.rollcall.jobs.config.CloudTrailConfig;
import dev.rollcall.jobs.spark.SharedSpark;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/aws/rollcall-cloudtrail-read-policy.json is held to the calls the CloudTrail reader makes:
 * the reader reads a trail from S3 (moto on loopback, through s3a) via a recording proxy; every S3
 * request it sent, turned into its IAM action, resource and condition keys (as AWS's S3
 * authorization documents them), must be allowed by the policy with its placeholders filled in, and
 * the policy grants no S3 action the reader did not use. kms:Decrypt is S3's call to KMS on the
 * reader's behalf (SSE-KMS), which no client request shows: the policy must scope it to S3.
 */
@ExtendWith(SharedSpark.class)
class CloudTrailReadPolicyTest {
  private static final Path POLICY =
      Path.of("..", "infra", "aws", "rollcall-cloudtrail-read-policy.json");

  @TempDir Path dir;

  /** One S3 request as IAM authorizes it. */
  record Authorized(String action, String resource, Map<String, String> conditionKeys) {}

  @Test
  void everyCallTheReaderMakesIsAllowedAndNothingElseIs(SparkSession spark) throws Exception {
    JsonNode policy = new ObjectMapper().readTree(Files.readString(POLICY));
    try (Moto moto = Moto.start()) {
      WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
      proxy.start();
      try {
        proxy.stubFor(
            any(anyUrl()).willReturn(aResponse().proxiedFrom(moto.endpoint().toString())));
        TrailFixture trail = CloudTrailEvidenceTest.writeTrail(dir);
        String bucket = "rollcall-policy-" + UUID.randomUUID().toString().substring(0, 8);
        CloudTrailS3aTest.upload(moto, bucket, "org-trail", trail.root());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        CloudTrailS3aTest.pointAt(hadoop, bucket, URI.create(proxy.baseUrl()));

        CloudTrailActivity.Result read =
            CloudTrailActivity.read(
                spark,
                List.of(new CloudTrailConfig("s3a://" + bucket + "/org-trail", 3)),
                p -> p,
                Instant.parse("2026-11-20T07:00:00Z"));
        assertEquals(7, read.stats().files(), "the trail was read through the proxy");

        List<Authorized> calls = new ArrayList<>();
        for (ServeEvent event : proxy.getAllServeEvents()) {
          calls.add(authorized(event.getRequest()));
        }
        assertFalse(calls.isEmpty());
        JsonNode filled =
            new ObjectMapper()
                .readTree(
                    Files.readString(POLICY)
                        .replace("REPLACE-WITH-TRAIL-BUCKET", bucket)
                        .replace("REPLACE-WITH-TRAIL-PREFIX", "org-trail"));
        for (Authorized call : calls) {
          assertTrue(allowed(filled, call), "the policy does not allow " + call);
        }
        Set<String> used = new TreeSet<>();
        calls.forEach(c -> used.add(c.action()));
        assertEquals(used, actions(policy, "s3:"), "the policy's S3 actions are the reader's");
      } finally {
        proxy.stop();
      }
    }
    assertEquals(Set.of("kms:Decrypt"), actions(policy, "kms:"));
    for (JsonNode statement : policy.path("Statement")) {
      if (actions(statement).contains("kms:Decrypt")) {
        assertEquals(
            "s3.REPLACE-WITH-BUCKET-REGION.amazonaws.com",
            statement.path("Condition").path("StringEquals").path("kms:ViaService").asText(),
            "kms:Decrypt only through S3");
        assertFalse(text(statement.path("Resource")).contains("*"), "one key, not every key");
      }
    }
  }

  @Test
  void theCheckRefusesWhatThePolicyWouldNotAllow() throws Exception {
    JsonNode filled =
        new ObjectMapper()
            .readTree(
                Files.readString(POLICY)
                    .replace("REPLACE-WITH-TRAIL-BUCKET", "audit-logs")
                    .replace("REPLACE-WITH-TRAIL-PREFIX", "org-trail"));
    assertTrue(
        allowed(
            filled,
            new Authorized(
                "s3:ListBucket",
                "arn:aws:s3:::audit-logs",
                Map.of("s3:prefix", "org-trail/AWSLogs/111122223333/"))));
    assertTrue(
        allowed(
            filled,
            new Authorized("s3:GetObject", "arn:aws:s3:::audit-logs/org-trail/AWSLogs", Map.of())));
    // The bucket's root, another prefix, another bucket, a write: all refused.
    assertFalse(
        allowed(filled, new Authorized("s3:ListBucket", "arn:aws:s3:::audit-logs", Map.of())));
    assertFalse(
        allowed(
            filled,
            new Authorized(
                "s3:ListBucket", "arn:aws:s3:::audit-logs", Map.of("s3:prefix", "payroll/"))));
    assertFalse(
        allowed(
            filled,
            new Authorized("s3:GetObject", "arn:aws:s3:::audit-logs/payroll/2026.csv", Map.of())));
    assertFalse(
        allowed(
            filled,
            new Authorized(
                "s3:GetObject", "arn:aws:s3:::other-bucket/org-trail/AWSLogs/x", Map.of())));
    assertFalse(
        allowed(
            filled,
            new Authorized(
                "s3:PutObject", "arn:aws:s3:::audit-logs/org-trail/AWSLogs/x", Map.of())));
  }

  /**
   * The IAM action, resource and condition keys of a path-style S3 request (S3's REST API and "How
   * Amazon S3 authorizes a request"): listing and probing the bucket are s3:ListBucket with the
   * listed prefix as s3:prefix, reading or probing an object is s3:GetObject.
   */
  static Authorized authorized(LoggedRequest request) {
    String url = request.getUrl();
    int query = url.indexOf('?');
    String path = decode(query < 0 ? url : url.substring(0, query));
    Map<String, String> parameters = parameters(query < 0 ? "" : url.substring(query + 1));
    String[] parts = path.substring(1).split("/", 2);
    String bucket = parts[0];
    Optional<String> key =
        parts.length > 1 && !parts[1].isEmpty() ? Optional.of(parts[1]) : Optional.empty();
    String method = request.getMethod().value();
    if (key.isPresent() && (method.equals("GET") || method.equals("HEAD"))) {
      Set<String> subresources = new TreeSet<>(parameters.keySet());
      subresources.removeAll(Set.of("partNumber", "versionId"));
      if (subresources.isEmpty()) {
        return new Authorized("s3:GetObject", "arn:aws:s3:::" + bucket + "/" + key.get(), Map.of());
      }
    }
    if (key.isEmpty() && method.equals("GET") && parameters.containsKey("location")) {
      return new Authorized("s3:GetBucketLocation", "arn:aws:s3:::" + bucket, Map.of());
    }
    if (key.isEmpty() && (method.equals("GET") || method.equals("HEAD"))) {
      Set<String> listing =
          Set.of(
              "list-type",
              "prefix",
              "delimiter",
              "max-keys",
              "continuation-token",
              "start-after",
              "marker",
              "encoding-type",
              "fetch-owner");
      if (listing.containsAll(parameters.keySet())) {
        Map<String, String> keys = new HashMap<>();
        if (parameters.containsKey("prefix")) {
          keys.put("s3:prefix", parameters.get("prefix"));
        }
        return new Authorized("s3:ListBucket", "arn:aws:s3:::" + bucket, keys);
      }
    }
    return fail(
        "the reader sent "
            + method
            + " "
            + url
            + ", which this test cannot map to an IAM action: add it here and to "
            + POLICY);
  }

  /** Whether an Allow statement of {@code policy} lets {@code call} (there is no Deny in it). */
  static boolean allowed(JsonNode policy, Authorized call) {
    for (JsonNode statement : policy.path("Statement")) {
      if (!statement.path("Effect").asText().equals("Allow")
          || !actions(statement).contains(call.action())) {
        continue;
      }
      boolean resource = false;
      for (String pattern : text(statement.path("Resource"))) {
        resource |= glob(pattern).matcher(call.resource()).matches();
      }
      if (resource && conditionsHold(statement.path("Condition"), call.conditionKeys())) {
        return true;
      }
    }
    return false;
  }

  private static boolean conditionsHold(JsonNode condition, Map<String, String> keys) {
    for (Map.Entry<String, JsonNode> operator : condition.properties()) {
      for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
        String value = keys.get(key.getKey());
        if (value == null) {
          return false; // A condition on a key the request does not carry does not hold.
        }
        boolean any = false;
        for (String expected : text(key.getValue())) {
          any |= holds(operator.getKey(), expected, value);
        }
        if (!any) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean holds(String operator, String expected, String value) {
    return switch (operator) {
      case "StringLike" -> glob(expected).matcher(value).matches();
      case "StringEquals" -> expected.equals(value);
      default -> throw new AssertionError("the test does not know the operator " + operator);
    };
  }

  /** IAM's wildcards: {@code *} any run of characters, {@code ?} one; the rest literal. */
  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static Set<String> actions(JsonNode policy, String service) {
    Set<String> found = new TreeSet<>();
    for (JsonNode statement : policy.path("Statement")) {
      actions(statement).stream().filter(a -> a.startsWith(service)).forEach(found::add);
    }
    return found;
  }

  private static List<String> actions(JsonNode statement) {
    return text(statement.path("Action"));
  }

  private static List<String> text(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    } else if (node.isTextual()) {
      values.add(node.asText());
    }
    return values;
  }

  private static Map<String, String> parameters(String query) {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      parameters.put(
          decode(equals < 0 ? pair : pair.substring(0, equals)),
          equals < 0 ? "" : decode(pair.substring(equals + 1)));
    }
    return parameters;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
