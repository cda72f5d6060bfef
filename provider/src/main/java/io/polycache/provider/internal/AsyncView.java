package io.polycache.provider.internal;

import io.polycache.async.AsyncCache;
import io.polycache.async.CacheOperation;
import io.polycache.async.KeyExistsException;
import io.polycache.provider.plugin.PluginChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * The {@link AsyncCache} of a {@link PolycacheCache}: the same core operations the synchronous
 * API waits on, returned as futures. Argument and state checks fail the future instead of
 * throwing. Each public operation runs the cache's plugins exactly once around itself (when it
 * has any); operations built on others call the unobserved forms, never the public ones.
 */
final class AsyncView<K, V> implements AsyncCache<K, V> {

  private final PolycacheCache<K, V> cache;
  private final CacheCore<K, V> core;
  private final Writes<K, V> writes;
  private final PluginChain plugins;

  AsyncView(PolycacheCache<K, V> cache, CacheCore<K, V> core, Writes<K, V> writes,
      PluginChain plugins) {
    this.cache = cache;
    this.core = core;
    this.writes = writes;
    this.plugins = plugins;
  }

  /**
   * Runs the checks, then the operation between the plugins' hooks; a check that throws fails
   * the returned future (and reaches no plugin).
   *
   * @param keys the key, the keys or {@code null}, as {@link PluginChain#async} takes them
   */
  private <T> CompletableFuture<T> call(CacheOperation operation, Object keys, Runnable checks,
      Supplier<CompletableFuture<T>> op) {
    try {
      cache.ensureOpen();
      checks.run();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return dispatch(operation, keys, op);
  }

  /** Runs an operation whose arguments are checked, through the plugins if there are any. */
  private <T> CompletableFuture<T> dispatch(CacheOperation operation, Object keys,
      Supplier<CompletableFuture<T>> op) {
    return plugins == null ? translated(op) : plugins.async(operation, true, keys,
        () -> translated(op));
  }

  private <T> CompletableFuture<T> translated(Supplier<CompletableFuture<T>> op) {
    try {
      return op.get().handle((result, failure) -> {
        if (failure != null) {
          throw Futures.translate(failure, cache.getName());
        }
        return result;
      });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<V> get(K key) {
    return call(CacheOperation.GET, key, () -> cache.checkKey(key), () -> core.get(key));
  }

  @Override
  public CompletableFuture<Map<K, V>> getAll(Set<? extends K> keys) {
    List<K> keyList;
    try {
      cache.ensureOpen();
      keyList = cache.checkedKeys(keys);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return dispatch(CacheOperation.GET_ALL, keys, () -> core.getAll(keyList));
  }

  @Override
  public CompletableFuture<Boolean> containsKey(K key) {
    return call(CacheOperation.CONTAINS_KEY, key, () -> cache.checkKey(key),
        () -> core.containsKey(key));
  }

  @Override
  public CompletableFuture<Void> loadAll(Set<? extends K> keys, boolean replaceExistingValues) {
    return call(CacheOperation.LOAD_ALL, keys, () -> cache.checkKeys(keys),
        () -> core.loadAll(keys, replaceExistingValues));
  }

  @Override
  public CompletableFuture<Void> put(K key, V value) {
    return put(key, value, null);
  }

  @Override
  public CompletableFuture<Void> put(K key, V value, Duration ttl) {
    return call(CacheOperation.PUT, key, () -> checkEntry(key, value),
        () -> writes.put(key, value, ttl));
  }

  @Override
  public CompletableFuture<V> getAndPut(K key, V value) {
    return getAndPut(key, value, null);
  }

  @Override
  public CompletableFuture<V> getAndPut(K key, V value, Duration ttl) {
    return call(CacheOperation.GET_AND_PUT, key, () -> checkEntry(key, value),
        () -> writes.getAndPut(key, value, ttl));
  }

  @Override
  public CompletableFuture<Void> putAll(Map<? extends K, ? extends V> entries) {
    return putAll(entries, null);
  }

  @Override
  public CompletableFuture<Void> putAll(Map<? extends K, ? extends V> entries, Duration ttl) {
    return call(CacheOperation.PUT_ALL, entries == null ? null : entries.keySet(), () -> {
      Objects.requireNonNull(entries, "entries");
      entries.forEach(this::checkEntry);
    }, () -> writes.putAll(entries, ttl));
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsent(K key, V value) {
    return putIfAbsent(key, value, null);
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsent(K key, V value, Duration ttl) {
    return call(CacheOperation.PUT_IF_ABSENT, key, () -> checkEntry(key, value),
        () -> writes.putIfAbsent(key, value, ttl));
  }

  @Override
  public CompletableFuture<Void> add(K key, V value, Duration ttl) {
    return call(CacheOperation.ADD, key, () -> checkEntry(key, value),
        () -> writes.putIfAbsent(key, value, ttl).thenApply(written -> {
          if (!written) {
            throw new KeyExistsException("Cache " + cache.getName() + ": add found an entry"
                + " under " + key + "; nothing was written");
          }
          return null;
        }));
  }

  @Override
  public CompletableFuture<Boolean> remove(K key) {
    return call(CacheOperation.REMOVE, key, () -> cache.checkKey(key), () -> writes.remove(key));
  }

  @Override
  public CompletableFuture<Boolean> remove(K key, V oldValue) {
    return call(CacheOperation.REMOVE_IF_EQUAL, key, () -> checkEntry(key, oldValue),
        () -> writes.remove(key, oldValue));
  }

  @Override
  public CompletableFuture<V> getAndRemove(K key) {
    return call(CacheOperation.GET_AND_REMOVE, key, () -> cache.checkKey(key),
        () -> writes.getAndRemove(key));
  }

  @Override
  public CompletableFuture<Boolean> replace(K key, V oldValue, V newValue) {
    return call(CacheOperation.REPLACE_IF_EQUAL, key, () -> {
      checkEntry(key, oldValue);
      cache.checkValue(newValue);
    }, () -> writes.replace(key, oldValue, newValue));
  }

  @Override
  public CompletableFuture<Boolean> replace(K key, V value) {
    return replace(key, value, (Duration) null);
  }

  @Override
  public CompletableFuture<Boolean> replace(K key, V value, Duration ttl) {
    return call(CacheOperation.REPLACE, key, () -> checkEntry(key, value),
        () -> writes.replaceExisting(key, value, ttl));
  }

  @Override
  public CompletableFuture<V> getAndReplace(K key, V value) {
    return call(CacheOperation.GET_AND_REPLACE, key, () -> checkEntry(key, value),
        () -> writes.getAndReplace(key, value));
  }

  @Override
  public CompletableFuture<Void> removeAll(Set<? extends K> keys) {
    return call(CacheOperation.REMOVE_ALL, keys, () -> cache.checkKeys(keys),
        () -> writes.removeAll(keys).thenApply(count -> (Void) null));
  }

  @Override
  public CompletableFuture<Void> removeAll() {
    return call(CacheOperation.REMOVE_ALL_ENTRIES, null, () -> { },
        () -> writes.removeAll().thenApply(count -> (Void) null));
  }

  @Override
  public CompletableFuture<Integer> removeByPrefix(String prefix) {
    return call(CacheOperation.REMOVE_BY_PREFIX, null,
        () -> Objects.requireNonNull(prefix, "prefix"), () -> writes.removeByPrefix(prefix));
  }

  @Override
  public CompletableFuture<Void> clear() {
    return call(CacheOperation.CLEAR, null, () -> { }, core::clear);
  }

  @Override
  public <T> CompletableFuture<T> invoke(K key, EntryProcessor<K, V, T> entryProcessor,
      Object... arguments) {
    return call(CacheOperation.INVOKE, key, () -> {
      cache.checkKey(key);
      Objects.requireNonNull(entryProcessor, "entryProcessor");
    }, () -> invokeOne(key, entryProcessor, arguments));
  }

  /** One key's invoke, with the spec's exceptions, for {@link #invoke} and {@link #invokeAll}. */
  private <T> CompletableFuture<T> invokeOne(K key, EntryProcessor<K, V, T> entryProcessor,
      Object... arguments) {
    return writes.invoke(key, entry -> PolycacheCache.process(entryProcessor, entry, arguments))
        .handle((result, failure) -> {
          if (failure == null) {
            return result;
          }
          Throwable t = Futures.translate(failure, cache.getName());
          if (t instanceof EntryProcessorException) {
            throw (EntryProcessorException) t;
          }
          if (t instanceof IllegalStateException || t instanceof NullPointerException
              || t instanceof ClassCastException) {
            throw (RuntimeException) t;
          }
          throw new EntryProcessorException(t);
        });
  }

  @Override
  public <T> CompletableFuture<Map<K, EntryProcessorResult<T>>> invokeAll(Set<? extends K> keys,
      EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
    return call(CacheOperation.INVOKE_ALL, keys, () -> {
      cache.checkKeys(keys);
      Objects.requireNonNull(entryProcessor, "entryProcessor");
    }, () -> invokeEach(keys, entryProcessor, arguments));
  }

  private <T> CompletableFuture<Map<K, EntryProcessorResult<T>>> invokeEach(
      Set<? extends K> keys, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
    List<K> keyList = new ArrayList<>(new LinkedHashSet<K>(keys));
    List<CompletableFuture<T>> results = new ArrayList<>(keyList.size());
    for (K key : keyList) {
      CompletableFuture<T> one;
      try {
        one = invokeOne(key, entryProcessor, arguments);
      } catch (RuntimeException e) {
        one = CompletableFuture.failedFuture(e);
      }
      results.add(one);
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .handle((ignored, failure) -> {
          Map<K, EntryProcessorResult<T>> map = new HashMap<>();
          for (int i = 0; i < keyList.size(); i++) {
            CompletableFuture<T> one = results.get(i);
            if (!one.isCompletedExceptionally()) {
              T value = one.join();
              if (value != null) {
                map.put(keyList.get(i), () -> value);
              }
              continue;
            }
            Throwable t = Futures.unwrap(one.handle((v, e) -> e).join());
            EntryProcessorException e = t instanceof EntryProcessorException
                ? (EntryProcessorException) t : new EntryProcessorException(t);
            map.put(keyList.get(i), () -> {
              throw e;
            });
          }
          return map;
        });
  }

  @Override
  public CompletableFuture<Long> increment(K key, long delta) {
    return call(CacheOperation.INCREMENT, key, () -> cache.checkKey(key),
        () -> writes.increment(key, delta, cache.valueType()));
  }

  @Override
  public CompletableFuture<Boolean> expire(K key, Duration ttl) {
    return call(CacheOperation.EXPIRE, key, () -> cache.checkKey(key),
        () -> writes.expire(key, ttl));
  }

  @Override
  public Cache<K, V> synchronous() {
    return cache;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    return cache.unwrapNative(clazz);
  }

  private void checkEntry(K key, V value) {
    cache.checkKey(key);
    cache.checkValue(value);
  }
}
