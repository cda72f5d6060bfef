package io.polycache.provider.serialization;

import io.polycache.async.serialization.SerializationException;
import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import io.polycache.async.serialization.SerializerFactory;
import java.util.Objects;

/**
 * The {@code string} format: a {@code String} as its UTF-8 bytes, readable by any client (for
 * example {@code redis-cli GET}). Only for caches whose configured type is {@code String}.
 * Strict both ways: a string with a lone surrogate is not written, and bytes that are not
 * well-formed UTF-8 are not read. Immutable and thread-safe.
 */
public final class StringSerializerFactory implements SerializerFactory {

  /** The id of this format: {@value}. */
  public static final String ID = "string";

  /** A factory; the constructor {@link java.util.ServiceLoader} uses. */
  public StringSerializerFactory() {}

  /** {@value #ID}. */
  @Override
  public String id() {
    return ID;
  }

  /**
   * A UTF-8 serializer.
   *
   * @throws IllegalArgumentException when {@code context.type()} is not {@code String}; the
   *     message names the cache and the role
   * @throws NullPointerException when {@code context} is null
   */
  @Override
  public <T> Serializer<T> create(SerializerContext<T> context) {
    Objects.requireNonNull(context, "context");
    if (context.type() != String.class) {
      throw new IllegalArgumentException("Cache " + context.cacheName() + ": the string"
          + " serializer writes only String " + context.role() + "s, but the configured "
          + context.role() + " type is " + context.type().getName()
          + "; configure the type String (setTypes) or use the java or json serializer");
    }
    @SuppressWarnings("unchecked")
    Serializer<T> serializer = (Serializer<T>) new Utf8Serializer(context.cacheName(),
        context.role());
    return serializer;
  }

  private static final class Utf8Serializer implements Serializer<String> {

    private final String cacheName;
    private final String role;

    Utf8Serializer(String cacheName, String role) {
      this.cacheName = cacheName;
      this.role = role;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public byte[] serialize(String value) {
      byte[] bytes = Utf8.encode(Objects.requireNonNull(value, "value"));
      if (bytes == null) {
        throw new SerializationException("Cache " + cacheName + ": cannot write a " + role
            + " string holding a lone surrogate character as UTF-8; fix the text or use the"
            + " java serializer");
      }
      return bytes;
    }

    @Override
    public String deserialize(byte[] bytes) {
      return deserialize(Objects.requireNonNull(bytes, "bytes"), 0, bytes.length);
    }

    @Override
    public String deserialize(byte[] bytes, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      String text = Utf8.decode(bytes, offset, length);
      if (text == null) {
        throw new SerializationException("Cache " + cacheName + ": a stored " + role
            + " is not well-formed UTF-8, so the string serializer did not write it");
      }
      return text;
    }
  }
}
