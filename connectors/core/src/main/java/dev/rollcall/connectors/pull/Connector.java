package dev.rollcall.connectors.pull;

import dev.rollcall.connectors.snapshot.SnapshotReader;
import dev.rollcall.model.SourceSystem;
import java.util.List;
import java.util.Objects;

/**
 * A source rollcall audits, whole: the systems it covers with the snapshot folder and reader of
 * each, and its live side (the pullers that fill those folders, the doctor that checks access
 * without pulling) for the settings and credentials of one configured source. The pipeline knows
 * sources through this contract only, so a new source is its own module and one registration.
 *
 * @param <S> the settings of a live pull
 * @param <C> the credentials of a live pull
 */
public interface Connector<S, C> {

  /** The source's name, as the {@code type} of a source in the configuration: aws, google … */
  String name();

  /** The systems it covers, each with its snapshot folder; its main system first. */
  List<Folder> folders();

  /** The pullers of one configured source, each writing into one of {@link #folders()}. */
  List<SnapshotPuller> pullers(S settings, C credentials);

  /** Checks that the credentials work and every permission a pull needs is granted. */
  List<DoctorCheck> doctor(S settings, C credentials);

  /**
   * One system's folder in a snapshot.
   *
   * @param system the system whose accounts its tenants hold
   * @param reader reads one tenant folder; its {@link SnapshotReader#folder()} names the folder
   */
  record Folder(SourceSystem system, SnapshotReader reader) {
    public Folder {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(reader, "reader");
    }

    /** The folder's name under the snapshot root: aws, aws-identity-center, google, atlas. */
    public String name() {
      return reader.folder();
    }
  }
}
