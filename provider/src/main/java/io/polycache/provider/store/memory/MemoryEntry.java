package io.polycache.provider.store.memory;

import io.polycache.provider.store.StoreEntry;

/**
 * An entry of the memory store. Immutable: a write installs a new instance, so the instance
 * itself is the version token and readers need no lock.
 */
final class MemoryEntry<V> implements StoreEntry<V> {

  private final V value;
  private final long expireAt;

  MemoryEntry(V value, long expireAt) {
    this.value = value;
    this.expireAt = expireAt;
  }

  @Override
  public V value() {
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

  @Override
  public String toString() {
    return "MemoryEntry[expireAt=" + expireAt + "]";
  }
}
