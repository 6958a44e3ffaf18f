package dev.rollcall.jobs.spark;

import com.esotericsoftware.kryo.Kryo;
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

  @Override
  public void registerClasses(Kryo kryo) {
    UnmodifiableSerializers.register(kryo);
    kryo.addDefaultSerializer(Record.class, (k, type) -> new RecordSerializer<>(type));
  }
}
