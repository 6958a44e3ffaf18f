package dev.rollcall.jobs.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JDK's unmodifiable collections ({@code List.of}, {@code Stream.toList}, {@code
 * Collections.unmodifiableMap}, …): Kryo's collection serializers rebuild a collection by adding to
 * a new instance of its class, which these refuse. They are written as their elements and read back
 * as unmodifiable collections with the same iteration order.
 */
final class UnmodifiableSerializers {
  private UnmodifiableSerializers() {}

  /** The JDK's unmodifiable lists, written by {@link ListSerializer}. */
  private static final List<Class<?>> LISTS =
      List.of(
          List.of().getClass(),
          List.of(1).getClass(),
          List.of(1, 2, 3).getClass(),
          List.of(1, 2, 3).subList(0, 2).getClass(),
          Collections.emptyList().getClass(),
          Collections.singletonList(1).getClass(),
          Collections.unmodifiableList(new ArrayList<>()).getClass(),
          Collections.unmodifiableList(new LinkedList<>()).getClass(),
          java.util.Arrays.asList(1, 2).getClass());

  /** The JDK's unmodifiable sets, written by {@link SetSerializer}. */
  private static final List<Class<?>> SETS =
      List.of(
          Set.of().getClass(),
          Set.of(1).getClass(),
          Set.of(1, 2, 3).getClass(),
          Collections.emptySet().getClass(),
          Collections.singleton(1).getClass(),
          Collections.unmodifiableSet(new LinkedHashSet<>()).getClass(),
          Collections.unmodifiableSortedSet(new TreeSet<>()).getClass());

  /** The JDK's unmodifiable maps, written by {@link MapSerializer}. */
  private static final List<Class<?>> MAPS =
      List.of(
          Map.of().getClass(),
          Map.of(1, 1).getClass(),
          Map.of(1, 1, 2, 2).getClass(),
          Collections.emptyMap().getClass(),
          Collections.singletonMap(1, 1).getClass(),
          Collections.unmodifiableMap(new LinkedHashMap<>()).getClass(),
          Collections.unmodifiableSortedMap(new TreeMap<>()).getClass());

  /** Every unmodifiable collection class these serializers write, in a fixed order. */
  static final List<Class<?>> CLASSES =
      java.util.stream.Stream.of(LISTS, SETS, MAPS).flatMap(List::stream).distinct().toList();

  /** Sets a serializer for every unmodifiable collection class of the JDK. */
  static void register(Kryo kryo) {
    ListSerializer lists = new ListSerializer();
    LISTS.forEach(type -> kryo.addDefaultSerializer(type, lists));
    SetSerializer sets = new SetSerializer();
    SETS.forEach(type -> kryo.addDefaultSerializer(type, sets));
    MapSerializer maps = new MapSerializer();
    MAPS.forEach(type -> kryo.addDefaultSerializer(type, maps));
  }

  private static void writeAll(Kryo kryo, Output output, Collection<?> items) {
    output.writeVarInt(items.size(), true);
    for (Object item : items) {
      kryo.writeClassAndObject(output, item);
    }
  }

  private static final class ListSerializer extends Serializer<List<?>> {
    ListSerializer() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output output, List<?> list) {
      writeAll(kryo, output, list);
    }

    @Override
    public List<?> read(Kryo kryo, Input input, Class<List<?>> type) {
      int size = input.readVarInt(true);
      List<Object> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(kryo.readClassAndObject(input));
      }
      return Collections.unmodifiableList(list);
    }
  }

  private static final class SetSerializer extends Serializer<Set<?>> {
    SetSerializer() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output output, Set<?> set) {
      writeAll(kryo, output, set);
    }

    @Override
    public Set<?> read(Kryo kryo, Input input, Class<Set<?>> type) {
      int size = input.readVarInt(true);
      Set<Object> set = new LinkedHashSet<>();
      for (int i = 0; i < size; i++) {
        set.add(kryo.readClassAndObject(input));
      }
      return Collections.unmodifiableSet(set);
    }
  }

  private static final class MapSerializer extends Serializer<Map<?, ?>> {
    MapSerializer() {
      super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output output, Map<?, ?> map) {
      output.writeVarInt(map.size(), true);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        kryo.writeClassAndObject(output, e.getKey());
        kryo.writeClassAndObject(output, e.getValue());
      }
    }

    @Override
    public Map<?, ?> read(Kryo kryo, Input input, Class<Map<?, ?>> type) {
      int size = input.readVarInt(true);
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        map.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
      }
      return Collections.unmodifiableMap(map);
    }
  }
}
