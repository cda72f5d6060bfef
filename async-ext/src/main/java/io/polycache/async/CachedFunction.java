package io.polycache.async;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.cache.configuration.Configuration;

/**
 * A function whose results are kept in an {@link AsyncCache} (aiocache's {@code cached}
 * decorator), with stampede protection: concurrent misses for one key in this JVM make one call,
 * and with a {@linkplain Builder#lock lease lock}, one call across JVMs.
 *
 * <pre>{@code
 * CachedFunction<Long, Order> find = CachedFunction.builder(orders)   // AsyncCache<String, Order>
 *     .name("OrderService.find")                                     // keys: OrderService.find(42)
 *     .ttl(Duration.ofMinutes(5))
 *     .skipCache(order -> order.isDraft())
 *     .asyncFunction(orderService::find);                            // Long -> CompletableFuture<Order>
 * find.apply(42L).thenAccept(...);
 * }</pre>
 *
 * <p><b>A call</b> reads the key (one {@code get}). On a hit it completes with the cached value.
 * On a miss, the first caller in this JVM becomes the key's leader; callers arriving while it
 * runs wait for its outcome and share it, failures included. The leader reads once more
 * (another caller may have stored the value just before: one extra read per miss), calls the
 * function, writes its result with the time-to-live ({@code put(key, value, ttl)}) and then
 * completes every waiting caller. With a lock, the leader first takes a lease lock: see
 * {@link Builder#lock}.
 *
 * <p><b>Nulls.</b> A {@code null} result is returned to the caller but never cached (a JCache
 * cannot store {@code null}), so the next call runs the function again. Cache a placeholder
 * value (an empty {@code Optional}-like object of the cache's value type) if absent results
 * are expensive.
 *
 * <p><b>Failures.</b> A failing function fails the call of every caller waiting for it; nothing
 * is stored. A future that never completes keeps its key's callers waiting: bound slow functions
 * with {@link CompletableFuture#orTimeout}. A cache that fails or does not answer within {@link Builder#cacheTimeout} is
 * logged and treated as a miss (reads) or skipped (writes): the function still answers.
 *
 * <p><b>Threads.</b> The function runs on the calling thread when the cache answered at once
 * (the memory backend), otherwise on the {@linkplain Builder#executor executor}, never on a
 * cache I/O thread. The blocking variants ({@link Builder#function} and friends) always run the
 * function on the calling thread, which waits anyway.
 *
 * @param <A> the argument type
 * @param <R> the result type
 */
public final class CachedFunction<A, R> implements Function<A, CompletableFuture<R>> {

  private final Function<A, CompletableFuture<R>> call;
  private final Function<A, CompletableFuture<Boolean>> invalidation;
  private final Function<A, Object> key;

  private CachedFunction(Function<A, CompletableFuture<R>> call,
      Function<A, CompletableFuture<Boolean>> invalidation, Function<A, Object> key) {
    this.call = call;
    this.invalidation = invalidation;
    this.key = key;
  }

  /** Starts a cached function on {@code cache}; the builder can make several functions. */
  public static <K, V> Builder<K, V> builder(AsyncCache<K, V> cache) {
    return new Builder<>(Objects.requireNonNull(cache, "cache"));
  }

  /**
   * The cached result for {@code argument}, or the function's. Never throws: failures
   * (including the key builder's) complete the future exceptionally.
   */
  @Override
  public CompletableFuture<R> apply(A argument) {
    return call.apply(argument);
  }

  /**
   * Removes the cached result for {@code argument} (one {@code remove}); completes with whether
   * there was one. Other JVMs see the removal; a call in flight may still store its result.
   */
  public CompletableFuture<Boolean> invalidate(A argument) {
    return invalidation.apply(argument);
  }

  /** The cache key of {@code argument}'s result. */
  public Object key(A argument) {
    return key.apply(argument);
  }

  /**
   * What to cache and how; then one of the wrapping methods ({@link #asyncFunction},
   * {@link #function}, {@link #asyncSupplier}, {@link #supplier}, {@link #asyncBiFunction},
   * {@link #biFunction}, {@link #asyncMulti}, {@link #multi}) makes the cached function. Each
   * wrapping method takes a copy of the settings and has its own in-flight calls. Not
   * thread-safe; the functions it makes are.
   *
   * @param <K> the cache's key type
   * @param <V> the cache's value type; cached results must be of it
   */
  public static final class Builder<K, V> {

    /** How long one cache operation may take before the flow goes on without the cache. */
    public static final Duration DEFAULT_CACHE_TIMEOUT = Duration.ofSeconds(5);

    private final AsyncCache<K, V> cache;
    private String name;
    private Duration ttl;
    private KeyBuilder<? extends K> keyBuilder;
    private Predicate<? super V> skipCache = result -> false;
    private Settings.Lease lease;
    private Executor executor = ForkJoinPool.commonPool();
    private Duration cacheTimeout = DEFAULT_CACHE_TIMEOUT;

    private Builder(AsyncCache<K, V> cache) {
      this.cache = cache;
    }

    /**
     * The function's name, the first part of every key ({@code OrderService.find}); required.
     * Functions that share a cache need distinct names, or their results mix.
     */
    public Builder<K, V> name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /**
     * How long a result stays cached, written with {@code put(key, value, ttl)}; {@code null}
     * (the default): the cache's expiry policy decides.
     */
    public Builder<K, V> ttl(Duration ttl) {
      if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
        throw new IllegalArgumentException("ttl must be positive: " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * Builds keys from the name and the arguments; default {@link KeyBuilder#readable()}, which
     * makes {@code String} keys and so needs a cache with {@code String} (or {@code Object})
     * keys.
     */
    public Builder<K, V> keyBuilder(KeyBuilder<? extends K> keyBuilder) {
      this.keyBuilder = Objects.requireNonNull(keyBuilder, "keyBuilder");
      return this;
    }

    /**
     * Results for which {@code skip} is true are returned but not cached (aiocache's
     * {@code skip_cache_func}); by default every non-null result is cached.
     */
    public Builder<K, V> skipCache(Predicate<? super V> skip) {
      this.skipCache = Objects.requireNonNull(skip, "skip");
      return this;
    }

    /**
     * Makes one call per key across every JVM sharing the cache, with a lease lock: the leader
     * of a miss takes the lock with {@code locks.add(key + "-lock", token, lease)} (Redis
     * {@code SET NX PX}, Memcached {@code add}, an atomic put-if-absent in memory), reads once
     * more, calls the function, stores the result and releases the lock with
     * {@code locks.remove(lockKey, token)} (deleted only if it still holds its own token, so a
     * lock that outlived its lease and was taken by another is never released by the wrong
     * owner). The other callers poll, from 5 ms up to every 100 ms, on the executor (no thread
     * sleeps): they return the value once it is there, take the lock themselves if it was given
     * up without a value, and after {@code lease} call the function themselves.
     *
     * <p>Choose a lease longer than the function's slowest call: a call that outlives it lets
     * another JVM call too. A lock cache that fails makes the leader call without the lock.
     *
     * @param locks a cache of {@code String} keys and values for the locks; the cache of the
     *     results itself if it has such types, or a dedicated one; on Redis and Memcached it
     *     must be on the server the JVMs share
     * @param lease how long a lock is held at most (its time-to-live)
     */
    public Builder<K, V> lock(AsyncCache<String, String> locks, Duration lease) {
      Objects.requireNonNull(locks, "locks");
      Objects.requireNonNull(lease, "lease");
      if (lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("lease must be positive: " + lease);
      }
      this.lease = new Settings.Lease(locks, lease, lease);
      return this;
    }

    /** Where functions run (and lock waiters poll) off the caller's thread; the common pool. */
    public Builder<K, V> executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The longest one cache operation may take before it counts as failed; 5 s. */
    public Builder<K, V> cacheTimeout(Duration cacheTimeout) {
      Objects.requireNonNull(cacheTimeout, "cacheTimeout");
      if (cacheTimeout.isNegative() || cacheTimeout.isZero()) {
        throw new IllegalArgumentException("cacheTimeout must be positive: " + cacheTimeout);
      }
      this.cacheTimeout = cacheTimeout;
      return this;
    }

    /** Caches an asynchronous one-argument function; keys {@code name(argument)}. */
    public <A, R extends V> CachedFunction<A, R> asyncFunction(
        Function<? super A, ? extends CompletableFuture<R>> function) {
      Objects.requireNonNull(function, "function");
      CachedCalls<K, V> calls = calls();
      return new CachedFunction<>(argument -> {
        K key;
        try {
          key = calls.key(argument);
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
        Function<Void, CompletableFuture<R>> body =
            CachedCalls.offIoThreads(ignored -> function.apply(argument), executor);
        return calls.get(key, () -> body.apply(null));
      }, argument -> {
        try {
          return calls.invalidate(calls.key(argument));
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      }, calls::key);
    }

    /** Caches an asynchronous function of two arguments; keys {@code name(first, second)}. */
    public <A, B, R extends V> BiFunction<A, B, CompletableFuture<R>> asyncBiFunction(
        BiFunction<? super A, ? super B, ? extends CompletableFuture<R>> function) {
      Objects.requireNonNull(function, "function");
      CachedCalls<K, V> calls = calls();
      return (first, second) -> {
        K key;
        try {
          key = calls.key(Arrays.asList(first, second));
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
        Function<Void, CompletableFuture<R>> body =
            CachedCalls.offIoThreads(ignored -> function.apply(first, second), executor);
        return calls.get(key, () -> body.apply(null));
      };
    }

    /** Caches an asynchronous function without arguments; key {@code name()}. */
    public <R extends V> Supplier<CompletableFuture<R>> asyncSupplier(
        Supplier<? extends CompletableFuture<R>> supplier) {
      Objects.requireNonNull(supplier, "supplier");
      CachedCalls<K, V> calls = calls();
      K key = calls.key(List.of());
      return () -> {
        Function<Void, CompletableFuture<R>> body =
            CachedCalls.offIoThreads(ignored -> supplier.get(), executor);
        return calls.get(key, () -> body.apply(null));
      };
    }

    /**
     * Caches a plain (blocking) one-argument function: the returned function blocks until the
     * result is there, and runs {@code function} on the calling thread. Failures of the
     * function are thrown as they are.
     */
    public <A, R extends V> Function<A, R> function(Function<? super A, ? extends R> function) {
      Objects.requireNonNull(function, "function");
      CachedCalls<K, V> calls = calls();
      return argument -> blocking(calls, calls.key(argument), () -> function.apply(argument));
    }

    /** Caches a plain (blocking) function of two arguments, like {@link #function}. */
    public <A, B, R extends V> BiFunction<A, B, R> biFunction(
        BiFunction<? super A, ? super B, ? extends R> function) {
      Objects.requireNonNull(function, "function");
      CachedCalls<K, V> calls = calls();
      return (first, second) -> blocking(calls, calls.key(Arrays.asList(first, second)),
          () -> function.apply(first, second));
    }

    /** Caches a plain (blocking) function without arguments, like {@link #function}. */
    public <R extends V> Supplier<R> supplier(Supplier<? extends R> supplier) {
      Objects.requireNonNull(supplier, "supplier");
      CachedCalls<K, V> calls = calls();
      K key = calls.key(List.of());
      return () -> blocking(calls, key, supplier);
    }

    /**
     * Caches a function of many keys at once (aiocache's {@code multi_cached}): each argument's
     * result is cached under {@code name(argument)}, so a single-argument cached function of the
     * same name shares the entries. A call reads every argument's key in one {@code getAll},
     * calls {@code function} once with only the missing arguments, and stores what it returned
     * (except nulls and skipped results) in one {@code putAll} with the time-to-live. The
     * function returns a map from argument to result; arguments it leaves out have no result.
     * There is no stampede protection and no lock for this variant.
     */
    public <A, R extends V> MultiCachedFunction<A, R> asyncMulti(
        Function<? super Set<A>, ? extends CompletableFuture<Map<A, R>>> function) {
      Objects.requireNonNull(function, "function");
      CachedCalls<K, V> calls = calls();
      return new MultiCachedFunction<>(arguments -> {
        try {
          Function<Set<A>, CompletableFuture<Map<A, R>>> body =
              CachedCalls.offIoThreads(function, executor);
          return calls.getAll(arguments, body);
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      });
    }

    /** The plain (blocking) form of {@link #asyncMulti}; the function runs on the caller. */
    public <A, R extends V> Function<Collection<? extends A>, Map<A, R>> multi(
        Function<? super Set<A>, ? extends Map<A, R>> function) {
      Objects.requireNonNull(function, "function");
      CachedCalls<K, V> calls = calls();
      return arguments -> {
        CallerRuns<Set<A>, Map<A, R>> here = new CallerRuns<>(function);
        return here.await(calls.getAll(arguments, here));
      };
    }

    private static <K, V, R extends V> R blocking(CachedCalls<K, V> calls, K key,
        Supplier<? extends R> function) {
      CallerRuns<Void, R> here = new CallerRuns<>(ignored -> function.get());
      return here.await(calls.get(key, () -> here.apply(null)));
    }

    private CachedCalls<K, V> calls() {
      if (name == null) {
        throw new IllegalStateException("Give the cached function a name(...): it is the first"
            + " part of its keys");
      }
      return new CachedCalls<>(new Settings<>(cache, name, ttl, keys(), skipCache, lease,
          executor, cacheTimeout));
    }

    @SuppressWarnings("unchecked")
    private KeyBuilder<? extends K> keys() {
      if (keyBuilder != null) {
        return keyBuilder;
      }
      Class<?> keyType = keyTypeOf(cache);
      if (keyType != null && !keyType.isAssignableFrom(String.class)) {
        throw new IllegalStateException("The cache has keys of type " + keyType.getName()
            + "; the default key builder makes String keys: give a keyBuilder(...)");
      }
      return (KeyBuilder<? extends K>) KeyBuilder.readable();
    }

    /** The configured key type of the cache, or null if it cannot be told. */
    private static Class<?> keyTypeOf(AsyncCache<?, ?> cache) {
      try {
        @SuppressWarnings("unchecked")
        Configuration<Object, Object> configuration =
            cache.synchronous().getConfiguration(Configuration.class);
        return configuration.getKeyType();
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
