package io.polycache.provider.internal;

import io.polycache.provider.event.EntryEvent;
import io.polycache.provider.expiry.ExpiryCalculator;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Mutations in one store command, for remote stores: instead of read + compare-and-set (two
 * round trips), the core hands the store everything it needs to decide on its side (the
 * creation and the update expiry) and builds statistics and events from the entry the store
 * returns. This needs an expiry policy whose answers are fixed (a JCache standard policy, see
 * {@link ExpiryCalculator#isPure()}); a custom policy keeps the exact call accounting of the
 * compare-and-set path. Operations whose writer call depends on the entry existing
 * ({@code putIfAbsent}, {@code replace}) take this path only without a writer.
 */
final class SingleStep<K, V> {

  private final CacheCore<K, V> core;

  SingleStep(CacheCore<K, V> core) {
    this.core = core;
  }

  /** Whether writes may take this path. */
  boolean applies() {
    return !core.store.isLocal() && core.expiry.isPure();
  }

  /** Whether removes may take this path (no expiry policy call is involved). */
  boolean appliesToRemoves() {
    return !core.store.isLocal();
  }

  /** Whether the store holds only live entries, so a plain remove or add answers correctly. */
  private boolean exactLiveness() {
    return core.expiry.isEternal() || core.store.expiresExactly();
  }

  private long createAt(Duration ttl, long now) {
    return ttl != null ? Writes.ttlExpiry(ttl, now) : core.expiry.forCreation(now);
  }

  private long updateAt(Duration ttl, long now) {
    if (ttl != null) {
      return Writes.ttlExpiry(ttl, now);
    }
    if (core.expiry.isEternal()) {
      return StoreEntry.ETERNAL;
    }
    long at = core.expiry.forUpdate(now);
    return at == ExpiryCalculator.UNCHANGED ? Store.KEEP_EXPIRY : at;
  }

  /** Applies one outcome: statistics now, listeners off the I/O thread. */
  private <T, R> CompletableFuture<R> finish(CompletableFuture<T> stored,
      Function<T, Outcome<K, V, R>> outcome) {
    if (!core.listening()) {
      return stored.thenApply(t -> {
        Outcome<K, V, R> o = outcome.apply(t);
        core.stats.record(o.hits, o.misses, o.puts, o.removals);
        return o.result;
      });
    }
    Function<T, R> complete = t -> {
      Outcome<K, V, R> o = outcome.apply(t);
      core.stats.record(o.hits, o.misses, o.puts, o.removals);
      if (o.event != null) {
        core.events.dispatch(List.of(o.event));
      }
      return o.result;
    };
    return stored.isDone() ? stored.thenApply(complete)
        : stored.thenApplyAsync(complete, core.executor);
  }

  /** What one single-step operation did. */
  private static final class Outcome<K, V, R> {
    int hits;
    int misses;
    int puts;
    int removals;
    EntryEvent<K, V> event;
    R result;
  }

  private boolean live(StoreEntry<Object> entry, long now) {
    return entry != null && !entry.isExpiredAt(now);
  }

  /**
   * {@code put} ({@code returnOld} false) and {@code getAndPut} (true): the writer first, then
   * one write. Without listeners, when creation and update expire alike, a blind write.
   */
  CompletableFuture<V> put(K key, Object storeKey, V value, Object storeValue, Duration ttl,
      boolean returnOld) {
    core.writer.write(key, value);
    return store(key, storeKey, value, storeValue, ttl, returnOld);
  }

  private CompletableFuture<V> store(K key, Object storeKey, V value, Object storeValue,
      Duration ttl, boolean returnOld) {
    long now = core.clock.millis();
    long createAt = createAt(ttl, now);
    long updateAt = updateAt(ttl, now);
    if (!returnOld && !core.listening() && createAt == updateAt) {
      if (!core.stats.isEnabled()) {
        // nothing to count and the result is null either way: the store's own future will do
        @SuppressWarnings("unchecked")
        CompletableFuture<V> written = (CompletableFuture<V>) (CompletableFuture<?>)
            core.store.write(storeKey, storeValue, createAt);
        return written;
      }
      return finish(core.store.write(storeKey, storeValue, createAt), ignored -> {
        Outcome<K, V, V> o = new Outcome<>();
        o.puts = createAt > now ? 1 : 0;
        return o;
      });
    }
    return finish(core.store.getAndPut(storeKey, storeValue, createAt, updateAt, now), old -> {
      Outcome<K, V, V> o = new Outcome<>();
      if (live(old, now)) {
        V previous = returnOld || core.listening() ? core.value(old, key) : null;
        o.hits = returnOld ? 1 : 0;
        o.puts = 1;
        o.result = returnOld ? previous : null;
        if (core.listening()) {
          o.event = EntryEvent.updated(core.cache, key, value, previous);
        }
      } else {
        o.misses = returnOld ? 1 : 0;
        if (createAt > now) {
          o.puts = 1;
          if (core.listening()) {
            o.event = EntryEvent.created(core.cache, key, value);
          }
        }
      }
      return o;
    });
  }

  /** One entry of {@code putAll}, whose writer call {@code writeAll} already made. */
  CompletableFuture<Void> putWritten(K key, Object storeKey, V value, Object storeValue,
      Duration ttl) {
    return store(key, storeKey, value, storeValue, ttl, false).thenApply(ignored -> null);
  }

  /** {@code remove(key)}: the writer first, then one remove. */
  CompletableFuture<Boolean> remove(K key, Object storeKey) {
    core.writer.delete(key);
    if (!core.listening() && exactLiveness()) {
      return finish(core.store.remove(storeKey), removed -> {
        Outcome<K, V, Boolean> o = new Outcome<>();
        o.removals = removed ? 1 : 0;
        o.result = removed;
        return o;
      });
    }
    long now = core.clock.millis();
    return finish(core.store.getAndRemove(storeKey), old -> {
      Outcome<K, V, Boolean> o = new Outcome<>();
      o.result = live(old, now);
      if (o.result) {
        o.removals = 1;
        if (core.listening()) {
          o.event = EntryEvent.removed(core.cache, key, core.value(old, key));
        }
      }
      return o;
    });
  }

  /** {@code getAndRemove}: the writer first, then one remove that returns the entry. */
  CompletableFuture<V> getAndRemove(K key, Object storeKey) {
    core.writer.delete(key);
    long now = core.clock.millis();
    return finish(core.store.getAndRemove(storeKey), old -> {
      Outcome<K, V, V> o = new Outcome<>();
      if (live(old, now)) {
        o.hits = 1;
        o.removals = 1;
        o.result = core.value(old, key);
        if (core.listening()) {
          o.event = EntryEvent.removed(core.cache, key, o.result);
        }
      } else {
        o.misses = 1;
      }
      return o;
    });
  }

  /**
   * Whether {@code putIfAbsent} may take this path: no writer (it must be called only when the
   * key is absent), a store that holds only live entries, and an entry that would be stored.
   */
  boolean appliesToPutIfAbsent(Duration ttl) {
    if (!applies() || core.writer.isActive() || !exactLiveness()) {
      return false;
    }
    return ttl != null ? !ttl.isZero() : core.expiry.isEternal()
        || core.expiry.policy().getExpiryForCreation() != null
        && !core.expiry.policy().getExpiryForCreation().isZero();
  }

  /** {@code putIfAbsent}: one write-if-absent. */
  CompletableFuture<Boolean> putIfAbsent(K key, Object storeKey, V value, Object storeValue,
      Duration ttl) {
    long now = core.clock.millis();
    long createAt = createAt(ttl, now);
    return finish(core.store.putIfAbsent(storeKey, storeValue, createAt), written -> {
      Outcome<K, V, Boolean> o = new Outcome<>();
      o.result = written;
      if (written) {
        o.misses = 1;
        o.puts = 1;
        if (core.listening()) {
          o.event = EntryEvent.created(core.cache, key, value);
        }
      } else {
        o.hits = 1;
      }
      return o;
    });
  }

  /** Whether {@code replace(k, v)} and {@code getAndReplace} may take this path. */
  boolean appliesToReplace() {
    return applies() && !core.writer.isActive();
  }

  /**
   * {@code replace(k, v)} ({@code returnOld} false: completes with whether it replaced) and
   * {@code getAndReplace} (true: completes with the old value): one write-if-present.
   */
  <R> CompletableFuture<R> replace(K key, Object storeKey, V value, Object storeValue,
      Duration ttl, boolean returnOld) {
    long now = core.clock.millis();
    long updateAt = updateAt(ttl, now);
    return finish(core.store.getAndReplace(storeKey, storeValue, updateAt, now), old -> {
      Outcome<K, V, R> o = new Outcome<>();
      boolean replaced = live(old, now);
      V previous = replaced && (returnOld || core.listening())
          ? core.value(old, key) : null;
      @SuppressWarnings("unchecked")
      R result = (R) (returnOld ? previous : Boolean.valueOf(replaced));
      o.result = result;
      if (replaced) {
        o.hits = 1;
        o.puts = 1;
        if (core.listening()) {
          o.event = EntryEvent.updated(core.cache, key, value, previous);
        }
      } else {
        o.misses = 1;
      }
      return o;
    });
  }
}
