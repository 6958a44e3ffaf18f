package dev.rollcall.connectors.atlas.pull;

import dev.rollcall.connectors.atlas.AtlasSnapshotReader;
import dev.rollcall.connectors.pull.Connector;
import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.model.SourceSystem;
import java.util.List;

/**
 * MongoDB Atlas: each organisation, with its projects' database users. Both the organisation's and
 * the databases' accounts come from the organisation folder.
 */
public final class AtlasConnector implements Connector<AtlasSettings, AtlasCredentials> {
  @Override
  public String name() {
    return "atlas";
  }

  @Override
  public List<Folder> folders() {
    return List.of(new Folder(SourceSystem.ATLAS_ORG, new AtlasSnapshotReader()));
  }

  @Override
  public List<SnapshotPuller> pullers(AtlasSettings settings, AtlasCredentials credentials) {
    return List.of(new AtlasPuller(settings, credentials));
  }

  @Override
  public List<DoctorCheck> doctor(AtlasSettings settings, AtlasCredentials credentials) {
    return new AtlasDoctor(settings, credentials).run();
  }
}
