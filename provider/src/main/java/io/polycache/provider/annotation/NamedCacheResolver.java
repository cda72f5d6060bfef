package io.polycache.provider.annotation;

import java.lang.annotation.Annotation;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.annotation.CacheInvocationContext;
import javax.cache.annotation.CacheResolver;
import javax.cache.configuration.MutableConfiguration;

/**
 * Finds one cache by name, creating it with {@code new MutableConfiguration<>()} when the manager
 * has none. The found cache is kept until it is closed (by {@code destroyCache}, by its manager
 * closing), so the usual call is one volatile read and one {@code isClosed()}. Two threads may
 * race to create the cache; the loser finds the winner's.
 */
final class NamedCacheResolver implements CacheResolver {

  private final String name;
  private final Supplier<CacheManager> cacheManager;
  private volatile Cache<Object, Object> cache;

  NamedCacheResolver(String name, Supplier<CacheManager> cacheManager) {
    this.name = name;
    this.cacheManager = cacheManager;
  }

  @Override
  public <K, V> Cache<K, V> resolveCache(
      CacheInvocationContext<? extends Annotation> cacheInvocationContext) {
    Cache<Object, Object> found = cache;
    if (found == null || found.isClosed()) {
      found = open();
      cache = found;
    }
    @SuppressWarnings("unchecked")
    Cache<K, V> typed = (Cache<K, V>) found;
    return typed;
  }

  private Cache<Object, Object> open() {
    CacheManager manager = cacheManager.get();
    Cache<Object, Object> found = manager.getCache(name);
    if (found != null) {
      return found;
    }
    try {
      return manager.createCache(name, new MutableConfiguration<>());
    } catch (CacheException e) {
      found = manager.getCache(name);
      if (found == null) {
        throw e;
      }
      return found;
    }
  }

  @Override
  public String toString() {
    return "NamedCacheResolver[" + name + "]";
  }
}
