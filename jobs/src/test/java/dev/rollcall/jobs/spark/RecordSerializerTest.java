package dev.rollcall.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.rollcall.model.AccountKey;
import dev.rollcall.model.PrivilegeLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordSerializerTest {
  /** A record with every kind of component: final, primitive, polymorphic, and nulls in them. */
  record Mixed(
      String name,
      int count,
      boolean on,
      Instant at,
      PrivilegeLevel level,
      AccountKey key,
      List<String> names,
      Map<String, Object> extra,
      Object anything) {}

  @Test
  void aComponentOfAFinalTypeIsWrittenWithoutItsClassAndTheOthersWithIt() {
    assertEquals(String.class, RecordSerializer.exactClass(String.class));
    assertEquals(Integer.class, RecordSerializer.exactClass(int.class));
    assertEquals(Boolean.class, RecordSerializer.exactClass(boolean.class));
    assertEquals(PrivilegeLevel.class, RecordSerializer.exactClass(PrivilegeLevel.class));
    assertEquals(AccountKey.class, RecordSerializer.exactClass(AccountKey.class));
    assertEquals(Instant.class, RecordSerializer.exactClass(Instant.class));
    assertNull(RecordSerializer.exactClass(List.class));
    assertNull(RecordSerializer.exactClass(Object.class));
    assertNull(RecordSerializer.exactClass(Number.class));
    assertNull(RecordSerializer.exactClass(String[].class));
  }

  @Test
  void everyKindOfComponentRoundTripsNullsIncluded() {
    Kryo kryo = new Kryo();
    kryo.setRegistrationRequired(false);
    new CompactKryo().registerClasses(kryo);
    Mixed full =
        new Mixed(
            "n",
            7,
            true,
            Instant.parse("2026-12-07T00:00:00Z"),
            PrivilegeLevel.ADMIN,
            new AccountKey(dev.rollcall.model.SourceSystem.AWS_IAM, "1", "u"),
            List.of("a", "b"),
            Map.of("k", 1L),
            PrivilegeLevel.READ);
    Mixed empty = new Mixed(null, 0, false, null, null, null, null, null, null);
    for (Mixed m : List.of(full, empty)) {
      Output out = new Output(256, -1);
      kryo.writeClassAndObject(out, m);
      assertEquals(m, kryo.readClassAndObject(new Input(out.toBytes())));
    }
  }
}
