package dev.rollcall.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  record Loose(String name) {}

  record Checked(String name) {
    Checked {
      if (name.isBlank()) {
        throw new IllegalArgumentException("a name, not blanks");
      }
    }
  }

  @Test
  void aRecordIsRebuiltThroughItsConstructorWhoseChecksStillRefuse() {
    Kryo kryo = new Kryo();
    kryo.setRegistrationRequired(false);
    new CompactKryo().registerClasses(kryo);
    Output out = new Output(64, -1);
    kryo.writeObject(out, new Loose("  "));
    com.esotericsoftware.kryo.KryoException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            com.esotericsoftware.kryo.KryoException.class,
            () -> kryo.readObject(new Input(out.toBytes()), Checked.class));
    assertTrue(e.getMessage().contains(Checked.class.getName()), e.getMessage());
    assertEquals("a name, not blanks", e.getCause().getMessage());
    Output fine = new Output(64, -1);
    kryo.writeObject(fine, new Loose("ann"));
    assertEquals(new Checked("ann"), kryo.readObject(new Input(fine.toBytes()), Checked.class));
  }

  /** Writes strings back to front: a Kryo set up unlike the default one. */
  static final class Backwards extends com.esotericsoftware.kryo.Serializer<String> {
    @Override
    public void write(Kryo kryo, Output output, String s) {
      output.writeString(new StringBuilder(s).reverse().toString());
    }

    @Override
    public String read(Kryo kryo, Input input, Class<String> type) {
      return new StringBuilder(input.readString()).reverse().toString();
    }
  }

  @Test
  void oneSerializerGivenToTwoKryosLooksItsComponentsUpInEach() {
    RecordSerializer<Mixed> shared = new RecordSerializer<>(Mixed.class);
    Mixed m =
        new Mixed(
            "abc", 1, true, Instant.EPOCH, PrivilegeLevel.READ, null, List.of(), Map.of(), null);
    Output plain = new Output(256, -1);
    kryoWith(shared, false).writeObject(plain, m);
    Output backwards = new Output(256, -1);
    kryoWith(shared, true).writeObject(backwards, m);
    Output fresh = new Output(256, -1);
    kryoWith(new RecordSerializer<>(Mixed.class), true).writeObject(fresh, m);
    assertEquals(
        java.util.Arrays.toString(fresh.toBytes()), java.util.Arrays.toString(backwards.toBytes()));
    assertTrue(!java.util.Arrays.equals(plain.toBytes(), backwards.toBytes()));
  }

  private static Kryo kryoWith(RecordSerializer<Mixed> serializer, boolean backwards) {
    Kryo kryo = new Kryo();
    kryo.setRegistrationRequired(false);
    new CompactKryo().registerClasses(kryo);
    if (backwards) {
      kryo.register(String.class, new Backwards());
    }
    kryo.register(Mixed.class, serializer);
    return kryo;
  }
}
