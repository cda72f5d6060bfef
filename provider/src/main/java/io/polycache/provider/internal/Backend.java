package io.polycache.provider.internal;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.store.Store;

/**
 * Where one CacheManager keeps its caches: it opens one {@link Store} per cache and owns the
 * connections they share. Chosen by the manager's URI.
 */
public interface Backend extends AutoCloseable {

  /** Whether caches may keep references to the caller's objects (only in-process stores can). */
  boolean supportsStoreByReference();

  /**
   * Opens the store of one cache.
   *
   * @param cacheName the cache's name
   * @param configuration the cache's configuration (a private copy)
   * @param expiring whether the cache's expiry policy can ever expire an entry
   * @param onEviction told once for every entry a size bound evicts
   */
  Store<Object, Object> open(String cacheName, PolycacheConfiguration<?, ?> configuration,
      boolean expiring, Runnable onEviction);

  /** The codecs for a cache of this backend: store-by-value copies or identity. */
  Codec keyCodec(String cacheName, PolycacheConfiguration<?, ?> configuration,
      ClassLoader classLoader);

  /** See {@link #keyCodec}. */
  Codec valueCodec(String cacheName, PolycacheConfiguration<?, ?> configuration,
      ClassLoader classLoader);

  /** Releases the backend's connections; stores opened by it are unusable afterwards. */
  @Override
  void close();
}
