package io.polycache.provider.store.memory;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.polycache.provider.store.Change;
import io.polycache.provider.store.KeyPage;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreEntry;
import io.polycache.provider.store.WriteStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The in-process store. Unbounded caches whose entries never expire sit in a plain
 * {@link ConcurrentHashMap}; bounded or expiring ones in Caffeine, which evicts by size or weight
 * (W-TinyLFU) and drops expired entries with its timer wheel, a grace period after they expire:
 * within it a read still finds the expired entry, so the core removes it and reports EXPIRED to
 * synchronous listeners before the read returns; an entry nobody reads is dropped by Caffeine and
 * reported through the expiry listener. Either way the store is a
 * concurrent map of immutable {@link MemoryEntry} holders, so compare-and-set is the map's own
 * identity compare and {@link #compute} is the map's atomic compute.
 *
 * <p>Every future is complete on return.
 */
public final class MemoryStore<K, V> implements Store<K, V> {

  private static final CompletableFuture<Boolean> TRUE = CompletableFuture.completedFuture(true);
  private static final CompletableFuture<Boolean> FALSE = CompletableFuture.completedFuture(false);
  private static final CompletableFuture<StoreEntry<?>> NONE =
      CompletableFuture.completedFuture(null);

  /** How long after its expiry an unread entry stays, so a read can still report it. */
  static final long GRACE_MILLIS = 1_000;

  private final ConcurrentMap<K, MemoryEntry<V>> map;
  private final com.github.benmanes.caffeine.cache.Cache<K, MemoryEntry<V>> engine;

  public MemoryStore(MemoryStoreOptions options) {
    if (options.needsEngine()) {
      this.engine = buildEngine(options);
      this.map = engine.asMap();
    } else {
      this.engine = null;
      this.map = new ConcurrentHashMap<>();
    }
  }

  @SuppressWarnings("unchecked")
  private static <K, V> com.github.benmanes.caffeine.cache.Cache<K, MemoryEntry<V>> buildEngine(
      MemoryStoreOptions options) {
    Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(Runnable::run);
    if (options.maximumEntries() > 0) {
      builder.maximumSize(options.maximumEntries());
    }
    if (options.maximumWeight() > 0) {
      builder.maximumWeight(options.maximumWeight()).weigher((Object key, Object entry) ->
          (int) Math.min(Integer.MAX_VALUE, options.weigher().applyAsLong(
              new Object[] {key, ((MemoryEntry<?>) entry).value()})));
    }
    if (options.expiring()) {
      long origin = options.clock().millis();
      builder.ticker(() -> TimeUnit.MILLISECONDS.toNanos(options.clock().millis() - origin))
          .expireAfter(new EntryExpiry(options));
    }
    Runnable onEviction = options.evictionListener();
    BiConsumer<Object, Object> onExpiry = options.expiryListener();
    builder.removalListener((Object key, Object entry, RemovalCause cause) -> {
      if (cause == RemovalCause.SIZE) {
        onEviction.run();
      } else if (cause == RemovalCause.EXPIRED && key != null && entry != null) {
        onExpiry.accept(key, ((MemoryEntry<?>) entry).value());
      }
    });
    return (com.github.benmanes.caffeine.cache.Cache<K, MemoryEntry<V>>) (Object) builder.build();
  }

  /** Tells Caffeine when each entry expires, from the entry's own absolute expiry time. */
  private static final class EntryExpiry implements Expiry<Object, Object> {
    private final MemoryStoreOptions options;

    EntryExpiry(MemoryStoreOptions options) {
      this.options = options;
    }

    private long nanosLeft(Object value) {
      long expireAt = ((MemoryEntry<?>) value).expireAt();
      if (expireAt == StoreEntry.ETERNAL) {
        return Long.MAX_VALUE;
      }
      long left = expireAt - options.clock().millis() + GRACE_MILLIS;
      return left <= 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(Math.min(left, Long.MAX_VALUE / 2_000_000));
    }

    @Override
    public long expireAfterCreate(Object key, Object value, long currentTime) {
      return nanosLeft(value);
    }

    @Override
    public long expireAfterUpdate(Object key, Object value, long currentTime, long duration) {
      return nanosLeft(value);
    }

    @Override
    public long expireAfterRead(Object key, Object value, long currentTime, long duration) {
      return duration;
    }
  }

  @SuppressWarnings("unchecked")
  private static <V> CompletableFuture<StoreEntry<V>> done(StoreEntry<V> entry) {
    return entry == null ? (CompletableFuture<StoreEntry<V>>) (Object) NONE
        : CompletableFuture.completedFuture(entry);
  }

  private static CompletableFuture<Boolean> done(boolean result) {
    return result ? TRUE : FALSE;
  }

  @Override
  public StoreEntry<V> getNow(K key) {
    return map.get(key);
  }

  @Override
  public CompletableFuture<StoreEntry<V>> get(K key) {
    return done(map.get(key));
  }

  @Override
  public CompletableFuture<List<StoreEntry<V>>> getAll(List<K> keys) {
    List<StoreEntry<V>> result = new ArrayList<>(keys.size());
    for (K key : keys) {
      result.add(map.get(key));
    }
    return CompletableFuture.completedFuture(result);
  }

  @Override
  public CompletableFuture<WriteStatus> put(K key, V value, long expireAt) {
    MemoryEntry<V> old = map.put(key, new MemoryEntry<>(value, expireAt));
    return CompletableFuture.completedFuture(old == null ? WriteStatus.CREATED : WriteStatus.UPDATED);
  }

  @Override
  public void putNow(K key, V value, long expireAt) {
    map.put(key, new MemoryEntry<>(value, expireAt));
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsent(K key, V value, long expireAt) {
    return done(map.putIfAbsent(key, new MemoryEntry<>(value, expireAt)) == null);
  }

  @Override
  public CompletableFuture<Boolean> replace(K key, Object version, V value, long expireAt) {
    return done(replaceVersion(key, version, new MemoryEntry<>(value, expireAt)));
  }

  @SuppressWarnings("unchecked")
  private boolean replaceVersion(K key, Object version, MemoryEntry<V> next) {
    return version instanceof MemoryEntry && map.replace(key, (MemoryEntry<V>) version, next);
  }

  @Override
  public CompletableFuture<StoreEntry<V>> getAndPut(K key, V value, long expireAt) {
    return done(map.put(key, new MemoryEntry<>(value, expireAt)));
  }

  @Override
  public CompletableFuture<Boolean> remove(K key) {
    return done(map.remove(key) != null);
  }

  @Override
  public CompletableFuture<Boolean> remove(K key, Object version) {
    return done(version instanceof MemoryEntry && map.remove(key, version));
  }

  @Override
  public CompletableFuture<Boolean> touch(K key, Object version, long expireAt) {
    if (!(version instanceof MemoryEntry)) {
      return FALSE;
    }
    MemoryEntry<?> current = (MemoryEntry<?>) version;
    @SuppressWarnings("unchecked")
    V value = (V) current.value();
    return done(replaceVersion(key, version, new MemoryEntry<>(value, expireAt)));
  }

  @Override
  public CompletableFuture<KeyPage<K>> keys(Object cursor, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    @SuppressWarnings("unchecked")
    Iterator<K> it = cursor == null ? map.keySet().iterator() : (Iterator<K>) cursor;
    List<K> page = new ArrayList<>(Math.min(limit, 64));
    while (page.size() < limit && it.hasNext()) {
      page.add(it.next());
    }
    return CompletableFuture.completedFuture(new KeyPage<>(page, it.hasNext() ? it : null));
  }

  @Override
  public CompletableFuture<Void> clear() {
    map.clear();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean isLocal() {
    return true;
  }

  @Override
  public StoreEntry<V> compute(K key, Function<StoreEntry<V>, Change<V>> update) {
    return map.compute(key, (k, current) -> {
      Change<V> change = update.apply(current);
      if (change instanceof Change.Write<V> write) {
        return new MemoryEntry<>(write.value(), write.expireAt());
      }
      if (change instanceof Change.Touch<V> touch) {
        return current == null ? null : new MemoryEntry<>(current.value(), touch.expireAt());
      }
      return change instanceof Change.Delete ? null : current;
    });
  }

  /** The number of entries held, expired ones included until they are dropped. */
  public long size() {
    return engine != null ? engine.estimatedSize() : map.size();
  }

  /** Runs pending eviction and expiry work now (tests use it to observe bounds exactly). */
  public void cleanUp() {
    if (engine != null) {
      engine.cleanUp();
    }
  }

  @Override
  public void close() {
    map.clear();
  }
}
