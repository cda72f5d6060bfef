package io.polycache.provider.store.memcached;

import io.polycache.provider.store.StoreEntry;

/**
 * One entry as read from memcached. It is its own version: the memcached key and CAS id it was
 * read with (equal versions are equal key and CAS id), plus the value, which a {@code touch}
 * writes back unchanged under a new expiry time.
 */
final class MemcachedEntry implements StoreEntry<Object> {

  private final MemcachedKeys.Key key;
  private final long cas;
  private final long expireAt;
  private final byte[] value;

  MemcachedEntry(MemcachedKeys.Key key, long cas, long expireAt, byte[] value) {
    this.key = key;
    this.cas = cas;
    this.expireAt = expireAt;
    this.value = value;
  }

  @Override
  public Object value() {
    return value;
  }

  byte[] bytes() {
    return value;
  }

  @Override
  public long expireAt() {
    return expireAt;
  }

  @Override
  public Object version() {
    return this;
  }

  MemcachedKeys.Key key() {
    return key;
  }

  long cas() {
    return cas;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemcachedEntry other && cas == other.cas
        && key.text().equals(other.key.text());
  }

  @Override
  public int hashCode() {
    return key.text().hashCode() * 31 + Long.hashCode(cas);
  }

  @Override
  public String toString() {
    return "MemcachedEntry[" + key.text() + ", " + value.length + " bytes, expireAt="
        + (expireAt == ETERNAL ? "ETERNAL" : Long.toString(expireAt)) + ", cas=" + cas + "]";
  }
}
