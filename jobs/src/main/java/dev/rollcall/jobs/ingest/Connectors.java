package dev.rollcall.jobs.ingest;

import dev.rollcall.connectors.pull.Connector;
import dev.rollcall.jobs.config.SourceConfig.SourceType;
import java.util.Comparator;
import java.util.List;

/** The sources rollcall audits. */
public final class Connectors {
  /**
   * Every live source type with its connector; a new source is one line here. Their order is the
   * order in which a snapshot's folders are read, and so the order of sources in the reports.
   */
  public static final List<LiveSource<?, ?>> ALL =
      List.of(GoogleSource.LIVE, AwsSource.LIVE, AtlasSource.LIVE);

  private Connectors() {}

  /** The source type's binding among {@code sources}. */
  static LiveSource<?, ?> of(List<LiveSource<?, ?>> sources, SourceType type) {
    return sources.stream()
        .filter(s -> s.type() == type)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no connector pulls sources of type " + type));
  }

  /** Every snapshot folder of every source, in reading order. */
  static List<Connector.Folder> folders() {
    return ALL.stream().flatMap(s -> s.connector().folders().stream()).toList();
  }

  /** The folders a snapshot may hold, for messages: "aws/, …, google/ or atlas/". */
  static String folderNames() {
    List<String> names =
        folders().stream()
            .sorted(Comparator.comparing(Connector.Folder::system))
            .map(f -> f.name() + "/")
            .toList();
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " or "
            + names.get(names.size() - 1);
  }
}
