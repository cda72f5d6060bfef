package io.polycache.async;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The flow behind every cached function: read, and on a miss call the function once per key in
 * this JVM (an in-flight map of futures), optionally once across JVMs (a lease lock in a cache),
 * then store what may be stored. A cache that fails or does not answer within the cache timeout
 * is logged and treated as a miss (reads) or skipped (writes): the function still answers.
 */
final class CachedCalls<K, V> {

  private static final System.Logger LOG = System.getLogger(CachedFunction.class.getName());
  private static final long FIRST_POLL_MILLIS = 5;
  private static final long MAX_POLL_MILLIS = 100;

  /** Outcome of one attempt to take the lock. */
  private enum LockState { HELD, BUSY, UNAVAILABLE }

  /** One lock attempt's key and owner token. */
  private record Lock(String key, String token) {}

  private final Settings<K, V> settings;
  private final ConcurrentMap<K, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

  CachedCalls(Settings<K, V> settings) {
    this.settings = settings;
  }

  /** The key of one call, by the key builder. */
  K key(List<?> arguments) {
    return Objects.requireNonNull(settings.keys().build(settings.name(), arguments),
        "the key builder returned null");
  }

  /** {@link #key} of a call with one argument ({@code null} allowed). */
  K key(Object argument) {
    return key(Collections.singletonList(argument));
  }

  /** Removes one cached result; completes with whether there was one. */
  CompletableFuture<Boolean> invalidate(K key) {
    return settings.cache().remove(key);
  }

  // ------------------------------------------------------------------------- one key

  /**
   * The cached result under {@code key}, or the loader's (stored unless null or skipped). The
   * loader is called at most once at a time per key in this JVM; every concurrent caller gets
   * the same outcome.
   */
  @SuppressWarnings("unchecked")
  <R extends V> CompletableFuture<R> get(K key, Supplier<CompletableFuture<R>> loader) {
    return read(key).thenCompose(hit -> hit != null
        ? CompletableFuture.completedFuture((R) hit) : miss(key, loader));
  }

  @SuppressWarnings("unchecked")
  private <R extends V> CompletableFuture<R> miss(K key, Supplier<CompletableFuture<R>> loader) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return (CompletableFuture<R>) running.copy();
    }
    CompletableFuture<R> led;
    try {
      led = lead(key, loader);
    } catch (RuntimeException e) {
      led = CompletableFuture.failedFuture(e);
    }
    led.whenComplete((result, failure) -> {
      inFlight.remove(key, mine);
      if (failure != null) {
        mine.completeExceptionally(unwrap(failure));
      } else {
        mine.complete(result);
      }
    });
    return (CompletableFuture<R>) mine.copy();
  }

  /** The one caller in this JVM that resolves a miss: without a lock, or by taking it. */
  private <R extends V> CompletableFuture<R> lead(K key, Supplier<CompletableFuture<R>> loader) {
    if (settings.lease() == null) {
      return readThenLoad(key, loader);
    }
    Lock lock = new Lock(String.valueOf(key) + "-lock", UUID.randomUUID().toString());
    long deadline = System.nanoTime() + settings.lease().maxWait().toNanos();
    return acquire(lock).thenCompose(state -> next(state, key, lock, loader, deadline,
        FIRST_POLL_MILLIS));
  }

  private <R extends V> CompletableFuture<R> next(LockState state, K key, Lock lock,
      Supplier<CompletableFuture<R>> loader, long deadline, long pollMillis) {
    switch (state) {
      case HELD:
        return readThenLoad(key, loader).handle((result, failure) -> release(lock)
            .thenCompose(released -> failure == null ? CompletableFuture.completedFuture(result)
                : CompletableFuture.<R>failedFuture(unwrap(failure))))
            .thenCompose(Function.identity());
      case UNAVAILABLE:
        return load(key, loader);
      default:
        if (System.nanoTime() - deadline >= 0) {
          LOG.log(System.Logger.Level.DEBUG, () -> "Cached function " + settings.name()
              + ": the lock " + lock.key() + " is still held after "
              + settings.lease().maxWait() + "; calling the function without it");
          return load(key, loader);
        }
        return poll(key, lock, loader, deadline, pollMillis);
    }
  }

  /** Waits, then looks for the holder's value, or takes the lock if it was given up. */
  @SuppressWarnings("unchecked")
  private <R extends V> CompletableFuture<R> poll(K key, Lock lock,
      Supplier<CompletableFuture<R>> loader, long deadline, long pollMillis) {
    Executor later = CompletableFuture.delayedExecutor(pollMillis, TimeUnit.MILLISECONDS,
        settings.executor());
    long nextPoll = Math.min(pollMillis * 2, MAX_POLL_MILLIS);
    return CompletableFuture.supplyAsync(() -> key, later)
        .thenCompose(this::read)
        .thenCompose(value -> value != null ? CompletableFuture.completedFuture((R) value)
            : acquire(lock).thenCompose(state -> next(state, key, lock, loader, deadline,
                nextPoll)));
  }

  /** Reads once more (another caller may have stored the value meanwhile), then loads. */
  @SuppressWarnings("unchecked")
  private <R extends V> CompletableFuture<R> readThenLoad(K key,
      Supplier<CompletableFuture<R>> loader) {
    return read(key).thenCompose(value -> value != null
        ? CompletableFuture.completedFuture((R) value) : load(key, loader));
  }

  /** Calls the function and stores its result unless it is null or skipped. */
  private <R extends V> CompletableFuture<R> load(K key, Supplier<CompletableFuture<R>> loader) {
    return start(loader).thenCompose(result -> {
      if (result == null || settings.skip().test(result)) {
        return CompletableFuture.completedFuture(result);
      }
      return write(key, result).thenApply(ignored -> result);
    });
  }

  // ----------------------------------------------------------------------- many keys

  /**
   * The cached results of {@code arguments} read in one {@code getAll}; the missing ones come
   * from one call of {@code loader} with exactly those arguments and are stored in one
   * {@code putAll}. Results are keyed by argument, in the order given; arguments without a
   * result (not cached, not returned or returned as null) are left out.
   */
  @SuppressWarnings("unchecked")
  <A, R extends V> CompletableFuture<Map<A, R>> getAll(Collection<? extends A> arguments,
      Function<Set<A>, CompletableFuture<Map<A, R>>> loader) {
    Map<A, K> keys = new LinkedHashMap<>();
    for (A argument : arguments) {
      keys.put(argument, key(argument));
    }
    return readAll(new LinkedHashSet<>(keys.values())).thenCompose(cached -> {
      Map<A, R> found = new LinkedHashMap<>();
      Set<A> missing = new LinkedHashSet<>();
      keys.forEach((argument, key) -> {
        V value = cached.get(key);
        if (value != null) {
          found.put(argument, (R) value);
        } else {
          missing.add(argument);
        }
      });
      if (missing.isEmpty()) {
        return CompletableFuture.completedFuture(found);
      }
      return start(() -> loader.apply(Collections.unmodifiableSet(missing)))
          .thenCompose(loaded -> storeAll(loaded == null ? Map.of() : loaded)
              .thenApply(ignored -> {
                Map<A, R> result = new LinkedHashMap<>();
                for (A argument : keys.keySet()) {
                  R value = found.containsKey(argument) ? found.get(argument)
                      : loaded == null ? null : loaded.get(argument);
                  if (value != null) {
                    result.put(argument, value);
                  }
                }
                return result;
              }));
    });
  }

  private <A, R extends V> CompletableFuture<Void> storeAll(Map<A, R> loaded) {
    Map<K, V> toStore = new LinkedHashMap<>();
    for (Map.Entry<A, R> e : loaded.entrySet()) {
      R value = e.getValue();
      if (value != null && !settings.skip().test(value)) {
        toStore.put(key(e.getKey()), value);
      }
    }
    if (toStore.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return bounded(() -> settings.ttl() == null ? settings.cache().putAll(toStore)
        : settings.cache().putAll(toStore, settings.ttl()))
        .exceptionally(e -> {
          warn("writing " + toStore.size() + " results to", e);
          return null;
        });
  }

  // ---------------------------------------------------------------- cache access

  private CompletableFuture<V> read(K key) {
    return bounded(() -> settings.cache().get(key)).exceptionally(e -> {
      warn("reading", e);
      return null;
    });
  }

  private CompletableFuture<Map<K, V>> readAll(Set<K> keys) {
    return bounded(() -> settings.cache().getAll(keys)).exceptionally(e -> {
      warn("reading", e);
      return Map.of();
    });
  }

  private CompletableFuture<Void> write(K key, V value) {
    return bounded(() -> settings.ttl() == null ? settings.cache().put(key, value)
        : settings.cache().put(key, value, settings.ttl()))
        .exceptionally(e -> {
          warn("writing to", e);
          return null;
        });
  }

  private CompletableFuture<LockState> acquire(Lock lock) {
    Settings.Lease lease = settings.lease();
    return bounded(() -> lease.locks().add(lock.key(), lock.token(), lease.duration()))
        .handle((ignored, failure) -> {
          if (failure == null) {
            return LockState.HELD;
          }
          if (unwrap(failure) instanceof KeyExistsException) {
            return LockState.BUSY;
          }
          warn("taking the lock in", failure);
          return LockState.UNAVAILABLE;
        });
  }

  /** Deletes the lock if it still holds this owner's token; never fails. */
  private CompletableFuture<Void> release(Lock lock) {
    return bounded(() -> settings.lease().locks().remove(lock.key(), lock.token()))
        .handle((removed, failure) -> {
          if (failure != null) {
            warn("releasing the lock in", failure);
          } else if (!removed) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Cached function " + settings.name()
                + ": the lease of " + lock.key() + " ended before the call; set a longer lease");
          }
          return null;
        });
  }

  private <T> CompletableFuture<T> bounded(Supplier<CompletableFuture<T>> call) {
    try {
      return call.get().orTimeout(settings.cacheTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void warn(String what, Throwable failure) {
    LOG.log(System.Logger.Level.WARNING, "Cached function " + settings.name() + ": " + what
        + " the cache failed; going on without it", unwrap(failure));
  }

  // ------------------------------------------------------------------- user code

  /** Starts user code, turning a throw or a null future into a failed future. */
  static <T> CompletableFuture<T> start(Supplier<? extends CompletableFuture<T>> body) {
    try {
      CompletableFuture<T> future = body.get();
      return future != null ? future : CompletableFuture.failedFuture(
          new NullPointerException("the cached function returned null instead of a future"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Wraps an asynchronous function so that it runs on the calling thread while the flow is still
   * on it (a memory cache answers at once), else on the executor, never on a cache I/O thread.
   */
  static <T, U> Function<T, CompletableFuture<U>> offIoThreads(
      Function<? super T, ? extends CompletableFuture<U>> body, Executor executor) {
    Thread caller = Thread.currentThread();
    return input -> Thread.currentThread() == caller ? start(() -> body.apply(input))
        : CompletableFuture.supplyAsync(() -> start(() -> body.apply(input)), executor)
            .thenCompose(Function.identity());
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
