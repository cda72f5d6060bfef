package io.polycache.provider.store.redis;

import io.polycache.provider.store.StoreEntry;
import java.util.Arrays;

/**
 * One entry as read from Redis: the bytes as stored, header and value. The core decodes the value
 * where it lies ({@link #valueSource()} from {@link #valueOffset()}); {@link #value()} copies it
 * out. The version is handed out boxed, so the core compares and passes it back without knowing
 * the header format; it is boxed only when asked for, since most reads (a {@code get} of an entry
 * without access expiry) never need it.
 */
final class RedisEntry implements StoreEntry<Object> {

  private final byte[] stored;
  private final int offset;
  private final long expireAt;
  private final long version;

  /**
   * @param stored the bytes as stored; the value is the part from {@code offset} to the end
   * @param offset where the value starts in {@code stored}
   * @param expireAt absolute expiry time in epoch milliseconds, or {@link StoreEntry#ETERNAL}
   * @param version the random version the entry was last written with
   */
  RedisEntry(byte[] stored, int offset, long expireAt, long version) {
    this.stored = stored;
    this.offset = offset;
    this.expireAt = expireAt;
    this.version = version;
  }

  /** The value bytes, without the store header: a copy. */
  @Override
  public byte[] value() {
    return Arrays.copyOfRange(stored, offset, stored.length);
  }

  @Override
  public byte[] valueSource() {
    return stored;
  }

  @Override
  public int valueOffset() {
    return offset;
  }

  @Override
  public long expireAt() {
    return expireAt;
  }

  @Override
  public Long version() {
    return version;
  }

  @Override
  public String toString() {
    return "RedisEntry[" + (stored.length - offset) + " bytes, expireAt=" + expireAt
        + ", version=" + Long.toHexString(version) + "]";
  }
}
