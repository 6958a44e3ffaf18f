package dev.rollcall.connectors.aws.pull;

import dev.rollcall.connectors.aws.AwsSnapshotReader;
import dev.rollcall.connectors.aws.IdentityCenterSnapshotReader;
import dev.rollcall.connectors.pull.Connector;
import dev.rollcall.connectors.pull.DoctorCheck;
import dev.rollcall.connectors.pull.SnapshotPuller;
import dev.rollcall.model.SourceSystem;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** AWS: IAM in each account and, when asked for, IAM Identity Center. */
public final class AwsConnector implements Connector<AwsPullSettings, AwsCredentialsProvider> {
  @Override
  public String name() {
    return "aws";
  }

  @Override
  public List<Folder> folders() {
    return List.of(
        new Folder(SourceSystem.AWS_IAM, new AwsSnapshotReader()),
        new Folder(SourceSystem.AWS_IDENTITY_CENTER, new IdentityCenterSnapshotReader()));
  }

  @Override
  public List<SnapshotPuller> pullers(
      AwsPullSettings settings, AwsCredentialsProvider credentials) {
    return settings.identityCenter()
        ? List.of(
            new AwsPuller(settings, credentials), new IdentityCenterPuller(settings, credentials))
        : List.of(new AwsPuller(settings, credentials));
  }

  @Override
  public List<DoctorCheck> doctor(AwsPullSettings settings, AwsCredentialsProvider credentials) {
    return new AwsDoctor(settings, credentials).run();
  }
}
