package dev.rollcall.jobs.spark;

import com.esotericsoftware.kryo.Kryo;
import dev.rollcall.model.Account;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.AccountKind;
import dev.rollcall.model.AccountStatus;
import dev.rollcall.model.AccountView;
import dev.rollcall.model.Activity;
import dev.rollcall.model.Credential;
import dev.rollcall.model.CredentialType;
import dev.rollcall.model.Evidence;
import dev.rollcall.model.Finding;
import dev.rollcall.model.Grant;
import dev.rollcall.model.Identity;
import dev.rollcall.model.LinkRule;
import dev.rollcall.model.Mfa;
import dev.rollcall.model.MfaFactor;
import dev.rollcall.model.MfaFactorType;
import dev.rollcall.model.Owner;
import dev.rollcall.model.Ownership;
import dev.rollcall.model.PersonStatus;
import dev.rollcall.model.PolicyClause;
import dev.rollcall.model.PrincipalActivity;
import dev.rollcall.model.PrincipalKind;
import dev.rollcall.model.PrivilegeLevel;
import dev.rollcall.model.RoleAssumer;
import dev.rollcall.model.Severity;
import dev.rollcall.model.SignIn;
import dev.rollcall.model.SourceSystem;
import dev.rollcall.model.Subject;
import dev.rollcall.reports.review.InventoryRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.serializer.KryoRegistrator;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * How rollcall's records move through Spark: Kryo, with records written as their components and the
 * JDK's unmodifiable collections as their elements. Java serialization, which Spark would otherwise
 * use for these objects, writes every class's description again with each row: kilobytes and tens
 * of microseconds per account per step. {@link SparkSessions#start} names this registrator in
 * {@code spark.kryo.registrator}, beside any the cluster's configuration already names.
 */
public final class CompactKryo implements KryoRegistrator {

  /** A Kryo encoder of {@code type}, as the session's registrators set Kryo up. */
  public static <T> Encoder<T> encoder(Class<T> type) {
    return Encoders.kryo(type);
  }

  /**
   * The classes of the records that travel as rows, and of what they hold, in a fixed order: a
   * registered class is written as a small number, an unregistered one as its name, in every row
   * (each row is written on its own). The order is the same in every JVM of a run, as Kryo needs.
   */
  static final List<Class<?>> REGISTERED =
      List.of(
          Account.class,
          AccountKey.class,
          AccountKind.class,
          AccountStatus.class,
          AccountView.class,
          Activity.class,
          Activity.State.class,
          Credential.class,
          CredentialType.class,
          Evidence.class,
          Finding.class,
          Grant.class,
          Identity.class,
          LinkRule.class,
          Mfa.class,
          Mfa.State.class,
          MfaFactor.class,
          MfaFactorType.class,
          Owner.class,
          Ownership.class,
          PersonStatus.class,
          PolicyClause.class,
          PrincipalActivity.class,
          PrincipalActivity.SessionUser.class,
          PrincipalActivity.DayActivity.class,
          PrincipalActivity.TrailSession.class,
          PrincipalActivity.SessionOverlap.class,
          PrincipalKind.class,
          PrivilegeLevel.class,
          RoleAssumer.class,
          RoleAssumer.Type.class,
          Severity.class,
          SignIn.class,
          SourceSystem.class,
          Subject.class,
          InventoryRow.class,
          Instant.class,
          LocalDate.class,
          ArrayList.class,
          HashMap.class,
          LinkedHashMap.class,
          TreeMap.class,
          HashSet.class,
          LinkedHashSet.class,
          TreeSet.class);

  @Override
  public void registerClasses(Kryo kryo) {
    UnmodifiableSerializers.register(kryo);
    kryo.addDefaultSerializer(Record.class, (k, type) -> new RecordSerializer<>(type));
    REGISTERED.forEach(kryo::register);
    UnmodifiableSerializers.CLASSES.forEach(kryo::register);
  }
}
