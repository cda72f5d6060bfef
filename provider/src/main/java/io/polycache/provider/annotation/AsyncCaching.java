package io.polycache.provider.annotation;

import io.polycache.async.AsyncCache;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import javax.cache.Cache;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * The cache annotations on methods that return {@code CompletableFuture} or
 * {@code CompletionStage}. Such a method's result is its completed value, so:
 * <ul>
 *   <li>{@code @CacheResult} caches the value the future completes with, never the future; a
 *       hit returns {@code CompletableFuture.completedFuture(value)}; a failed future caches
 *       nothing, or its failure in the exception cache when the annotation says so; concurrent
 *       calls for one key share one invocation (in this JVM) while it runs, unless
 *       {@code skipGet} asks to run the method every time;
 *   <li>{@code afterInvocation} puts and removes happen when the future completes.
 * </ul>
 * The method itself always runs on the caller's thread, after a synchronous cache lookup, as
 * for any method. The puts and removes that follow completion run on the completing thread,
 * through the cache's {@link AsyncCache} view when it has one, so they do not block it. The
 * future a caller gets completes after that put or remove; if it fails, so does the future.
 */
final class AsyncCaching {

  /** A cache action that may complete later. */
  @FunctionalInterface
  interface Action {
    CompletableFuture<?> run();
  }

  private AsyncCaching() {}

  static Object result(CachedMethod method, KeyInvocationContext<?> call) throws Exception {
    Cache<Object, Object> cache = method.cache(call);
    Cache<Object, Object> exceptionCache = method.exceptionCache(call);
    GeneratedCacheKey key = method.key(call);
    if (method.shape.skipGet) {
      return invokeAndStore(method, call, cache, exceptionCache, key);
    }
    Object cached = cache.get(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    if (exceptionCache != null && exceptionCache.get(key) instanceof Throwable failure) {
      return CompletableFuture.failedFuture(failure);
    }
    return shared(method, call, cache, exceptionCache, key);
  }

  /**
   * Joins the call in flight for {@code key}, or becomes it. The entry leaves the in-flight map
   * before its future completes and after the value is stored, so a caller arriving later finds
   * either the running call or the stored value.
   */
  private static Object shared(CachedMethod method, KeyInvocationContext<?> call,
      Cache<Object, Object> cache, Cache<Object, Object> exceptionCache, GeneratedCacheKey key)
      throws Exception {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> running = method.inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return running.copy();
    }
    CompletableFuture<Object> outcome;
    try {
      // a call for this key may have finished between the miss above and now
      Object cached = cache.get(key);
      outcome = cached != null ? CompletableFuture.completedFuture(cached)
          : invokeAndStore(method, call, cache, exceptionCache, key);
    } catch (Exception | Error e) {
      method.inFlight.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
    if (outcome == null) {
      method.inFlight.remove(key, mine);
      mine.complete(null);
      return null;
    }
    outcome.whenComplete((value, failure) -> {
      method.inFlight.remove(key, mine);
      if (failure != null) {
        mine.completeExceptionally(failure);
      } else {
        mine.complete(value);
      }
    });
    return mine.copy();
  }

  /**
   * Calls the method; when its future completes, stores the value (or the failure, in the
   * exception cache when it takes it). Null when the method returned null instead of a future.
   */
  private static CompletableFuture<Object> invokeAndStore(CachedMethod method,
      KeyInvocationContext<?> call, Cache<Object, Object> cache,
      Cache<Object, Object> exceptionCache, GeneratedCacheKey key) throws Exception {
    Object returned;
    try {
      returned = call.invocation().proceed();
    } catch (Exception | Error e) {
      if (method.cachesFailure(e)) {
        try {
          exceptionCache.put(key, e);
        } catch (RuntimeException storeFailure) {
          e.addSuppressed(storeFailure);
        }
      }
      throw e;
    }
    if (returned == null) {
      return null;
    }
    CompletableFuture<Object> done = new CompletableFuture<>();
    ((CompletionStage<?>) returned).whenComplete((value, failure) -> {
      if (failure != null) {
        Throwable cause = unwrap(failure);
        Action store = method.cachesFailure(cause)
            ? () -> put(exceptionCache, key, cause) : AsyncCaching::nothing;
        run(store).whenComplete((ignored, storeFailure) -> {
          if (storeFailure != null) {
            cause.addSuppressed(unwrap(storeFailure));
          }
          done.completeExceptionally(cause);
        });
      } else if (value == null) {
        done.complete(null);
      } else {
        put(cache, key, value).whenComplete((ignored, storeFailure) -> {
          if (storeFailure != null) {
            done.completeExceptionally(unwrap(storeFailure));
          } else {
            done.complete(value);
          }
        });
      }
    });
    return done;
  }

  /**
   * A future that completes as {@code stage} did, once {@code action} has run after it: always
   * after a success, after a failure only when {@code filter} accepts it.
   */
  static CompletableFuture<Object> afterCompletion(CompletionStage<?> stage,
      ExceptionFilter filter, Action action) {
    CompletableFuture<Object> done = new CompletableFuture<>();
    stage.whenComplete((value, failure) -> {
      Throwable cause = failure == null ? null : unwrap(failure);
      Action chosen = cause == null || filter.matches(cause) ? action : AsyncCaching::nothing;
      run(chosen).whenComplete((ignored, actionFailure) -> {
        if (cause != null) {
          if (actionFailure != null) {
            cause.addSuppressed(unwrap(actionFailure));
          }
          done.completeExceptionally(cause);
        } else if (actionFailure != null) {
          done.completeExceptionally(unwrap(actionFailure));
        } else {
          done.complete(value);
        }
      });
    });
    return done;
  }

  static CompletableFuture<?> store(Cache<Object, Object> cache, GeneratedCacheKey key,
      Object value) {
    return value == null ? remove(cache, key) : put(cache, key, value);
  }

  static CompletableFuture<?> put(Cache<Object, Object> cache, Object key, Object value) {
    AsyncCache<Object, Object> async = async(cache);
    return async != null ? async.put(key, value) : run(() -> {
      cache.put(key, value);
      return nothing();
    });
  }

  static CompletableFuture<?> remove(Cache<Object, Object> cache, Object key) {
    AsyncCache<Object, Object> async = async(cache);
    return async != null ? async.remove(key) : run(() -> {
      cache.remove(key);
      return nothing();
    });
  }

  static CompletableFuture<?> removeAll(Cache<Object, Object> cache) {
    AsyncCache<Object, Object> async = async(cache);
    return async != null ? async.removeAll() : run(() -> {
      cache.removeAll();
      return nothing();
    });
  }

  /** The cache's asynchronous view, or null for a cache of another provider. */
  @SuppressWarnings("unchecked")
  private static AsyncCache<Object, Object> async(Cache<Object, Object> cache) {
    try {
      return cache.unwrap(AsyncCache.class);
    } catch (RuntimeException notPolycache) {
      return null;
    }
  }

  private static CompletableFuture<?> run(Action action) {
    try {
      return action.run();
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static CompletableFuture<?> nothing() {
    return CompletableFuture.completedFuture(null);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
