package io.polycache.provider.internal;

import io.polycache.provider.store.KeyPage;
import io.polycache.provider.store.StoreEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.cache.Cache;

/**
 * Walks a cache's live entries a page of keys at a time (one bulk read per page). Each
 * {@code next()} is an access: a hit, and the expiry policy's access duration. Iteration never
 * loads and never calls the writer; {@code remove()} removes like {@code Cache.remove(key)}.
 */
final class CacheIterator<K, V> implements Iterator<Cache.Entry<K, V>> {

  private static final int PAGE = 256;

  private final PolycacheCache<K, V> cache;
  private final CacheCore<K, V> core;
  private final Deque<Object[]> ready = new ArrayDeque<>();
  private Object cursor;
  private boolean exhausted;
  private K lastKey;

  CacheIterator(PolycacheCache<K, V> cache, CacheCore<K, V> core) {
    this.cache = cache;
    this.core = core;
  }

  @Override
  public boolean hasNext() {
    cache.ensureOpen();
    while (true) {
      while (ready.isEmpty() && !exhausted) {
        fetch();
      }
      if (ready.isEmpty() || !isExpired(ready.peek())) {
        return !ready.isEmpty();
      }
      ready.poll();
    }
  }

  private boolean isExpired(Object[] keyAndEntry) {
    return ((StoreEntry<?>) keyAndEntry[1]).isExpiredAt(core.clock.millis());
  }

  private void fetch() {
    KeyPage<Object> page = cache.await(core.keyPage(cursor, PAGE));
    cursor = page.next();
    exhausted = page.isLast();
    List<Object> storeKeys = page.keys();
    if (storeKeys.isEmpty()) {
      return;
    }
    List<StoreEntry<Object>> entries = cache.await(core.store.getAll(storeKeys));
    for (int i = 0; i < storeKeys.size(); i++) {
      StoreEntry<Object> raw = entries.get(i);
      if (raw != null) {
        ready.add(new Object[] {storeKeys.get(i), raw});
      }
    }
  }

  @Override
  public Cache.Entry<K, V> next() {
    while (hasNext()) {
      Object[] next = ready.poll();
      @SuppressWarnings("unchecked")
      StoreEntry<Object> raw = (StoreEntry<Object>) next[1];
      long now = core.clock.millis();
      if (raw.isExpiredAt(now)) {
        continue;
      }
      long start = core.stats.start();
      K key = core.key(next[0]);
      V value = core.value(raw, key);
      core.stats.record(1, 0, 0, 0);
      cache.await(core.access(next[0], raw, now));
      core.stats.recordGetTime(start);
      lastKey = key;
      return new CacheEntry<>(key, value);
    }
    throw new NoSuchElementException();
  }

  @Override
  public void remove() {
    cache.ensureOpen();
    if (lastKey == null) {
      throw new IllegalStateException("next() has not been called, or remove() was already"
          + " called for this entry");
    }
    K key = lastKey;
    lastKey = null;
    cache.remove(key);
  }
}
