package io.polycache.async;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;

/**
 * The asynchronous view of a {@link Cache}: a {@link CompletableFuture} twin of every cache
 * operation, with the same semantics as its synchronous twin (expiry policy, events, loader,
 * writer, statistics), plus what the standard lacks: a time-to-live per call, counters, changing
 * one entry's expiry, and removal by key prefix.
 *
 * <p>Obtain it with {@code cache.unwrap(AsyncCache.class)}; {@link #synchronous()} leads back.
 *
 * <p><b>Threads.</b> No method blocks. On Redis and Memcached a future completes on the client's
 * I/O thread; user code (loaders, writers, listeners, entry processors) runs on the cache's
 * executor, never on an I/O thread. Dependent stages you attach without an executor run on the
 * completing thread: keep them short, or use the {@code *Async} methods of the future. On the
 * memory backend futures complete before the method returns.
 *
 * <p><b>Failures.</b> Futures complete exceptionally with the exceptions the synchronous twin
 * throws ({@code NullPointerException} for null arguments, {@code IllegalStateException} for a
 * closed cache, {@code CacheException} and its subtypes otherwise); argument checks fail the
 * future rather than throw. A future does not time out by itself: apply
 * {@link CompletableFuture#orTimeout} where a bound is needed (the synchronous API applies the
 * cache's operation timeout).
 *
 * <p><b>Cost.</b> Each operation costs what its synchronous twin costs: one command per key
 * operation on Redis and Memcached where the backend allows, one round trip for bulk reads.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface AsyncCache<K, V> {

  /** See {@link Cache#get}. */
  CompletableFuture<V> get(K key);

  /** See {@link Cache#getAll}. */
  CompletableFuture<Map<K, V>> getAll(Set<? extends K> keys);

  /** See {@link Cache#containsKey}. */
  CompletableFuture<Boolean> containsKey(K key);

  /**
   * See {@link Cache#loadAll}: completes when the values are loaded, instead of calling a
   * {@code CompletionListener}.
   */
  CompletableFuture<Void> loadAll(Set<? extends K> keys, boolean replaceExistingValues);

  /** See {@link Cache#put}. */
  CompletableFuture<Void> put(K key, V value);

  /**
   * Puts with a time-to-live for this write, in place of the expiry policy's duration: the entry
   * expires {@code ttl} after this write (a zero {@code ttl} removes it at once).
   */
  CompletableFuture<Void> put(K key, V value, Duration ttl);

  /** See {@link Cache#getAndPut}. */
  CompletableFuture<V> getAndPut(K key, V value);

  /** {@link #getAndPut(Object, Object)} with a time-to-live for this write. */
  CompletableFuture<V> getAndPut(K key, V value, Duration ttl);

  /** See {@link Cache#putAll}. */
  CompletableFuture<Void> putAll(Map<? extends K, ? extends V> entries);

  /** {@link #putAll(Map)} with one time-to-live for every entry written. */
  CompletableFuture<Void> putAll(Map<? extends K, ? extends V> entries, Duration ttl);

  /** See {@link Cache#putIfAbsent}. */
  CompletableFuture<Boolean> putIfAbsent(K key, V value);

  /** {@link #putIfAbsent(Object, Object)} with a time-to-live for the entry it creates. */
  CompletableFuture<Boolean> putIfAbsent(K key, V value, Duration ttl);

  /**
   * Writes only when the key is absent, and fails otherwise: completes exceptionally with
   * {@link KeyExistsException} when an entry exists (aiocache's {@code add}).
   *
   * @param ttl the time-to-live of the entry, or {@code null} for the expiry policy's
   */
  CompletableFuture<Void> add(K key, V value, Duration ttl);

  /** See {@link Cache#remove(Object)}. */
  CompletableFuture<Boolean> remove(K key);

  /** See {@link Cache#remove(Object, Object)}. */
  CompletableFuture<Boolean> remove(K key, V oldValue);

  /** See {@link Cache#getAndRemove}. */
  CompletableFuture<V> getAndRemove(K key);

  /** See {@link Cache#replace(Object, Object, Object)}. */
  CompletableFuture<Boolean> replace(K key, V oldValue, V newValue);

  /** See {@link Cache#replace(Object, Object)}. */
  CompletableFuture<Boolean> replace(K key, V value);

  /** {@link #replace(Object, Object)} with a time-to-live for this write. */
  CompletableFuture<Boolean> replace(K key, V value, Duration ttl);

  /** See {@link Cache#getAndReplace}. */
  CompletableFuture<V> getAndReplace(K key, V value);

  /** See {@link Cache#removeAll(Set)}. */
  CompletableFuture<Void> removeAll(Set<? extends K> keys);

  /** See {@link Cache#removeAll()}. */
  CompletableFuture<Void> removeAll();

  /**
   * Removes every entry whose key, as text ({@code String.valueOf(key)}), starts with
   * {@code prefix}, with the writer, events and statistics of {@link #removeAll(Set)}; completes
   * with how many entries it removed. Walks the cache's keys (a scan on remote backends).
   */
  CompletableFuture<Integer> removeByPrefix(String prefix);

  /** See {@link Cache#clear}. */
  CompletableFuture<Void> clear();

  /** See {@link Cache#invoke}: the processor runs atomically, on the cache's executor. */
  <T> CompletableFuture<T> invoke(K key, EntryProcessor<K, V, T> entryProcessor,
      Object... arguments);

  /** See {@link Cache#invokeAll}. */
  <T> CompletableFuture<Map<K, EntryProcessorResult<T>>> invokeAll(Set<? extends K> keys,
      EntryProcessor<K, V, T> entryProcessor, Object... arguments);

  /**
   * Adds {@code delta} to the number stored under {@code key}, atomically, creating it with
   * {@code delta} when absent; completes with the new number. The cache's values must be
   * {@code Long}, {@code Integer} or {@code Object} holding numbers; anything else fails the
   * future with a {@code ClassCastException} naming the cache.
   */
  CompletableFuture<Long> increment(K key, long delta);

  /**
   * Sets the time-to-live of one existing entry, counted from now ({@code null}: never expires;
   * zero: expires at once); completes with {@code false} when there is no entry.
   */
  CompletableFuture<Boolean> expire(K key, Duration ttl);

  /** The synchronous {@link Cache} this view belongs to. */
  Cache<K, V> synchronous();

  /**
   * The native client behind the cache, for commands this API does not cover: the Lettuce
   * connection on Redis, the {@code MemcachedClient} on Memcached.
   *
   * @throws IllegalArgumentException when the backend has no object of that type
   */
  <T> T unwrap(Class<T> clazz);
}
