package io.polycache.provider.store.redis;

import io.polycache.provider.store.StoreEntry;

/**
 * One entry as read from Redis. The version is handed out boxed, so the core compares and passes
 * it back without knowing the header format; it is boxed only when asked for, since most reads
 * (a {@code get} of an entry without access expiry) never need it.
 */
final class RedisEntry implements StoreEntry<Object> {

  private final byte[] value;
  private final long expireAt;
  private final long version;

  /**
   * @param value the value bytes, without the store header
   * @param expireAt absolute expiry time in epoch milliseconds, or {@link StoreEntry#ETERNAL}
   * @param version the random version the entry was last written with
   */
  RedisEntry(byte[] value, long expireAt, long version) {
    this.value = value;
    this.expireAt = expireAt;
    this.version = version;
  }

  @Override
  public byte[] value() {
    return value;
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
    return "RedisEntry[" + value.length + " bytes, expireAt=" + expireAt + ", version="
        + Long.toHexString(version) + "]";
  }
}
