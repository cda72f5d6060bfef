package io.polycache.provider.store.redis;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bytes Polycache keeps in one Redis string: an 18-byte header, then the value.
 *
 * <pre>
 * offset  size  field
 *      0     1  magic 0xB7
 *      1     1  format, 1
 *      2     8  version, big-endian signed 64-bit
 *     10     8  expireAt, epoch milliseconds, big-endian; Long.MAX_VALUE = never
 *     18     n  the value as the cache's serializer wrote it
 * </pre>
 *
 * <p>The magic byte is a UTF-8 continuation byte, so no text value (such as one written with
 * {@code redis-cli SET}) starts with it; together with the format byte it lets a read tell
 * Polycache's values from anything else and refuse the latter instead of decoding garbage. The
 * first {@value #TAG_LENGTH} bytes (magic, format, version) are the entry's <em>tag</em>: the
 * conditional scripts compare it with {@code GETRANGE key 0 9}, so a compare-and-set never moves
 * the value itself.
 */
final class StoredValue {

  static final byte MAGIC = (byte) 0xB7;
  static final byte FORMAT = 1;
  static final int TAG_LENGTH = 10;
  static final int HEADER_LENGTH = 18;

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private StoredValue() {}

  /** The header followed by {@code payload}. */
  static byte[] encode(long version, long expireAt, byte[] payload) {
    byte[] stored = new byte[HEADER_LENGTH + payload.length];
    stored[0] = MAGIC;
    stored[1] = FORMAT;
    putLong(stored, 2, version);
    putLong(stored, TAG_LENGTH, expireAt);
    System.arraycopy(payload, 0, stored, HEADER_LENGTH, payload.length);
    return stored;
  }

  /** The tag an entry of {@code version} starts with: magic, format and version. */
  static byte[] tag(long version) {
    byte[] tag = new byte[TAG_LENGTH];
    tag[0] = MAGIC;
    tag[1] = FORMAT;
    putLong(tag, 2, version);
    return tag;
  }

  /** Header bytes 2 to 17, version and expiry, as a touch overwrites them in place. */
  static byte[] versionAndExpiry(long version, long expireAt) {
    byte[] bytes = new byte[16];
    putLong(bytes, 0, version);
    putLong(bytes, 8, expireAt);
    return bytes;
  }

  /**
   * Reads what {@link #encode} wrote.
   *
   * @throws RedisStoreException when {@code stored} does not start with a Polycache header
   */
  static RedisEntry decode(String cacheName, byte[] key, byte[] stored) {
    if (stored.length < 2 || stored[0] != MAGIC) {
      throw RedisStoreException.foreignValue(cacheName, key, stored.length,
          "it has no Polycache store header");
    }
    if (stored[1] != FORMAT) {
      throw RedisStoreException.foreignValue(cacheName, key, stored.length,
          "its store header has format " + (stored[1] & 0xff) + ", this Polycache reads format "
              + FORMAT + " (a newer Polycache may have written it)");
    }
    if (stored.length < HEADER_LENGTH) {
      throw RedisStoreException.foreignValue(cacheName, key, stored.length,
          "it is shorter than a Polycache store header");
    }
    return new RedisEntry(stored, HEADER_LENGTH, getLong(stored, TAG_LENGTH), getLong(stored, 2));
  }

  private static void putLong(byte[] bytes, int offset, long value) {
    LONG.set(bytes, offset, value);
  }

  private static long getLong(byte[] bytes, int offset) {
    return (long) LONG.get(bytes, offset);
  }
}
