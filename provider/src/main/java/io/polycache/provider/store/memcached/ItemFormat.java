package io.polycache.provider.store.memcached;

import io.polycache.provider.store.StoreEntry;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of a memcached item written by Polycache. Memcached keeps expiry in whole seconds
 * and reads 0 as "never", so the exact expiry time travels inside the value, and the server's
 * own expiry is only a bound for reclaiming memory (see {@link #exptime}).
 *
 * <pre>
 * item flags   0x50430001 ("PC", format 1)
 * byte 0       0xC7 (magic)
 * byte 1       layout: 1 = key not included (plain memcached key, which decodes to the key)
 *                      2 = full logical key included (hashed memcached key)
 * bytes 2..9   expireAt: epoch milliseconds, big-endian; Long.MAX_VALUE = ETERNAL
 * layout 2:    bytes 10..13 key length n (big-endian), then the n bytes of the logical key
 * rest         the value bytes
 * </pre>
 *
 * An item with other flags, another magic byte or layout, or too few bytes was written by
 * another program and is reported, never decoded.
 */
final class ItemFormat {

  static final int FLAGS = 0x50430001;
  static final byte MAGIC = (byte) 0xC7;
  static final byte PLAIN = 1;
  static final byte WITH_KEY = 2;
  static final int HEADER = 10;

  /** Memcached's own per-item bytes beside key and value (item header, CAS, suffix, CRLF). */
  static final int ITEM_OVERHEAD = 64;

  /** Memcached reads an expiry time over 30 days as an absolute unix time. */
  static final long MAX_RELATIVE_SECONDS = 60L * 60 * 24 * 30;

  private ItemFormat() {}

  /** The item bytes of {@code value} under {@code key}, expiring at {@code expireAt}. */
  static byte[] encode(MemcachedKeys.Key key, byte[] value, long expireAt) {
    int keyBytes = key.hashed() ? 4 + key.logical().length : 0;
    ByteBuffer out = ByteBuffer.allocate(HEADER + keyBytes + value.length);
    out.put(MAGIC).put(key.hashed() ? WITH_KEY : PLAIN).putLong(expireAt);
    if (key.hashed()) {
      out.putInt(key.logical().length).put(key.logical());
    }
    return out.put(value).array();
  }

  /**
   * The size memcached accounts for the item of a {@code valueLength}-byte value under
   * {@code key}: key, header, value and memcached's per-item overhead.
   */
  static long itemSize(MemcachedKeys.Key key, int valueLength) {
    int keyBytes = key.hashed() ? 4 + key.logical().length : 0;
    return (long) key.text().length() + HEADER + keyBytes + valueLength + ITEM_OVERHEAD;
  }

  /**
   * The entry stored under {@code key}, or {@code null} when the item belongs to another logical
   * key with the same hash.
   *
   * @throws MemcachedStoreException if Polycache did not write the item
   */
  static MemcachedEntry decode(MemcachedKeys.Key key, int flags, long cas, byte[] data,
      String cacheName) {
    String problem = problem(flags, data);
    if (problem == null && key.hashed() && data[1] != WITH_KEY) {
      problem = "a hashed key without the full key in its value";
    }
    if (problem != null) {
      throw foreign(cacheName, key.text(), data.length, problem);
    }
    ByteBuffer in = ByteBuffer.wrap(data);
    in.position(2);
    long expireAt = in.getLong();
    if (data[1] == WITH_KEY) {
      int length = in.getInt();
      if (!Arrays.equals(data, HEADER + 4, HEADER + 4 + length, key.logical(), 0,
          key.logical().length)) {
        return null;
      }
      in.position(HEADER + 4 + length);
    }
    return new MemcachedEntry(key, cas, expireAt, data, in.position());
  }

  /** The full logical key kept in a hashed item, or {@code null} if the item has none. */
  static byte[] logicalKey(int flags, byte[] data) {
    if (problem(flags, data) != null || data[1] != WITH_KEY) {
      return null;
    }
    int length = ByteBuffer.wrap(data, HEADER, 4).getInt();
    return Arrays.copyOfRange(data, HEADER + 4, HEADER + 4 + length);
  }

  /** Why the item was not written by Polycache, or {@code null} if it was. */
  private static String problem(int flags, byte[] data) {
    if (flags != FLAGS) {
      return "item flags 0x" + Integer.toHexString(flags) + " instead of 0x"
          + Integer.toHexString(FLAGS);
    }
    if (data.length < HEADER || data[0] != MAGIC) {
      return "no Polycache header";
    }
    if (data[1] == WITH_KEY) {
      if (data.length < HEADER + 4) {
        return "a truncated header";
      }
      int length = ByteBuffer.wrap(data, HEADER, 4).getInt();
      if (length < 0 || length > data.length - HEADER - 4) {
        return "a truncated header";
      }
      return null;
    }
    return data[1] == PLAIN ? null : "unknown layout " + data[1];
  }

  static MemcachedStoreException foreign(String cacheName, String memcachedKey, int length,
      String reason) {
    return new MemcachedStoreException("Cache '" + cacheName + "': memcached key \"" + memcachedKey
        + "\" holds " + length + " bytes Polycache did not write (" + reason + "). Another"
        + " program wrote to this cache's keys; delete the key, or give the cache a namespace of"
        + " its own");
  }

  /**
   * The memcached expiry time for an entry expiring at {@code expireAt} (which must be after
   * {@code now}): {@code 0} (never) only for {@link StoreEntry#ETERNAL}; otherwise the remaining
   * time rounded up to whole seconds plus one, so the server never drops an entry before its
   * exact expiry time; over 30 days as an absolute unix time (memcached's rule), capped at the
   * largest one the protocol carries (2038-01-19).
   *
   * @param now the store clock's time, which {@code expireAt} is measured against
   * @param wallMillis the real time, for absolute unix times the server compares with its own
   */
  static int exptime(long expireAt, long now, long wallMillis) {
    if (expireAt == StoreEntry.ETERNAL) {
      return 0;
    }
    long left = expireAt - now;
    if (left <= 0) {
      throw new IllegalArgumentException("expireAt " + expireAt + " is not after now " + now);
    }
    long seconds = left / 1000 + (left % 1000 == 0 ? 0 : 1) + 1;
    if (seconds <= MAX_RELATIVE_SECONDS) {
      return (int) seconds;
    }
    long wallSeconds = wallMillis / 1000 + (wallMillis % 1000 == 0 ? 0 : 1);
    return (int) Math.min(Integer.MAX_VALUE, wallSeconds + Math.min(seconds, Integer.MAX_VALUE));
  }
}
