package io.polycache.provider.store.redis;

import io.polycache.provider.store.StoreEntry;

/**
 * One entry as read from Redis. The version is a boxed {@code long}, so the core compares and
 * passes it back without knowing the header format.
 *
 * @param value the value bytes, without the store header
 * @param expireAt absolute expiry time in epoch milliseconds, or {@link StoreEntry#ETERNAL}
 * @param version the random version the entry was last written with
 */
record RedisEntry(byte[] value, long expireAt, Long version) implements StoreEntry<Object> {

  @Override
  public String toString() {
    return "RedisEntry[" + value.length + " bytes, expireAt=" + expireAt + ", version="
        + Long.toHexString(version) + "]";
  }
}
