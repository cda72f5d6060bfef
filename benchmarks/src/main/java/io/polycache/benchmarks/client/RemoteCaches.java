package io.polycache.benchmarks.client;

import io.polycache.async.AsyncCache;
import io.polycache.benchmarks.Dataset.KeySet;
import io.polycache.provider.configuration.PolycacheConfiguration;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Future;
import javax.cache.Cache;
import javax.cache.CacheManager;

/**
 * Polycache caches on a remote backend, through {@link Cache} or its {@link AsyncCache} view.
 * Values use the {@code string} serializer, as the raw clients use their UTF-8 string codecs, so
 * the comparison measures the cache layer rather than a choice of value format.
 */
final class RemoteCaches {

  private RemoteCaches() {}

  static SyncClient polycacheSync(URI uri) {
    CacheManager manager = manager(uri);
    return new JCacheSyncClient(create(manager), manager);
  }

  static AsyncClient polycacheAsync(URI uri) {
    CacheManager manager = manager(uri);
    return new PolycacheAsyncClient(create(manager), manager);
  }

  private static CacheManager manager(URI uri) {
    return Providers.polycache().getCacheManager(uri, RemoteCaches.class.getClassLoader());
  }

  private static Cache<String, String> create(CacheManager manager) {
    PolycacheConfiguration<String, String> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, String.class);
    configuration.setSerializer("string");
    return manager.createCache(Providers.CACHE_NAME, configuration);
  }

  /** Polycache's {@code AsyncCache}: every call returns a {@code CompletableFuture}. */
  private static final class PolycacheAsyncClient implements AsyncClient {
    private final Cache<String, String> cache;
    private final AsyncCache<String, String> async;
    private final CacheManager manager;

    @SuppressWarnings("unchecked")
    PolycacheAsyncClient(Cache<String, String> cache, CacheManager manager) {
      this.cache = cache;
      this.async = cache.unwrap(AsyncCache.class);
      this.manager = manager;
    }

    @Override
    public Future<?> get(String key) {
      return async.get(key);
    }

    @Override
    public Future<?> put(String key, String value) {
      return async.put(key, value);
    }

    @Override
    public Future<?> getAll(KeySet keys) {
      return async.getAll(keys.set());
    }

    @Override
    public void preload(Map<String, String> entries) {
      cache.putAll(entries);
    }

    @Override
    public void close() {
      Closing.close(manager);
    }
  }
}
