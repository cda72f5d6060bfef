package io.polycache.provider.store.memcached;

import io.polycache.provider.store.KeyPage;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreEntry;
import io.polycache.provider.store.WriteStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import net.spy.memcached.ops.StoreType;

/**
 * The store of one cache in memcached: keys and values are {@code byte[]}, every key starting
 * with the cache's key prefix. Keys are encoded as {@link MemcachedKeys} describes (long ones
 * hashed), values carry the {@link ItemFormat} header with the exact expiry time, and the version
 * of an entry is its memcached CAS id.
 *
 * <p>Memcached operations (binary protocol) per call:
 * <table>
 *   <caption>Operations</caption>
 *   <tr><th>call</th><th>memcached</th></tr>
 *   <tr><td>{@code get}</td><td>1 GET (with CAS id)</td></tr>
 *   <tr><td>{@code getAll}</td><td>1 binary multi-get per server (a quiet GET per key and a
 *       NOOP, all sent at once: one round trip per server, answered only for the hits)</td></tr>
 *   <tr><td>{@code put}</td><td>ADD (1 for a new key), then REPLACE (2 for an existing key);
 *       repeated if a concurrent write or delete interferes, so the status is exact</td></tr>
 *   <tr><td>{@code putIfAbsent}</td><td>1 ADD (hashed keys: + GET and CAS over a colliding
 *       key's item)</td></tr>
 *   <tr><td>{@code replace(version)}</td><td>1 CAS</td></tr>
 *   <tr><td>{@code getAndPut}</td><td>GET + CAS (or ADD when absent), repeated on conflict</td>
 *       </tr>
 *   <tr><td>{@code remove}</td><td>1 DELETE (hashed keys: GET + DELETE with CAS)</td></tr>
 *   <tr><td>{@code remove(version)}</td><td>1 DELETE with CAS</td></tr>
 *   <tr><td>{@code touch(version)}</td><td>1 CAS rewriting the same value with the new
 *       expiry</td></tr>
 *   <tr><td>{@code keys}</td><td>first page: 1 {@code lru_crawler metadump} per server; every
 *       page: 1 GET per hashed key on it</td></tr>
 *   <tr><td>{@code clear}</td><td>1 {@code lru_crawler metadump} per server + 1 DELETE per key
 *       of the cache</td></tr>
 * </table>
 *
 * <p>Expiry: an entry comes back with its exact expiry time even when memcached still holds it
 * after that time (the core treats it as absent). A write whose expiry time is not after the
 * store clock's now is never sent: it deletes the entry instead ({@code put},
 * {@code replace}, {@code touch}, {@code getAndPut}) or writes nothing ({@code putIfAbsent}).
 *
 * <p>Futures complete on the client's I/O thread, or on the calling thread when the operation
 * fails at once; they fail with a {@link MemcachedStoreException}.
 */
public final class MemcachedStore implements Store<Object, Object> {

  private static final int MAX_ATTEMPTS = 100;
  private static final int DELETE_WINDOW = 256;

  private final SharedClient shared;
  private final String cacheName;
  private final MemcachedKeys keys;
  private final Clock clock;

  MemcachedStore(SharedClient shared, String cacheName, MemcachedKeys keys, Clock clock) {
    this.shared = shared;
    this.cacheName = cacheName;
    this.keys = keys;
    this.clock = clock;
  }

  /** The cache this store holds. */
  public String cacheName() {
    return cacheName;
  }

  private MemcachedKeys.Key key(Object key) {
    Objects.requireNonNull(key, "key");
    return keys.encode((byte[]) key);
  }

  private static byte[] bytes(Object value) {
    return (byte[]) Objects.requireNonNull(value, "value");
  }

  // ----------------------------------------------------------------------------------- reads

  @Override
  public CompletableFuture<StoreEntry<Object>> get(Object key) {
    MemcachedKeys.Key k = key(key);
    return shared.gets(cacheName, k.text(), call -> entry(k, call));
  }

  /** The entry a GET found: {@code null} when absent or when a colliding key holds the item. */
  private MemcachedEntry entry(MemcachedKeys.Key k, SpyCall call) {
    if (!call.succeeded()) {
      return null;
    }
    return ItemFormat.decode(k, call.flags(), call.cas(), call.data(), cacheName);
  }

  @Override
  public CompletableFuture<List<StoreEntry<Object>>> getAll(List<Object> keyList) {
    if (keyList.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    int n = keyList.size();
    MemcachedKeys.Key[] encoded = new MemcachedKeys.Key[n];
    List<String> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      encoded[i] = key(keyList.get(i));
      texts.add(encoded[i].text());
    }
    return Stages.map(shared.getAll(cacheName, texts), found -> {
      List<StoreEntry<Object>> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        byte[] item = found.data(i);
        entries.add(item == null ? null
            : ItemFormat.decode(encoded[i], found.flags(i), found.cas(i), item, cacheName));
      }
      return entries;
    });
  }

  // ---------------------------------------------------------------------------------- writes

  @Override
  public CompletableFuture<WriteStatus> put(Object key, Object value, long expireAt) {
    MemcachedKeys.Key k = key(key);
    byte[] v = bytes(value);
    long now = clock.millis();
    if (expireAt <= now) {
      return Stages.map(shared.delete(cacheName, k.text(), 0),
          call -> call.succeeded() ? WriteStatus.UPDATED : WriteStatus.CREATED);
    }
    byte[] item;
    try {
      item = item(k, v, expireAt);
    } catch (MemcachedStoreException e) {
      return Stages.failed(e);
    }
    return put(k, item, exptime(expireAt, now), 1);
  }

  /** One operation: a plain SET (or a DELETE when {@code expireAt} has passed). */
  @Override
  public CompletableFuture<Void> write(Object key, Object value, long expireAt) {
    MemcachedKeys.Key k = key(key);
    byte[] v = bytes(value);
    long now = clock.millis();
    if (expireAt <= now) {
      return Stages.map(shared.delete(cacheName, k.text(), 0), call -> null);
    }
    byte[] item;
    try {
      item = item(k, v, expireAt);
    } catch (MemcachedStoreException e) {
      return Stages.failed(e);
    }
    return shared.store(cacheName, StoreType.set, k.text(), exptime(expireAt, now), item,
        set -> {
          if (!set.succeeded()) {
            throw new MemcachedStoreException("Cache '" + cacheName + "': set of memcached key \""
                + k.text() + "\" was refused: " + set.code());
          }
          return null;
        });
  }

  private CompletableFuture<WriteStatus> put(MemcachedKeys.Key k, byte[] item, int exptime,
      int attempt) {
    return Stages.then(shared.store(cacheName, StoreType.add, k.text(), exptime, item), added -> {
      if (added.succeeded()) {
        return CompletableFuture.completedFuture(WriteStatus.CREATED);
      }
      return Stages.then(shared.store(cacheName, StoreType.replace, k.text(), exptime, item),
          replaced -> {
            if (replaced.succeeded()) {
              return CompletableFuture.completedFuture(WriteStatus.UPDATED);
            }
            if (attempt >= MAX_ATTEMPTS) {
              return Stages.map(shared.store(cacheName, StoreType.set, k.text(), exptime, item),
                  set -> WriteStatus.UPDATED);
            }
            return put(k, item, exptime, attempt + 1);
          });
    });
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsent(Object key, Object value, long expireAt) {
    MemcachedKeys.Key k = key(key);
    byte[] v = bytes(value);
    long now = clock.millis();
    if (expireAt <= now) {
      return Stages.map(get(key), entry -> entry == null);
    }
    byte[] item;
    try {
      item = item(k, v, expireAt);
    } catch (MemcachedStoreException e) {
      return Stages.failed(e);
    }
    return putIfAbsent(k, item, exptime(expireAt, now), 1);
  }

  private CompletableFuture<Boolean> putIfAbsent(MemcachedKeys.Key k, byte[] item, int exptime,
      int attempt) {
    return Stages.then(shared.store(cacheName, StoreType.add, k.text(), exptime, item), added -> {
      if (added.succeeded() || !k.hashed()) {
        return CompletableFuture.completedFuture(added.succeeded());
      }
      return Stages.then(shared.gets(cacheName, k.text()), read -> {
        if (read.succeeded() && entry(k, read) != null) {
          return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<SpyCall> write = read.succeeded()
            ? shared.cas(cacheName, k.text(), read.cas(), exptime, item)
            : shared.store(cacheName, StoreType.add, k.text(), exptime, item);
        return Stages.then(write, written -> written.succeeded()
            ? CompletableFuture.completedFuture(true)
            : retry(attempt, k, () -> putIfAbsent(k, item, exptime, attempt + 1)));
      });
    });
  }

  @Override
  public CompletableFuture<Boolean> replace(Object key, Object version, Object value,
      long expireAt) {
    MemcachedKeys.Key k = key(key);
    byte[] v = bytes(value);
    MemcachedEntry read = version(k, version);
    if (read == null) {
      return CompletableFuture.completedFuture(false);
    }
    long now = clock.millis();
    if (expireAt <= now) {
      return Stages.map(shared.delete(cacheName, k.text(), read.cas()), SpyCall::succeeded);
    }
    byte[] item;
    try {
      item = item(k, v, expireAt);
    } catch (MemcachedStoreException e) {
      return Stages.failed(e);
    }
    return Stages.map(shared.cas(cacheName, k.text(), read.cas(), exptime(expireAt, now), item),
        SpyCall::succeeded);
  }

  @Override
  public CompletableFuture<StoreEntry<Object>> getAndPut(Object key, Object value,
      long expireAt) {
    MemcachedKeys.Key k = key(key);
    byte[] v = bytes(value);
    long now = clock.millis();
    byte[] item;
    try {
      item = expireAt <= now ? null : item(k, v, expireAt);
    } catch (MemcachedStoreException e) {
      return Stages.failed(e);
    }
    return getAndPut(k, item, expireAt <= now ? 0 : exptime(expireAt, now), 1);
  }

  /** One read-then-write round; {@code item} is {@code null} when the write is a removal. */
  private CompletableFuture<StoreEntry<Object>> getAndPut(MemcachedKeys.Key k, byte[] item,
      int exptime, int attempt) {
    return Stages.then(shared.gets(cacheName, k.text()), read -> {
      MemcachedEntry previous = entry(k, read);
      CompletableFuture<SpyCall> write;
      if (item == null) {
        if (previous == null) {
          return CompletableFuture.completedFuture(null);
        }
        write = shared.delete(cacheName, k.text(), read.cas());
      } else if (read.succeeded()) {
        write = shared.cas(cacheName, k.text(), read.cas(), exptime, item);
      } else {
        write = shared.store(cacheName, StoreType.add, k.text(), exptime, item);
      }
      return Stages.then(write, written -> written.succeeded()
          ? CompletableFuture.completedFuture(previous)
          : retry(attempt, k, () -> getAndPut(k, item, exptime, attempt + 1)));
    });
  }

  @Override
  public CompletableFuture<Boolean> remove(Object key) {
    MemcachedKeys.Key k = key(key);
    if (!k.hashed()) {
      return Stages.map(shared.delete(cacheName, k.text(), 0), SpyCall::succeeded);
    }
    return removeHashed(k, 1);
  }

  /** A hashed key's item may belong to a colliding key: delete only after reading it is ours. */
  private CompletableFuture<Boolean> removeHashed(MemcachedKeys.Key k, int attempt) {
    return Stages.then(shared.gets(cacheName, k.text()), read -> {
      if (entry(k, read) == null) {
        return CompletableFuture.completedFuture(false);
      }
      return Stages.then(shared.delete(cacheName, k.text(), read.cas()), deleted ->
          deleted.succeeded() ? CompletableFuture.completedFuture(true)
              : retry(attempt, k, () -> removeHashed(k, attempt + 1)));
    });
  }

  @Override
  public CompletableFuture<Boolean> remove(Object key, Object version) {
    MemcachedKeys.Key k = key(key);
    MemcachedEntry read = version(k, version);
    if (read == null) {
      return CompletableFuture.completedFuture(false);
    }
    return Stages.map(shared.delete(cacheName, k.text(), read.cas()), SpyCall::succeeded);
  }

  @Override
  public CompletableFuture<Boolean> touch(Object key, Object version, long expireAt) {
    MemcachedKeys.Key k = key(key);
    MemcachedEntry read = version(k, version);
    if (read == null) {
      return CompletableFuture.completedFuture(false);
    }
    long now = clock.millis();
    if (expireAt <= now) {
      return Stages.map(shared.delete(cacheName, k.text(), read.cas()), SpyCall::succeeded);
    }
    byte[] item;
    try {
      item = item(k, read.value(), expireAt);
    } catch (MemcachedStoreException e) {
      return Stages.failed(e);
    }
    return Stages.map(shared.cas(cacheName, k.text(), read.cas(), exptime(expireAt, now), item),
        SpyCall::succeeded);
  }

  /** The entry {@code version} stands for, if it was read from this very key; else null. */
  private static MemcachedEntry version(MemcachedKeys.Key k, Object version) {
    Objects.requireNonNull(version, "version");
    if (version instanceof MemcachedEntry read && read.key().text().equals(k.text())
        && Arrays.equals(read.key().logical(), k.logical())) {
      return read;
    }
    return null;
  }

  private <T> CompletableFuture<T> retry(int attempt, MemcachedKeys.Key k,
      java.util.function.Supplier<CompletableFuture<T>> again) {
    if (attempt >= MAX_ATTEMPTS) {
      return Stages.failed(new MemcachedStoreException("Cache '" + cacheName + "': gave up after "
          + MAX_ATTEMPTS + " conflicting concurrent writes of memcached key \"" + k.text()
          + "\""));
    }
    return again.get();
  }

  /** The item bytes, refused before anything is sent when over the item size limit. */
  private byte[] item(MemcachedKeys.Key k, byte[] value, long expireAt) {
    int limit = shared.options().maxItemSize();
    if (ItemFormat.itemSize(k, value.length) > limit) {
      throw new MemcachedStoreException("Cache '" + cacheName + "': value of " + value.length
          + " bytes exceeds the memcached item size limit of " + limit + " bytes (key, value, a "
          + ItemFormat.HEADER + "-byte header and about " + ItemFormat.ITEM_OVERHEAD + " bytes of"
          + " memcached overhead must fit) for memcached key \"" + k.text() + "\"; nothing was"
          + " written and the previous value stays. Raise the server's limit (memcached -I) and"
          + " the maxItemSize option together, or store smaller values");
    }
    return ItemFormat.encode(k, value, expireAt);
  }

  private int exptime(long expireAt, long now) {
    return ItemFormat.exptime(expireAt, now, System.currentTimeMillis());
  }

  // ------------------------------------------------------------------------- keys and clear

  /** A walk over a snapshot of the cache's memcached keys, taken by the first page. */
  private record KeyCursor(MemcachedStore owner, List<String> keys, int offset) {}

  /**
   * Lists this cache's keys: the first page takes a snapshot of the matching keys of every
   * server with {@code lru_crawler metadump}; later pages walk the snapshot. Keys written after
   * the snapshot are not listed; keys removed since are listed (the core's bulk read skips
   * them). Hashed keys are read to recover their logical key; keys under the prefix that this
   * store did not encode are skipped. The cursor holds the snapshot (the memcached keys of this
   * cache), so a walk costs memory in proportion to the cache's size.
   *
   * <p>Fails with a {@link MemcachedStoreException} naming the server when a server cannot be
   * listed (down, started with {@code -X}, LRU crawler disabled): a partial list would let a
   * {@code clear()} or {@code removeAll()} miss entries silently.
   */
  @Override
  public CompletableFuture<KeyPage<Object>> keys(Object cursor, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    if (cursor == null) {
      return Stages.then(shared.listKeys(cacheName, keys.storePrefix()),
          snapshot -> page(snapshot, 0, limit));
    }
    if (cursor instanceof KeyCursor walk && walk.owner() == this) {
      return page(walk.keys(), walk.offset(), limit);
    }
    throw new IllegalArgumentException("not a cursor of this store: " + cursor);
  }

  private CompletableFuture<KeyPage<Object>> page(List<String> snapshot, int offset, int limit) {
    int end = (int) Math.min(snapshot.size(), (long) offset + limit);
    List<CompletableFuture<byte[]>> logical = new ArrayList<>(end - offset);
    for (String memcachedKey : snapshot.subList(offset, end)) {
      if (keys.isHashed(memcachedKey)) {
        logical.add(Stages.map(shared.gets(cacheName, memcachedKey), read -> read.succeeded()
            ? ItemFormat.logicalKey(read.flags(), read.data()) : null));
      } else {
        logical.add(CompletableFuture.completedFuture(keys.decode(memcachedKey)));
      }
    }
    KeyCursor next = end < snapshot.size() ? new KeyCursor(this, snapshot, end) : null;
    return Stages.map(Stages.all(logical), found -> {
      List<Object> page = new ArrayList<>(found.size());
      byte[] prefix = keys.prefix();
      for (byte[] key : found) {
        if (key != null && key.length >= prefix.length
            && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
          page.add(key);
        }
      }
      return new KeyPage<>(page, next);
    });
  }

  /**
   * Removes every item under this cache's prefix (Polycache's and any other program's), found
   * with {@code lru_crawler metadump} on every server, in windows of pipelined DELETEs. Other
   * caches and foreign keys are untouched; items written while it runs may survive.
   */
  @Override
  public CompletableFuture<Void> clear() {
    return Stages.then(shared.listKeys(cacheName, keys.storePrefix()),
        found -> deleteFrom(found, 0));
  }

  private CompletableFuture<Void> deleteFrom(List<String> found, int from) {
    if (from >= found.size()) {
      return CompletableFuture.completedFuture(null);
    }
    int end = Math.min(found.size(), from + DELETE_WINDOW);
    List<CompletableFuture<SpyCall>> window = new ArrayList<>(end - from);
    for (String memcachedKey : found.subList(from, end)) {
      window.add(shared.delete(cacheName, memcachedKey, 0));
    }
    return Stages.then(Stages.all(window), done -> deleteFrom(found, end));
  }

  /** Nothing to release: the connections belong to the backend. */
  @Override
  public void close() {
    // the shared client is closed by MemcachedBackend.close()
  }

  @Override
  public String toString() {
    return "MemcachedStore[" + cacheName + ", prefix=" + keys.storePrefix() + "]";
  }
}
