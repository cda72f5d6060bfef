package io.polycache.benchmarks.client;

import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

/**
 * The three JCache providers on the benchmark class path. Each registers itself as a
 * {@code javax.cache.spi.CachingProvider} service, so the provider is always named explicitly;
 * {@code Caching.getCachingProvider()} without a name would refuse to choose.
 */
public final class Providers {

  public static final String POLYCACHE = "io.polycache.provider.PolycacheCachingProvider";
  public static final String CAFFEINE =
      "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";
  public static final String REDISSON = "org.redisson.jcache.JCachingProvider";

  /** The name of every cache the benchmarks create. */
  public static final String CACHE_NAME = "bench";

  private Providers() {}

  public static CachingProvider polycache() {
    return Caching.getCachingProvider(POLYCACHE);
  }

  public static CachingProvider caffeine() {
    return Caching.getCachingProvider(CAFFEINE);
  }

  public static CachingProvider redisson() {
    return Caching.getCachingProvider(REDISSON);
  }
}
