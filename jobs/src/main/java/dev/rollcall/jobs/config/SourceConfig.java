package dev.rollcall.jobs.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.rollcall.connectors.snapshot.SymbolicLinks;
import java.io.IOException;
import java.util.Optional;

/**
 * One configured source: a folder of vendor-shaped exports ({@code type: snapshot} with a {@code
 * path}), or a live system whose type is a connector's name ({@code aws}, {@code google}, {@code
 * atlas}) with that connector's block under a key of the same name. The types and their blocks come
 * from {@link Connectors}: a new source adds its type there, nowhere here.
 *
 * @param name a name for logs and reports
 * @param type {@code snapshot} or the name of a live source type
 * @param path the snapshot folder, relative to the configuration file (snapshot only)
 * @param block the live source's block, read into its type's block record (its defaults when the
 *     source writes none); null for a snapshot
 * @param followSymlinks whether the snapshot's symbolic links are followed ({@code followSymlinks:
 *     true}, snapshot only); refused by default, see {@link SymbolicLinks}
 */
@JsonDeserialize(using = SourceConfig.Reader.class)
public record SourceConfig(
    String name, String type, String path, Object block, boolean followSymlinks) {

  public SourceConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    if (type == null) {
      throw new IllegalArgumentException("type is required (" + Connectors.typeNames() + ")");
    }
    boolean snapshot = type.equals(Connectors.SNAPSHOT);
    Optional<LiveSource<?, ?, ?>> live = Connectors.named(type);
    if (!snapshot && live.isEmpty()) {
      throw new IllegalArgumentException(unknownType());
    }
    if (snapshot && (path == null || path.isBlank())) {
      throw new IllegalArgumentException("path is required for a snapshot source");
    }
    if (!snapshot && path != null) {
      throw new IllegalArgumentException("path belongs to snapshot sources only");
    }
    if (snapshot && block != null) {
      throw new IllegalArgumentException("a snapshot source has no block besides its path");
    }
    if (!snapshot && followSymlinks) {
      throw new IllegalArgumentException("followSymlinks belongs to snapshot sources only");
    }
    if (live.isPresent()) {
      LiveSource<?, ?, ?> source = live.get();
      if (block == null) {
        block = source.missingBlock().get();
      }
      if (!source.block().isInstance(block)) {
        throw new IllegalArgumentException(
            "the block of a " + type + " source must be a " + source.block().getSimpleName());
      }
    }
  }

  /** A source whose snapshot's symbolic links, if it has one, are refused. */
  public SourceConfig(String name, String type, String path, Object block) {
    this(name, type, path, block, false);
  }

  private static String unknownType() {
    return "unknown source type (" + Connectors.typeNames() + ")";
  }

  /** Whether the source is pulled from a live API (rather than read from a folder). */
  public boolean live() {
    return !type.equals(Connectors.SNAPSHOT);
  }

  /** What reading the source's snapshot folder does with a symbolic link in it. */
  public SymbolicLinks links() {
    return SymbolicLinks.followed(followSymlinks);
  }

  /**
   * Reads a source from the parser, each live type's block into its own record, so that an error
   * inside a block names its line and key.
   */
  static final class Reader extends JsonDeserializer<SourceConfig> {
    @Override
    public SourceConfig deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        return context.reportInputMismatch(
            SourceConfig.class, "a source is a map: name, type, and a path or its type's block");
      }
      String name = null;
      String type = null;
      String path = null;
      String blockKey = null;
      Object block = null;
      boolean followSymlinks = false;
      for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
        parser.nextToken();
        switch (key) {
          case "name" -> name = text(parser, context, key);
          case "type" -> type = text(parser, context, key);
          case "path" -> path = text(parser, context, key);
          case "followSymlinks" -> followSymlinks = bool(parser, key);
          default -> {
            Optional<LiveSource<?, ?, ?>> live = Connectors.named(key);
            if (live.isEmpty()) {
              throw JsonMappingException.wrapWithPath(
                  JsonMappingException.from(
                      parser,
                      "unknown key; a source has name, type, path and followSymlinks (snapshot)"
                          + " or the block of its type ("
                          + String.join(
                              ", ", Connectors.ALL.stream().map(LiveSource::type).toList())
                          + ")"),
                  SourceConfig.class,
                  key);
            }
            if (blockKey != null) {
              throw JsonMappingException.wrapWithPath(
                  JsonMappingException.from(
                      parser, "a source has one block, and it already has " + blockKey),
                  SourceConfig.class,
                  key);
            }
            blockKey = key;
            try {
              block = context.readValue(parser, live.get().block());
            } catch (JsonMappingException e) {
              throw JsonMappingException.wrapWithPath(e, SourceConfig.class, key);
            }
          }
        }
      }
      if (type != null && !type.equals(Connectors.SNAPSHOT) && Connectors.named(type).isEmpty()) {
        throw JsonMappingException.wrapWithPath(
            JsonMappingException.from(parser, unknownType()), SourceConfig.class, "type");
      }
      try {
        if (blockKey != null && !blockKey.equals(type)) {
          throw new IllegalArgumentException(
              "the " + blockKey + " block belongs to sources of type " + blockKey + " only");
        }
        return new SourceConfig(name, type, path, block, followSymlinks);
      } catch (IllegalArgumentException e) {
        throw ValueInstantiationException.from(
            parser, e.getMessage(), context.constructType(SourceConfig.class), e);
      }
    }

    private static boolean bool(JsonParser parser, String key) throws IOException {
      if (!parser.currentToken().isBoolean()) {
        throw JsonMappingException.wrapWithPath(
            JsonMappingException.from(parser, "must be true or false"), SourceConfig.class, key);
      }
      return parser.getBooleanValue();
    }

    private static String text(JsonParser parser, DeserializationContext context, String key)
        throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        return null;
      }
      if (!parser.currentToken().isScalarValue()) {
        throw JsonMappingException.wrapWithPath(
            JsonMappingException.from(parser, "must be text"), SourceConfig.class, key);
      }
      return parser.getValueAsString().strip();
    }
  }
}
