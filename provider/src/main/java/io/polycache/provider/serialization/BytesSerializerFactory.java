package io.polycache.provider.serialization;

import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import io.polycache.async.serialization.SerializerFactory;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code bytes} format: a {@code byte[]} stored as it is. Only for caches whose configured
 * type is {@code byte[]}. {@link Serializer#serialize} returns the caller's array itself (the
 * value header is written into a new array anyway); {@link Serializer#deserialize} returns a
 * copy, so no caller can change bytes another caller or the store holds. Immutable and
 * thread-safe.
 */
public final class BytesSerializerFactory implements SerializerFactory {

  /** The id of this format: {@value}. */
  public static final String ID = "bytes";

  /** A factory; the constructor {@link java.util.ServiceLoader} uses. */
  public BytesSerializerFactory() {}

  /** {@value #ID}. */
  @Override
  public String id() {
    return ID;
  }

  /**
   * A pass-through serializer.
   *
   * @throws IllegalArgumentException when {@code context.type()} is not {@code byte[]}; the
   *     message names the cache and the role
   * @throws NullPointerException when {@code context} is null
   */
  @Override
  public <T> Serializer<T> create(SerializerContext<T> context) {
    Objects.requireNonNull(context, "context");
    if (context.type() != byte[].class) {
      throw new IllegalArgumentException("Cache " + context.cacheName() + ": the bytes"
          + " serializer writes only byte[] " + context.role() + "s, but the configured "
          + context.role() + " type is " + context.type().getName()
          + "; configure the type byte[] (setTypes) or use the java or json serializer");
    }
    @SuppressWarnings("unchecked")
    Serializer<T> serializer = (Serializer<T>) new PassThrough();
    return serializer;
  }

  private static final class PassThrough implements Serializer<byte[]> {

    @Override
    public String id() {
      return ID;
    }

    @Override
    public byte[] serialize(byte[] value) {
      return Objects.requireNonNull(value, "value");
    }

    @Override
    public byte[] deserialize(byte[] bytes) {
      return Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] deserialize(byte[] bytes, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      return Arrays.copyOfRange(bytes, offset, offset + length);
    }
  }
}
