package io.polycache.provider.annotation;

import java.lang.annotation.Annotation;
import java.util.Objects;
import java.util.function.Supplier;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;

/**
 * The resolver factory used when neither the annotation nor {@code @CacheDefaults} names one and
 * the application declares no {@link CacheResolverFactory} bean. Its resolvers find the cache by
 * name in a {@link CacheManager} and create a missing one with
 * {@code new MutableConfiguration<>()} (untyped, store-by-value, eternal), as the specification
 * asks; the exception cache of {@code @CacheResult(exceptionCacheName = ...)} likewise.
 *
 * <p>The no-argument form uses the default manager,
 * {@code Caching.getCachingProvider().getCacheManager()}, whose backend is chosen by the system
 * property {@code polycache.uri} or the environment variable {@code POLYCACHE_URI} (default
 * {@code memory:}). To use another manager, declare a CDI bean:
 *
 * <pre>{@code
 * @Produces @ApplicationScoped
 * CacheResolverFactory cacheResolverFactory(CacheManager redis) {
 *   return new DefaultCacheResolverFactory(redis);
 * }
 * }</pre>
 *
 * <p>A resolver keeps the cache it found and looks again only once that cache is closed, so a
 * call costs no lookup; with the default manager a closed manager is replaced by a new one.
 * Thread-safe.
 */
public class DefaultCacheResolverFactory implements CacheResolverFactory {

  private final Supplier<CacheManager> cacheManager;

  /** Resolves caches in the default CacheManager of the default caching provider. */
  public DefaultCacheResolverFactory() {
    this.cacheManager = () -> Caching.getCachingProvider().getCacheManager();
  }

  /**
   * Resolves caches in {@code cacheManager}.
   *
   * @throws NullPointerException if {@code cacheManager} is null
   */
  public DefaultCacheResolverFactory(CacheManager cacheManager) {
    Objects.requireNonNull(cacheManager, "cacheManager");
    this.cacheManager = () -> cacheManager;
  }

  @Override
  public CacheResolver getCacheResolver(
      CacheMethodDetails<? extends Annotation> cacheMethodDetails) {
    return new NamedCacheResolver(cacheMethodDetails.getCacheName(), cacheManager);
  }

  /**
   * A resolver of the cache named by {@code exceptionCacheName}.
   *
   * @throws IllegalArgumentException if the annotation names no exception cache
   */
  @Override
  public CacheResolver getExceptionCacheResolver(
      CacheMethodDetails<CacheResult> cacheMethodDetails) {
    String name = cacheMethodDetails.getCacheAnnotation().exceptionCacheName();
    if (name.isEmpty()) {
      throw new IllegalArgumentException(cacheMethodDetails.getMethod()
          + " names no exceptionCacheName in its @CacheResult");
    }
    return new NamedCacheResolver(name, cacheManager);
  }
}
