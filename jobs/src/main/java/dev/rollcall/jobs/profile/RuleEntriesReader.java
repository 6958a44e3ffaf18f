package dev.rollcall.jobs.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.rollcall.rules.RuleCatalogue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the {@code rules:} map of a profile, refusing a key that names no rule; reading straight
 * from the parser keeps line numbers in errors.
 */
final class RuleEntriesReader extends JsonDeserializer<Map<String, RuleEntry>> {

  @Override
  public Map<String, RuleEntry> deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return context.reportInputMismatch(Map.class, "rules must be a map of rule id to settings");
    }
    Map<String, RuleEntry> entries = new LinkedHashMap<>();
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      String id = key;
      RuleCatalogue.byId(id)
          .orElseThrow(
              () ->
                  JsonMappingException.wrapWithPath(
                      JsonMappingException.from(
                          parser,
                          "unknown rule '"
                              + id
                              + "'; known rules: "
                              + RuleCatalogue.all().stream()
                                  .map(r -> r.info().id())
                                  .collect(Collectors.joining(", "))),
                      entries,
                      id));
      parser.nextToken();
      try {
        entries.put(id, context.readValue(parser, RuleEntry.class));
      } catch (JsonMappingException e) {
        throw JsonMappingException.wrapWithPath(e, entries, id);
      }
    }
    return entries;
  }
}
