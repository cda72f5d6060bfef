package io.polycache.provider.internal;

import io.polycache.provider.event.EntryEvent;
import io.polycache.provider.event.EventDispatcher;
import io.polycache.provider.expiry.ExpiryCalculator;
import io.polycache.provider.integration.ReadThrough;
import io.polycache.provider.integration.WriteThrough;
import io.polycache.provider.management.CacheStatistics;
import io.polycache.provider.store.Change;
import io.polycache.provider.store.KeyPage;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.cache.Cache;

/**
 * The JCache semantics, written once for every backend: expiry policy, events, read- and
 * write-through, statistics, on top of a {@link Store}. Every operation is asynchronous; the
 * synchronous API waits on it. Single-key mutations are {@link Op}s run atomically by the
 * {@link Mutator}; this class holds the shared state and the reads, {@link Writes} the writes.
 *
 * <p>Arguments are checked by the caller ({@link PolycacheCache}); here they are non-null.
 */
public class CacheCore<K, V> {

  private static final System.Logger LOG = System.getLogger(CacheCore.class.getName());

  final Cache<K, V> cache;
  final String name;
  final Store<Object, Object> store;
  final Codec keys;
  final Codec values;
  final ExpiryCalculator expiry;
  final ReadThrough<K, V> loader;
  final WriteThrough<K, V> writer;
  final EventDispatcher<K, V> events;
  final CacheStatistics stats;
  final Clock clock;
  final Executor executor;
  final Mutator mutator;

  CacheCore(CoreParts<K, V> parts) {
    this.cache = parts.cache();
    this.name = parts.cache().getName();
    this.store = parts.store();
    this.keys = parts.keys();
    this.values = parts.values();
    this.expiry = parts.expiry();
    this.loader = parts.loader();
    this.writer = parts.writer();
    this.events = parts.events();
    this.stats = parts.stats();
    this.clock = parts.clock();
    this.executor = parts.executor();
    this.mutator = new Mutator(store, clock, executor, name);
  }

  /** The caller's value for a stored one; {@code key} is named in any decoding error. */
  @SuppressWarnings("unchecked")
  final V value(Object stored, Object key) {
    return (V) values.decode(stored, key);
  }

  /** The caller's value of an entry a store read, decoded where the store holds its bytes. */
  @SuppressWarnings("unchecked")
  final V value(StoreEntry<Object> entry, Object key) {
    return (V) values.decode(entry.valueSource(), entry.valueOffset(), key);
  }

  @SuppressWarnings("unchecked")
  final K key(Object stored) {
    return (K) keys.decode(stored);
  }

  final boolean listening() {
    return events.isActive();
  }

  /** Base of the core's ops: reports an expired entry it finds as an EXPIRED event. */
  abstract class CoreOp<R> extends Op<K, V, R> {
    CoreOp(K key) {
      super(key);
    }

    @Override
    final void expired(StoreEntry<Object> raw) {
      if (listening()) {
        event(EntryEvent.expired(cache, key, value(raw, key)));
      }
    }
  }

  /** Counts an op's record, then runs its listeners; completes with its result. */
  final <R> CompletableFuture<R> finish(CompletableFuture<Op<K, V, R>> run) {
    return run.thenApply(op -> {
      stats.record(op.hits, op.misses, op.puts, op.removals);
      events.dispatch(op.events);
      return op.result;
    });
  }

  /** {@link #finish} for an op that already ran on the caller's thread. */
  final <R> R finishNow(Op<K, V, R> op) {
    stats.record(op.hits, op.misses, op.puts, op.removals);
    events.dispatch(op.events);
    return op.result;
  }

  /**
   * Continues a read once the store answered. The continuation of a read runs no user code
   * except the expiry policy's access call (loaders and listeners are handed to the executor
   * where they are called), so with a standard policy it runs on whichever thread completed the
   * store's future, an I/O thread included, sparing a thread hop; a custom policy's call is
   * moved to the executor.
   */
  final <T, U> CompletableFuture<U> then(CompletableFuture<T> future,
      java.util.function.Function<? super T, ? extends CompletableFuture<U>> next) {
    return future.isDone() || expiry.isPure() || store.isLocal() ? future.thenCompose(next)
        : future.thenComposeAsync(next, executor);
  }

  // ---------------------------------------------------------------------------------- reads

  /**
   * {@code get} on a local store without futures: a hit on an entry that never expires costs a
   * map lookup, a decode and the statistics check. Anything else takes the general path.
   */
  public V getNow(K key) {
    long start = stats.start();
    Object storeKey = keys.encode(key);
    StoreEntry<Object> raw = store.getNow(storeKey);
    if (raw != null && raw.expireAt() == StoreEntry.ETERNAL && expiry.isEternal()) {
      V value = value(raw.value(), key); // a local store holds objects, never bytes behind a header
      if (start != 0) {
        stats.record(1, 0, 0, 0);
        stats.recordGetTime(start);
      }
      return value;
    }
    CompletableFuture<V> result = afterGet(key, storeKey, raw);
    if (start != 0) {
      stats.recordGetTime(start);
    }
    try {
      return result.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw Futures.translate(e.getCause(), name);
    }
  }

  /** {@code get}: one store read; an access may touch the expiry, a miss may load. */
  public CompletableFuture<V> get(K key) {
    long start = stats.start();
    Object storeKey = keys.encode(key);
    CompletableFuture<V> result = then(store.get(storeKey), raw -> afterGet(key, storeKey, raw));
    return start == 0 ? result : result.whenComplete((v, e) -> stats.recordGetTime(start));
  }

  private CompletableFuture<V> afterGet(K key, Object storeKey, StoreEntry<Object> raw) {
    long now = clock.millis();
    if (raw != null && !raw.isExpiredAt(now)) {
      V value = value(raw, key);
      stats.record(1, 0, 0, 0);
      CompletableFuture<?> touched = access(storeKey, raw, now);
      return touched.isDone() && !touched.isCompletedExceptionally()
          ? CompletableFuture.completedFuture(value) : touched.thenApply(ignored -> value);
    }
    stats.record(0, 1, 0, 0);
    CompletableFuture<?> cleanup = raw == null ? done() : expire(key, storeKey, raw);
    if (!loader.onMiss()) {
      return cleanup.thenApply(ignored -> null);
    }
    return cleanup.thenCompose(ignored -> loadOne(key, storeKey));
  }

  /** Applies the access expiry to an entry just read: touch, remove, or nothing. */
  final CompletableFuture<?> access(Object storeKey, StoreEntry<Object> raw, long now) {
    long at = expiry.forAccess(now);
    if (at == ExpiryCalculator.UNCHANGED) {
      return done();
    }
    return at <= now ? store.remove(storeKey, raw.version())
        : store.touch(storeKey, raw.version(), at);
  }

  /** Removes an expired entry that a read found, reporting it to EXPIRED listeners. */
  final CompletableFuture<?> expire(K key, Object storeKey, StoreEntry<Object> raw) {
    CompletableFuture<Boolean> removal = store.remove(storeKey, raw.version());
    if (!listening()) {
      return removal;
    }
    java.util.function.Consumer<Boolean> report = removed -> {
      if (removed) {
        events.dispatch(List.of(EntryEvent.expired(cache, key, value(raw, key))));
      }
    };
    return removal.isDone() ? removal.thenAccept(report)
        : removal.thenAcceptAsync(report, executor);
  }

  /**
   * Reports to EXPIRED listeners an entry the store dropped by itself after it expired. Runs on
   * whichever thread the store noticed it; a listener's failure is logged, not thrown.
   */
  final void expiredByStore(Object storeKey, Object storeValue) {
    if (!listening()) {
      return;
    }
    try {
      K key = key(storeKey);
      events.dispatch(List.of(EntryEvent.expired(cache, key, value(storeValue, key))));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Cache " + name + ": reporting an expired entry"
          + " failed", e);
    }
  }

  /** Read-through of one key after a miss: load, store as a creation, report CREATED. */
  private CompletableFuture<V> loadOne(K key, Object storeKey) {
    return supplyUserCode(() -> loader.load(key)).thenCompose(loaded -> {
      if (loaded == null) {
        return CompletableFuture.completedFuture(null);
      }
      return storeLoaded(Map.of(key, loaded), false).thenApply(ignored -> loaded);
    });
  }

  /** Runs user code (a loader) on the executor unless the store is local. */
  final <T> CompletableFuture<T> supplyUserCode(java.util.function.Supplier<T> code) {
    if (store.isLocal()) {
      try {
        return CompletableFuture.completedFuture(code.get());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return CompletableFuture.supplyAsync(code, executor);
  }

  /**
   * Stores loaded values as creations (or, with {@code replaceExisting}, as updates of existing
   * entries); never calls the writer, never counts a load as a get.
   */
  final CompletableFuture<Void> storeLoaded(Map<K, V> loaded, boolean replaceExisting) {
    List<CompletableFuture<Void>> all = new ArrayList<>(loaded.size());
    loaded.forEach((key, value) -> {
      Object storeKey = keys.encode(key);
      Object storeValue = values.encode(value);
      Op<K, V, Void> op = new CoreOp<>(key) {
        @Override
        Change<Object> decide(StoreEntry<Object> live, long now) {
          if (live == null) {
            long at = expiry.forCreation(now);
            if (at > now && listening()) {
              event(EntryEvent.created(cache, key, value));
            }
            return Change.write(storeValue, at);
          }
          if (!replaceExisting) {
            return Change.keep();
          }
          long at = expiry.forUpdate(now);
          if (listening()) {
            event(EntryEvent.updated(cache, key, value, value(live, key)));
          }
          return Change.write(storeValue, at == ExpiryCalculator.UNCHANGED ? live.expireAt() : at);
        }
      };
      all.add(finish(mutator.run(storeKey, op)));
    });
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  /**
   * {@code getAll} of distinct keys, which the caller hands over: one bulk read; misses are
   * loaded in one {@code loadAll} if read-through.
   */
  public CompletableFuture<Map<K, V>> getAll(List<K> keyList) {
    long start = stats.start();
    List<Object> storeKeys = new ArrayList<>(keyList.size());
    for (K key : keyList) {
      storeKeys.add(keys.encode(key));
    }
    CompletableFuture<Map<K, V>> result = then(store.getAll(storeKeys), entries -> {
      long now = clock.millis();
      Map<K, V> found = new LinkedHashMap<>(Math.max(16, (int) (keyList.size() / 0.75f) + 1));
      List<K> missing = new ArrayList<>();
      List<CompletableFuture<?>> pending = new ArrayList<>();
      int hits = 0;
      for (int i = 0; i < keyList.size(); i++) {
        StoreEntry<Object> raw = entries.get(i);
        K key = keyList.get(i);
        CompletableFuture<?> cleanup = null;
        if (raw != null && !raw.isExpiredAt(now)) {
          found.put(key, value(raw, key));
          hits++;
          cleanup = access(storeKeys.get(i), raw, now);
        } else {
          missing.add(key);
          if (raw != null) {
            cleanup = expire(key, storeKeys.get(i), raw);
          }
        }
        if (cleanup != null && (!cleanup.isDone() || cleanup.isCompletedExceptionally())) {
          pending.add(cleanup);
        }
      }
      stats.record(hits, missing.size(), 0, 0);
      boolean loads = !missing.isEmpty() && loader.onMiss();
      if (pending.isEmpty() && !loads) {
        return CompletableFuture.completedFuture(found);
      }
      CompletableFuture<?> cleanups = pending.isEmpty() ? done()
          : CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
      if (!loads) {
        return cleanups.thenApply(ignored -> found);
      }
      return cleanups.thenCompose(ignored -> supplyUserCode(() -> loader.loadAll(missing)))
          .thenCompose(loaded -> storeLoaded(loaded, false).thenApply(ignored -> {
            found.putAll(loaded);
            return found;
          }));
    });
    return start == 0 ? result : result.whenComplete((v, e) -> stats.recordGetTime(start));
  }

  /** {@code containsKey}: one read; no statistics, no expiry-policy call, no loading. */
  public CompletableFuture<Boolean> containsKey(K key) {
    Object storeKey = keys.encode(key);
    return then(store.get(storeKey), raw -> {
      if (raw == null) {
        return CompletableFuture.completedFuture(false);
      }
      if (!raw.isExpiredAt(clock.millis())) {
        return CompletableFuture.completedFuture(true);
      }
      return expire(key, storeKey, raw).thenApply(ignored -> false);
    });
  }

  /** {@code loadAll} without its completion listener: completes when the values are stored. */
  public CompletableFuture<Void> loadAll(Set<? extends K> requested, boolean replaceExisting) {
    if (!loader.exists()) {
      return done();
    }
    List<K> keyList = new ArrayList<>(requested);
    CompletableFuture<List<K>> toLoad;
    if (replaceExisting) {
      toLoad = CompletableFuture.completedFuture(keyList);
    } else {
      List<Object> storeKeys = new ArrayList<>(keyList.size());
      for (K key : keyList) {
        storeKeys.add(keys.encode(key));
      }
      toLoad = store.getAll(storeKeys).thenApply(entries -> {
        long now = clock.millis();
        List<K> absent = new ArrayList<>();
        for (int i = 0; i < keyList.size(); i++) {
          StoreEntry<Object> raw = entries.get(i);
          if (raw == null || raw.isExpiredAt(now)) {
            absent.add(keyList.get(i));
          }
        }
        return absent;
      });
    }
    return toLoad.thenComposeAsync(missing -> {
      Map<K, V> loaded = loader.loadAll(missing);
      return storeLoaded(loaded, replaceExisting);
    }, executor);
  }

  /** One page of live entries for the iterator: keys decoded, values read in one bulk read. */
  public CompletableFuture<KeyPage<Object>> keyPage(Object cursor, int limit) {
    return store.keys(cursor, limit);
  }

  /** {@code clear}: empties the store; no events, no statistics, no writer. */
  public CompletableFuture<Void> clear() {
    return store.clear();
  }

  static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  /** The keys of every live entry, for {@code removeAll()}. */
  public CompletableFuture<Set<K>> liveKeys() {
    Set<K> result = new HashSet<>();
    return collectKeys(null, result).thenApply(ignored -> result);
  }

  private CompletableFuture<Void> collectKeys(Object cursor, Set<K> into) {
    return store.keys(cursor, 1000).thenCompose(page -> {
      List<Object> storeKeys = page.keys();
      return store.getAll(storeKeys).thenCompose(entries -> {
        long now = clock.millis();
        for (int i = 0; i < storeKeys.size(); i++) {
          StoreEntry<Object> raw = entries.get(i);
          if (raw != null && !raw.isExpiredAt(now)) {
            into.add(key(storeKeys.get(i)));
          }
        }
        return page.isLast() ? done() : collectKeys(page.next(), into);
      });
    });
  }

  final void checkNotNull(Object o, String what) {
    Objects.requireNonNull(o, what);
  }
}
