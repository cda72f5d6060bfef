package io.polycache.provider.annotation;

import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.cache.Cache;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * Carries out {@code @CacheResult}, {@code @CachePut}, {@code @CacheRemove} and
 * {@code @CacheRemoveAll} around intercepted calls, as chapter 11 of the JCache specification
 * describes; methods returning {@code CompletableFuture}/{@code CompletionStage} go through
 * {@link AsyncCaching}. One per CDI container. A method's annotations are read on its first call
 * and kept, so later calls touch no reflection; a method whose annotations are wrong fails on
 * every call (and at deployment, see {@link PolycacheCdiExtension}). Thread-safe.
 */
final class CachingInvoker {

  private record MethodKey(Method method, Class<?> targetClass) {}

  private final Components components;
  private final ConcurrentMap<MethodKey, Optional<CachedMethod>> methods =
      new ConcurrentHashMap<>();

  CachingInvoker(Components components) {
    this.components = components;
  }

  /**
   * Runs the intercepted call with the cache operation of {@code kind}; an interceptor whose
   * annotation is not the one in force for the method (a class-level binding overridden by a
   * method annotation) just proceeds.
   */
  Object invoke(MethodShape.Kind kind, InvocationContext invocation) throws Exception {
    CachedMethod method = method(invocation);
    if (method == null || method.shape.kind != kind) {
      return invocation.proceed();
    }
    KeyInvocationContext<? extends Annotation> call = method.context(invocation);
    switch (kind) {
      case RESULT:
        return method.shape.async ? AsyncCaching.result(method, call) : result(method, call);
      case PUT:
        return put(method, call);
      case REMOVE:
        return remove(method, call);
      default:
        return removeAll(method, call);
    }
  }

  /** How many methods have been read; for tests. */
  int knownMethods() {
    return methods.size();
  }

  private CachedMethod method(InvocationContext invocation) {
    Method method = invocation.getMethod();
    Object target = invocation.getTarget();
    MethodKey key = new MethodKey(method,
        target == null ? method.getDeclaringClass() : target.getClass());
    Optional<CachedMethod> known = methods.get(key);
    if (known == null) {
      // built outside the map: factories are application code and may call cached methods
      MethodShape shape = MethodShape.of(method, key.targetClass());
      known = Optional.ofNullable(shape == null ? null : CachedMethod.of(shape, components));
      Optional<CachedMethod> raced = methods.putIfAbsent(key, known);
      if (raced != null) {
        known = raced;
      }
    }
    return known.orElse(null);
  }

  private static Object result(CachedMethod method, KeyInvocationContext<?> call)
      throws Exception {
    Cache<Object, Object> cache = method.cache(call);
    Cache<Object, Object> exceptionCache = method.exceptionCache(call);
    GeneratedCacheKey key = method.key(call);
    if (!method.shape.skipGet) {
      Object cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
      if (exceptionCache != null && exceptionCache.get(key) instanceof Throwable failure) {
        throw rethrowable(failure);
      }
    }
    Object result;
    try {
      result = call.invocation().proceed();
    } catch (Exception | Error e) {
      if (method.cachesFailure(e)) {
        actKeepingFailure(e, () -> exceptionCache.put(key, e));
      }
      throw e;
    }
    if (result != null) {
      cache.put(key, result);
    }
    return result;
  }

  private static Object put(CachedMethod method, KeyInvocationContext<?> call) throws Exception {
    Cache<Object, Object> cache = method.cache(call);
    GeneratedCacheKey key = method.key(call);
    Object value = call.argument(method.shape.valuePosition);
    return around(method, call, () -> store(cache, key, value),
        () -> AsyncCaching.store(cache, key, value));
  }

  private static Object remove(CachedMethod method, KeyInvocationContext<?> call)
      throws Exception {
    Cache<Object, Object> cache = method.cache(call);
    GeneratedCacheKey key = method.key(call);
    return around(method, call, () -> cache.remove(key), () -> AsyncCaching.remove(cache, key));
  }

  private static Object removeAll(CachedMethod method, KeyInvocationContext<?> call)
      throws Exception {
    Cache<Object, Object> cache = method.cache(call);
    return around(method, call, cache::removeAll, () -> AsyncCaching.removeAll(cache));
  }

  /**
   * The put or remove of {@code @CachePut}/{@code @CacheRemove}/{@code @CacheRemoveAll}: before
   * the call, or after it (after an asynchronous method's future completes) and after a failure
   * the annotation's exception lists accept.
   */
  private static Object around(CachedMethod method, KeyInvocationContext<?> call,
      Runnable action, AsyncCaching.Action asyncAction) throws Exception {
    if (!method.shape.afterInvocation) {
      action.run();
      return call.invocation().proceed();
    }
    Object result;
    try {
      result = call.invocation().proceed();
    } catch (Exception | Error e) {
      if (method.shape.exceptions.matches(e)) {
        actKeepingFailure(e, action);
      }
      throw e;
    }
    if (method.shape.async && result != null) {
      return AsyncCaching.afterCompletion((CompletionStage<?>) result, method.shape.exceptions,
          asyncAction);
    }
    action.run();
    return result;
  }

  /** A {@code @CacheValue} of null removes the key: JCache stores no nulls. */
  static void store(Cache<Object, Object> cache, GeneratedCacheKey key, Object value) {
    if (value == null) {
      cache.remove(key);
    } else {
      cache.put(key, value);
    }
  }

  /** Runs a cache action after the method failed; the method's failure stays the one thrown. */
  private static void actKeepingFailure(Throwable failure, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** A cached failure in a form an interceptor method may throw. */
  static Exception rethrowable(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    return failure instanceof Exception exception ? exception
        : new UndeclaredThrowableException(failure);
  }
}
