package dev.rollcall.jobs.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
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
  private final Class<T> type;
  private final Method[] accessors;
  private final Class<?>[] exact;
  private final Constructor<T> constructor;

  RecordSerializer(Class<T> type) {
    super(false, true);
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    accessors = new Method[components.length];
    exact = new Class<?>[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      accessors[i] = components[i].getAccessor();
      accessors[i].setAccessible(true);
      types[i] = components[i].getType();
      exact[i] = exactClass(types[i]);
    }
    try {
      constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new KryoException("record " + type.getName() + " has no canonical constructor", e);
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
    for (int i = 0; i < accessors.length; i++) {
      Object value;
      try {
        value = accessors[i].invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new KryoException("cannot read " + type.getName() + "." + accessors[i].getName(), e);
      }
      if (exact[i] != null) {
        kryo.writeObjectOrNull(output, value, exact[i]);
      } else {
        kryo.writeClassAndObject(output, value);
      }
    }
  }

  @Override
  public T read(Kryo kryo, Input input, Class<T> ignored) {
    Object[] values = new Object[accessors.length];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          exact[i] != null
              ? kryo.readObjectOrNull(input, exact[i])
              : kryo.readClassAndObject(input);
    }
    try {
      return constructor.newInstance(values);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new KryoException("cannot rebuild a " + type.getName(), e);
    }
  }
}
