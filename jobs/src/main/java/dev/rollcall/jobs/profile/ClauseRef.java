package dev.rollcall.jobs.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;

/**
 * A rule's reference to a clause defined in the profile's {@code clauses} section, with the line it
 * stands on so that a reference to an undefined clause can be reported where it is.
 */
@JsonDeserialize(using = ClauseRef.Reader.class)
public record ClauseRef(String id, int line) {

  /** Keeps the line of each reference as it is read. */
  static final class Reader extends JsonDeserializer<ClauseRef> {
    @Override
    public ClauseRef deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      int line = parser.currentLocation().getLineNr();
      String id = parser.getValueAsString();
      if (id == null || id.isBlank()) {
        return (ClauseRef)
            context.handleUnexpectedToken(
                ClauseRef.class,
                parser.currentToken(),
                parser,
                "a clause reference must be a clause id (text)");
      }
      return new ClauseRef(id.strip(), line);
    }
  }
}
