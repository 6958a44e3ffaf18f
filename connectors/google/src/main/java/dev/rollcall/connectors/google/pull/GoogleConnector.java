package dev.rollcall.connectors.google.pull;

import com.google.auth.oauth2.GoogleCredentials;
import dev.rollcall.connectors.google.GoogleSnapshotReader;
import dev.rollcall.connectors.pull.Connector;
import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.model.SourceSystem;
import java.util.List;

/** Google Workspace: one tenant (primary domain) per configured source. */
public final class GoogleConnector implements Connector<GooglePullSettings, GoogleCredentials> {
  @Override
  public String name() {
    return "google";
  }

  @Override
  public List<Folder> folders() {
    return List.of(new Folder(SourceSystem.GOOGLE_WORKSPACE, new GoogleSnapshotReader()));
  }

  @Override
  public List<SnapshotPuller> pullers(GooglePullSettings settings, GoogleCredentials credentials) {
    return List.of(new GooglePuller(settings, credentials));
  }

  @Override
  public List<DoctorCheck> doctor(GooglePullSettings settings, GoogleCredentials credentials) {
    return new GoogleDoctor(settings, credentials).run();
  }
}
