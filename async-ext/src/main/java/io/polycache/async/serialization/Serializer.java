package io.polycache.async.serialization;

/**
 * Turns a cache's keys or values into bytes and back, for backends that store bytes (Redis,
 * Memcached). One instance serves one role (keys or values) of one cache, made by a
 * {@link SerializerFactory} with that cache's configured type.
 *
 * <p>Polycache writes a small header before the bytes of every stored value (format version and
 * {@link #id()}), so a value written by another serializer or another program is reported as
 * such rather than decoded into garbage; a serializer is only ever asked to read its own bytes.
 *
 * <p>Implementations are thread-safe.
 *
 * @param <T> the type of the objects it writes
 */
public interface Serializer<T> {

  /**
   * The id of the format, written into every stored value's header: stable across releases,
   * ASCII letters, digits, {@code .} or {@code -}, at most 32 characters.
   */
  String id();

  /**
   * The bytes of {@code value}.
   *
   * @throws SerializationException when {@code value} cannot be written; nothing is stored then
   */
  byte[] serialize(T value);

  /**
   * The object of {@code bytes}, as written by {@link #serialize}.
   *
   * @throws SerializationException when the bytes cannot be read, or name a type this serializer
   *     refuses; a refused class is never instantiated
   */
  T deserialize(byte[] bytes);

  /**
   * The object of {@code length} bytes of {@code bytes} from {@code offset}, as written by
   * {@link #serialize}; the store reads a value's bytes in place, after its header. The default
   * copies the range and calls {@link #deserialize(byte[])}; serializers that can read a range
   * directly override it.
   *
   * @throws SerializationException as {@link #deserialize(byte[])} does
   * @throws IndexOutOfBoundsException when the range is not inside {@code bytes}
   */
  default T deserialize(byte[] bytes, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    return deserialize(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
  }
}
