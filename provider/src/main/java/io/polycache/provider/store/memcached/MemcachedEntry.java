package io.polycache.provider.store.memcached;

import io.polycache.provider.store.StoreEntry;
import java.util.Arrays;

/**
 * One entry as read from memcached. It is its own version: the memcached key and CAS id it was
 * read with (equal versions are equal key and CAS id), plus the value, which a {@code touch}
 * writes back unchanged under a new expiry time. It keeps the item's data as read, header and
 * value; the core decodes the value where it lies and {@link #value()} copies it out.
 */
final class MemcachedEntry implements StoreEntry<Object> {

  private final MemcachedKeys.Key key;
  private final long cas;
  private final long expireAt;
  private final byte[] data;
  private final int offset;

  /** An entry whose value is the part of the item's {@code data} from {@code offset}. */
  MemcachedEntry(MemcachedKeys.Key key, long cas, long expireAt, byte[] data, int offset) {
    this.key = key;
    this.cas = cas;
    this.expireAt = expireAt;
    this.data = data;
    this.offset = offset;
  }

  /** The value bytes, without the item header: a copy. */
  @Override
  public byte[] value() {
    return Arrays.copyOfRange(data, offset, data.length);
  }

  @Override
  public byte[] valueSource() {
    return data;
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
    return "MemcachedEntry[" + key.text() + ", " + (data.length - offset) + " bytes, expireAt="
        + (expireAt == ETERNAL ? "ETERNAL" : Long.toString(expireAt)) + ", cas=" + cas + "]";
  }
}
