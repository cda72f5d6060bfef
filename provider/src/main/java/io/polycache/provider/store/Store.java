package io.polycache.provider.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The backend contract: one store holds the entries of one cache. It stores values with an
 * absolute expiry time and a version; every JCache semantic (expiry policies, events, loaders,
 * writers, statistics) lives in the cache core above it, written once for all backends.
 *
 * <p>All operations are asynchronous and take no null arguments. Futures complete exceptionally
 * with a {@link StoreException} when the backend fails. A remote store completes its futures on
 * its I/O threads, so callers must not block in dependent stages; an in-process store completes
 * them before returning.
 *
 * <p>Conditional operations compare the {@link StoreEntry#version() version} of the entry the
 * caller read, so the core can build any atomic read-modify-write as read + compare-and-set.
 *
 * @param <K> the store's key representation
 * @param <V> the store's value representation
 */
public interface Store<K, V> extends AutoCloseable {

  /** Reads one entry; completes with {@code null} when absent. */
  CompletableFuture<StoreEntry<V>> get(K key);

  /**
   * Reads many entries in as few round trips as the backend allows. The result is aligned with
   * {@code keys}: element {@code i} is the entry of {@code keys.get(i)}, or {@code null}.
   */
  CompletableFuture<List<StoreEntry<V>>> getAll(List<K> keys);

  /** Writes unconditionally; completes with whether the entry was created or replaced. */
  CompletableFuture<WriteStatus> put(K key, V value, long expireAt);

  /** Writes only when no entry exists; completes with {@code true} when it wrote. */
  CompletableFuture<Boolean> putIfAbsent(K key, V value, long expireAt);

  /** Writes only when the entry's version is still {@code version}; completes with success. */
  CompletableFuture<Boolean> replace(K key, Object version, V value, long expireAt);

  /**
   * Writes unconditionally and returns the entry it replaced ({@code null} when none), in one
   * atomic step.
   */
  CompletableFuture<StoreEntry<V>> getAndPut(K key, V value, long expireAt);

  /** Removes the entry; completes with whether one was there. */
  CompletableFuture<Boolean> remove(K key);

  /** Removes the entry only when its version is still {@code version}. */
  CompletableFuture<Boolean> remove(K key, Object version);

  /** Changes the expiry time of the entry only when its version is still {@code version}. */
  CompletableFuture<Boolean> touch(K key, Object version, long expireAt);

  /**
   * The expiry time, for {@link #getAndPut(Object, Object, long, long, long)} and
   * {@link #getAndReplace}, that means "keep the entry's current expiry".
   */
  long KEEP_EXPIRY = Long.MIN_VALUE;

  /**
   * Writes unconditionally, reporting nothing back: the cheapest write (one command on every
   * backend). An {@code expireAt} not after now removes the entry instead.
   */
  default CompletableFuture<Void> write(K key, V value, long expireAt) {
    return put(key, value, expireAt).thenApply(status -> null);
  }

  /**
   * Writes unconditionally in one atomic step and returns the entry it replaced ({@code null}
   * when none). The new entry expires at {@code createExpireAt} when there was no live entry,
   * else at {@code updateExpireAt} ({@link #KEEP_EXPIRY}: the replaced entry's expiry); an
   * expiry not after {@code now} removes the entry instead of writing it.
   *
   * <p>The default is read + compare-and-set, retried on conflict; stores that can do it in one
   * command override it.
   */
  default CompletableFuture<StoreEntry<V>> getAndPut(K key, V value, long createExpireAt,
      long updateExpireAt, long now) {
    return get(key).thenCompose(old -> {
      boolean live = old != null && !old.isExpiredAt(now);
      long at = !live ? createExpireAt
          : updateExpireAt == KEEP_EXPIRY ? old.expireAt() : updateExpireAt;
      CompletableFuture<Boolean> done;
      if (at <= now) {
        done = old == null ? CompletableFuture.completedFuture(true) : remove(key, old.version());
      } else {
        done = old == null ? putIfAbsent(key, value, at) : replace(key, old.version(), value, at);
      }
      return done.thenCompose(ok -> ok ? CompletableFuture.completedFuture(old)
          : getAndPut(key, value, createExpireAt, updateExpireAt, now));
    });
  }

  /**
   * Writes only when a live entry exists, in one atomic step, and returns that entry
   * ({@code null}: nothing was written). The entry then expires at {@code updateExpireAt}
   * ({@link #KEEP_EXPIRY}: unchanged); an expiry not after {@code now} removes it instead.
   */
  default CompletableFuture<StoreEntry<V>> getAndReplace(K key, V value, long updateExpireAt,
      long now) {
    return get(key).thenCompose(old -> {
      if (old == null || old.isExpiredAt(now)) {
        return CompletableFuture.completedFuture(null);
      }
      long at = updateExpireAt == KEEP_EXPIRY ? old.expireAt() : updateExpireAt;
      CompletableFuture<Boolean> done = at <= now ? remove(key, old.version())
          : replace(key, old.version(), value, at);
      return done.thenCompose(ok -> ok ? CompletableFuture.completedFuture(old)
          : getAndReplace(key, value, updateExpireAt, now));
    });
  }

  /**
   * Removes the entry in one atomic step and returns it ({@code null} when there was none; it
   * may have expired, which the caller checks).
   */
  default CompletableFuture<StoreEntry<V>> getAndRemove(K key) {
    return get(key).thenCompose(old -> old == null ? CompletableFuture.completedFuture(null)
        : remove(key, old.version()).thenCompose(ok -> ok
            ? CompletableFuture.completedFuture(old) : getAndRemove(key)));
  }

  /**
   * Whether an entry this store holds is live: the backend expires entries itself at their
   * expiry time, to the millisecond (Redis), so a plain {@link #remove(Object)} or
   * {@link #putIfAbsent} sees only live entries. Memcached's whole-second expiry is not exact.
   */
  default boolean expiresExactly() {
    return false;
  }

  /**
   * Lists this cache's keys a page at a time: pass {@code null} to start, then the previous
   * page's {@link KeyPage#next()}. Keys written during the walk may or may not appear; a key
   * present for the whole walk appears at least once.
   */
  CompletableFuture<KeyPage<K>> keys(Object cursor, int limit);

  /** Removes every entry of this cache, and nothing else on the backend. */
  CompletableFuture<Void> clear();

  /**
   * Whether this store lives in the caller's process and can run {@link #compute} atomically on
   * the caller's thread. Remote stores answer {@code false}; the core then builds atomic updates
   * from {@link #get} and the conditional writes.
   */
  default boolean isLocal() {
    return false;
  }

  /**
   * Atomically applies {@code update} to the entry of {@code key} ({@code null} when absent) and
   * carries out the {@link Change} it returns. Only for {@link #isLocal() local} stores;
   * {@code update} runs exactly once, under the store's per-key lock, on the caller's thread.
   *
   * @return the entry after the change, or {@code null} when there is none
   */
  default StoreEntry<V> compute(K key, Function<StoreEntry<V>, Change<V>> update) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is not a local store");
  }

  /**
   * Reads one entry without a future: only for {@link #isLocal() local} stores, whose reads
   * never wait. The core's synchronous fast path for memory uses it.
   */
  default StoreEntry<V> getNow(K key) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is not a local store");
  }

  /**
   * Writes one entry without a future: only for {@link #isLocal() local} stores. The core's
   * synchronous put takes this path when there is nothing to decide (every entry eternal, no
   * writer, no listener).
   */
  default void putNow(K key, V value, long expireAt) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is not a local store");
  }

  /** Releases the store's resources; does not remove entries. */
  @Override
  void close();
}
