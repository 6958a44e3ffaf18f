package dev.rollcall.jobs.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * Writes a record as its components, in declaration order, and reads it back through its canonical
 * constructor, so that its compact constructor's checks and copies run as they do for any other
 * record. (Kryo's field serializer cannot set a record's final fields.) A component whose declared
 * type is final (a string, an instant, another record, a plain enum, a boxed primitive) can hold
 * only that class, so it is written without its class, as a null flag and the value; the others
 * (lists, maps, interfaces) carry their class.
 *
 * @param <T> the record type
 */
final class RecordSerializer<T> extends Serializer<T> {
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  private static final MethodType MAKER = MethodType.methodType(Object.class, Object[].class);

  private final Class<T> type;
  private final String[] names;
  private final MethodHandle[] getters;
  private final Class<?>[] exact;
  private final MethodHandle maker;

  /**
   * The serializers of the components of an exact class, looked up from the Kryo instance this
   * serializer belongs to (Kryo makes one per record class and instance) on first use, so that each
   * component is not looked up in Kryo's class registry again for every record.
   */
  private final Serializer<?>[] serializers;

  /** The Kryo instance {@link #serializers} were looked up in. */
  private Kryo serializersOf;

  RecordSerializer(Class<T> type) {
    super(false, true);
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    names = new String[components.length];
    getters = new MethodHandle[components.length];
    exact = new Class<?>[components.length];
    serializers = new Serializer<?>[components.length];
    Class<?>[] types = new Class<?>[components.length];
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      for (int i = 0; i < components.length; i++) {
        Method accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        names[i] = accessor.getName();
        getters[i] = lookup.unreflect(accessor).asType(GETTER);
        types[i] = components[i].getType();
        exact[i] = exactClass(types[i]);
      }
      Constructor<T> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      maker =
          lookup
              .unreflectConstructor(constructor)
              .asSpreader(Object[].class, types.length)
              .asType(MAKER);
    } catch (NoSuchMethodException e) {
      throw new KryoException("record " + type.getName() + " has no canonical constructor", e);
    } catch (IllegalAccessException e) {
      throw new KryoException("record " + type.getName() + " cannot be read or rebuilt", e);
    }
  }

  /**
   * The one class a component of {@code declared} type can hold (the wrapper of a primitive), or
   * null when it may hold subclasses or implementations.
   */
  static Class<?> exactClass(Class<?> declared) {
    if (declared.isPrimitive()) {
      return MethodType.methodType(declared).wrap().returnType();
    }
    if (declared.isArray() || declared.isInterface()) {
      return null;
    }
    return Modifier.isFinal(declared.getModifiers()) ? declared : null;
  }

  @Override
  public void write(Kryo kryo, Output output, T record) {
    for (int i = 0; i < getters.length; i++) {
      Object value;
      try {
        value = (Object) getters[i].invokeExact((Object) record);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new KryoException("cannot read " + type.getName() + "." + names[i], e);
      }
      if (exact[i] != null) {
        kryo.writeObjectOrNull(output, value, serializer(kryo, i));
      } else {
        kryo.writeClassAndObject(output, value);
      }
    }
  }

  @Override
  public T read(Kryo kryo, Input input, Class<T> ignored) {
    Object[] values = new Object[getters.length];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          exact[i] != null
              ? kryo.readObjectOrNull(input, exact[i], serializer(kryo, i))
              : kryo.readClassAndObject(input);
    }
    Object made;
    try {
      made = (Object) maker.invokeExact(values);
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      throw new KryoException("cannot rebuild a " + type.getName(), e);
    }
    return type.cast(made);
  }

  private Serializer<?> serializer(Kryo kryo, int component) {
    if (kryo != serializersOf) {
      java.util.Arrays.fill(serializers, null);
      serializersOf = kryo;
    }
    Serializer<?> known = serializers[component];
    if (known == null) {
      known = kryo.getSerializer(exact[component]);
      serializers[component] = known;
    }
    return known;
  }
}
