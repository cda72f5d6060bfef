package io.polycache.provider.annotation;

import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * One annotated method, ready for calls: its {@link MethodShape} plus the resolvers and key
 * generator its factories gave, obtained once (the specification asks for a resolver per method,
 * not per call). An asynchronous {@code @CacheResult} method also owns the futures of its calls
 * in flight, by key, so that concurrent callers of one key share one invocation.
 */
final class CachedMethod {

  final MethodShape shape;
  private final MethodDetails<? extends Annotation> details;
  private final CacheResolver resolver;
  /** Null unless a {@code @CacheResult} names an exception cache. */
  private final CacheResolver exceptionResolver;
  /** Null for the built-in generator: its keys are built from the arguments directly. */
  private final CacheKeyGenerator keyGenerator;
  /** Null unless this is an asynchronous {@code @CacheResult} method. */
  final ConcurrentMap<GeneratedCacheKey, CompletableFuture<Object>> inFlight;

  private CachedMethod(MethodShape shape, MethodDetails<? extends Annotation> details,
      CacheResolver resolver, CacheResolver exceptionResolver, CacheKeyGenerator keyGenerator) {
    this.shape = shape;
    this.details = details;
    this.resolver = resolver;
    this.exceptionResolver = exceptionResolver;
    this.keyGenerator = keyGenerator;
    this.inFlight = shape.kind == MethodShape.Kind.RESULT && shape.async
        ? new ConcurrentHashMap<>() : null;
  }

  static CachedMethod of(MethodShape shape, Components components) {
    Annotation annotation = shape.annotation;
    CacheResolverFactory factory;
    CacheKeyGenerator generator = null;
    MethodDetails<? extends Annotation> details;
    CacheResolver exceptionResolver = null;
    if (annotation instanceof CacheResult result) {
      MethodDetails<CacheResult> resultDetails = details(shape, result);
      factory = components.resolverFactory(result.cacheResolverFactory(), shape.defaults);
      generator = components.keyGenerator(result.cacheKeyGenerator(), shape.defaults);
      if (!result.exceptionCacheName().isEmpty()) {
        exceptionResolver = Objects.requireNonNull(
            factory.getExceptionCacheResolver(resultDetails),
            () -> factory.getClass().getName() + " gave no exception cache resolver for "
                + shape.method);
      }
      details = resultDetails;
    } else if (annotation instanceof CachePut put) {
      details = details(shape, put);
      factory = components.resolverFactory(put.cacheResolverFactory(), shape.defaults);
      generator = components.keyGenerator(put.cacheKeyGenerator(), shape.defaults);
    } else if (annotation instanceof CacheRemove remove) {
      details = details(shape, remove);
      factory = components.resolverFactory(remove.cacheResolverFactory(), shape.defaults);
      generator = components.keyGenerator(remove.cacheKeyGenerator(), shape.defaults);
    } else {
      CacheRemoveAll removeAll = (CacheRemoveAll) annotation;
      details = details(shape, removeAll);
      factory = components.resolverFactory(removeAll.cacheResolverFactory(), shape.defaults);
    }
    CacheResolver resolver = Objects.requireNonNull(factory.getCacheResolver(details),
        () -> factory.getClass().getName() + " gave no cache resolver for " + shape.method);
    if (generator != null && components.isDefault(generator)) {
      generator = null;
    }
    return new CachedMethod(shape, details, resolver, exceptionResolver, generator);
  }

  private static <A extends Annotation> MethodDetails<A> details(MethodShape shape, A annotation) {
    return new MethodDetails<>(shape.method, shape.methodAnnotations, annotation,
        shape.cacheName);
  }

  /** The context of one call, handed to the resolvers and the key generator. */
  KeyInvocationContext<? extends Annotation> context(InvocationContext invocation) {
    return contextOf(details, invocation);
  }

  private <A extends Annotation> KeyInvocationContext<A> contextOf(MethodDetails<A> typed,
      InvocationContext invocation) {
    return new KeyInvocationContext<>(typed, shape, invocation);
  }

  GeneratedCacheKey key(KeyInvocationContext<? extends Annotation> call) {
    if (keyGenerator == null) {
      return DefaultGeneratedCacheKey.owning(call.arguments(shape.keyPositions));
    }
    GeneratedCacheKey key = keyGenerator.generateCacheKey(call);
    if (key == null) {
      throw new CacheException(keyGenerator.getClass().getName() + " generated a null key for "
          + shape.method);
    }
    return key;
  }

  Cache<Object, Object> cache(KeyInvocationContext<? extends Annotation> call) {
    Cache<Object, Object> cache = resolver.resolveCache(call);
    if (cache == null) {
      throw new CacheException(resolver + " resolved no cache for " + shape);
    }
    return cache;
  }

  /** The exception cache of this call, or null when the method names none. */
  Cache<Object, Object> exceptionCache(KeyInvocationContext<? extends Annotation> call) {
    if (exceptionResolver == null) {
      return null;
    }
    Cache<Object, Object> cache = exceptionResolver.resolveCache(call);
    if (cache == null) {
      throw new CacheException(exceptionResolver + " resolved no exception cache for " + shape);
    }
    return cache;
  }

  /**
   * Whether {@code failure} belongs in the exception cache: there is one, the
   * {@code cachedExceptions}/{@code nonCachedExceptions} rule accepts it, and it is not a
   * cancellation (which says nothing about the key).
   */
  boolean cachesFailure(Throwable failure) {
    return exceptionResolver != null && !(failure instanceof CancellationException)
        && shape.exceptions.matches(failure);
  }

  @Override
  public String toString() {
    return shape.toString();
  }
}
