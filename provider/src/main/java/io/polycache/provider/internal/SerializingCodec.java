package io.polycache.provider.internal;

import io.polycache.async.serialization.Serializer;
import io.polycache.provider.serialization.KeyFormat;
import io.polycache.provider.serialization.ValueFormat;
import java.util.Arrays;
import javax.cache.CacheException;

/**
 * Keys and values as bytes, for the backends that store bytes. A key becomes the cache's key
 * prefix ({@code <namespace>:<cache>:}) followed by its {@link KeyFormat} bytes, so string keys
 * stay readable on the server; a value becomes the {@link ValueFormat} header followed by its
 * serializer's bytes, so a value written by another serializer or program is reported clearly.
 */
final class SerializingCodec {

  private SerializingCodec() {}

  /** The key codec: prefix + key format. */
  static Codec keys(String cacheName, byte[] prefix, KeyFormat format) {
    return new Codec() {
      @Override
      public Object encode(Object key) {
        return format.encode(key, prefix);
      }

      @Override
      public Object decode(Object stored) {
        byte[] bytes = (byte[]) stored;
        if (bytes.length < prefix.length
            || !Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length)) {
          throw new CacheException("Cache " + cacheName + ": a key outside the cache's prefix"
              + " was listed by the store");
        }
        return format.decode(bytes, prefix.length, bytes.length - prefix.length);
      }
    };
  }

  /** The value codec: header + serializer bytes. */
  static Codec values(String cacheName, Serializer<Object> serializer) {
    String id = serializer.id();
    return new Codec() {
      @Override
      public Object encode(Object value) {
        return ValueFormat.encode(id, serializer.serialize(value));
      }

      @Override
      public Object decode(Object stored) {
        return decode(stored, null);
      }

      @Override
      public Object decode(Object stored, Object key) {
        return decode(stored, 0, key);
      }

      @Override
      public Object decode(Object source, int from, Object key) {
        byte[] bytes = (byte[]) source;
        int offset = ValueFormat.payloadOffsetIfValid(bytes, from, id);
        if (offset < 0) {
          byte[] stored = from == 0 ? bytes : Arrays.copyOfRange(bytes, from, bytes.length);
          offset = from + ValueFormat.payloadOffset(stored, id, cacheName, describe(key)); // throws
        }
        return serializer.deserialize(bytes, offset, bytes.length - offset);
      }
    };
  }

  /** A key as error messages show it: its text, shortened. */
  static String describe(Object key) {
    if (key == null) {
      return "(unknown key)";
    }
    String text = String.valueOf(key);
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
