package io.polycache.benchmarks.client;

import io.polycache.benchmarks.Dataset.KeySet;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;

/** The in-process targets: Polycache's memory backend, Caffeine's JCache and the map limit. */
public final class MemoryClients {

  public static final String POLYCACHE_BY_REFERENCE = "polycache-by-reference";
  public static final String POLYCACHE_BY_VALUE = "polycache-by-value";
  public static final String CAFFEINE_BY_REFERENCE = "caffeine-jcache-by-reference";
  public static final String CAFFEINE_BY_VALUE = "caffeine-jcache-by-value";
  public static final String CONCURRENT_HASH_MAP = "concurrent-hash-map";

  private MemoryClients() {}

  public static SyncClient open(String target) {
    return switch (target) {
      case POLYCACHE_BY_REFERENCE -> polycache(false);
      case POLYCACHE_BY_VALUE -> polycache(true);
      case CAFFEINE_BY_REFERENCE -> caffeine(false);
      case CAFFEINE_BY_VALUE -> caffeine(true);
      case CONCURRENT_HASH_MAP -> new MapClient();
      default -> throw new IllegalArgumentException("unknown memory target " + target);
    };
  }

  /** An unbounded, eternal {@code String -> String} cache: what both providers serve fastest. */
  public static MutableConfiguration<String, String> configuration(boolean storeByValue) {
    return new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setStoreByValue(storeByValue);
  }

  private static SyncClient polycache(boolean storeByValue) {
    return jcache(Providers.polycache(), URI.create("memory:bench"), storeByValue);
  }

  private static SyncClient caffeine(boolean storeByValue) {
    CachingProvider provider = Providers.caffeine();
    return jcache(provider, provider.getDefaultURI(), storeByValue);
  }

  private static SyncClient jcache(CachingProvider provider, URI uri, boolean storeByValue) {
    CacheManager manager = provider.getCacheManager(uri, MemoryClients.class.getClassLoader());
    Cache<String, String> cache =
        manager.createCache(Providers.CACHE_NAME, configuration(storeByValue));
    return new JCacheSyncClient(cache, manager);
  }

  /** The limit: a map with no cache semantics at all. */
  private static final class MapClient implements SyncClient {
    private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();

    @Override
    public Object get(String key) {
      return map.get(key);
    }

    @Override
    public void put(String key, String value) {
      map.put(key, value);
    }

    @Override
    public Object getAll(KeySet keys) {
      Map<String, String> found = new HashMap<>();
      for (String key : keys.array()) {
        String value = map.get(key);
        if (value != null) {
          found.put(key, value);
        }
      }
      return found;
    }

    @Override
    public void preload(Map<String, String> entries) {
      map.putAll(entries);
    }

    @Override
    public void close() {
      map.clear();
    }
  }
}
