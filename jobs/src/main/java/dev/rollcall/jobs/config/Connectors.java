package dev.rollcall.jobs.config;

import dev.rollcall.connectors.pull.Connector;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The sources rollcall audits. */
public final class Connectors {
  /**
   * Every live source type with its connector; a new source is one line here. Their order is the
   * order in which a snapshot's folders are read, and so the order of sources in the reports.
   */
  public static final List<LiveSource<?, ?, ?>> ALL =
      List.of(GoogleSource.LIVE, AwsSource.LIVE, AtlasSource.LIVE);

  /** The {@code type} of sources read from a folder of exports rather than pulled. */
  public static final String SNAPSHOT = "snapshot";

  private Connectors() {}

  /** The live source type named {@code type}, if rollcall has one. */
  public static Optional<LiveSource<?, ?, ?>> named(String type) {
    return ALL.stream().filter(s -> s.type().equals(type)).findFirst();
  }

  /** Every source type, as a configuration names it: "snapshot, google, aws or atlas". */
  public static String typeNames() {
    List<String> names = new java.util.ArrayList<>();
    names.add(SNAPSHOT);
    ALL.forEach(s -> names.add(s.type()));
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  /** The source type's binding among {@code sources}. */
  public static LiveSource<?, ?, ?> of(List<LiveSource<?, ?, ?>> sources, String type) {
    return sources.stream()
        .filter(s -> s.type().equals(type))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no connector pulls sources of type " + type));
  }

  /** Every snapshot folder of every source, in reading order. */
  public static List<Connector.Folder> folders() {
    return ALL.stream().flatMap(s -> s.connector().folders().stream()).toList();
  }

  /** The folders a snapshot may hold, for messages: "aws/, …, google/ or atlas/". */
  public static String folderNames() {
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
