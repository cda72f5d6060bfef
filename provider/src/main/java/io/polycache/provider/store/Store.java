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

  /** Releases the store's resources; does not remove entries. */
  @Override
  void close();
}
