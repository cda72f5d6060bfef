package io.polycache.provider;

import io.polycache.provider.configuration.ManagerOptions;
import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.internal.ManagerSetup;
import io.polycache.provider.internal.Uris;
import io.polycache.provider.store.Backend;
import io.polycache.provider.internal.PolycacheCache;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;

/**
 * A JCache {@link CacheManager}: one backend (chosen by the URI) and the caches created through
 * this instance. It never "discovers" caches from data already on a server: a cache exists once
 * {@link #createCache} made it here.
 */
public final class PolycacheCacheManager implements CacheManager {

  private final PolycacheCachingProvider provider;
  private final URI uri;
  private final ClassLoader classLoader;
  private final Properties properties;
  private final Backend backend;
  private final ManagerOptions options;
  private final Map<String, PolycacheCache<?, ?>> caches = new ConcurrentHashMap<>();
  private final PolycacheCache.ManagerView view;
  private volatile boolean closed;

  PolycacheCacheManager(PolycacheCachingProvider provider, URI uri, ClassLoader classLoader,
      Properties properties, ManagerSetup setup) {
    this.provider = provider;
    this.uri = uri;
    this.classLoader = classLoader;
    this.properties = properties;
    this.backend = setup.backend();
    this.options = setup.options();
    this.view = new PolycacheCache.ManagerView() {
      @Override
      public CacheManager cacheManager() {
        return PolycacheCacheManager.this;
      }

      @Override
      public void release(String cacheName) {
        caches.remove(cacheName);
      }

      @Override
      public ManagerOptions options() {
        return options;
      }
    };
    try {
      setup.declaredCaches().forEach(this::createDeclared);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void createDeclared(String name, PolycacheConfiguration<?, ?> configuration) {
    createCache(name, (PolycacheConfiguration) configuration);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("CacheManager " + Uris.redact(uri) + " is closed");
    }
  }

  @Override
  public CachingProvider getCachingProvider() {
    return provider;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  @Override
  public ClassLoader getClassLoader() {
    return classLoader;
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  @Override
  public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName,
      C configuration) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(configuration, "configuration");
    PolycacheConfiguration<K, V> copy = PolycacheConfiguration.copyOf(configuration);
    if (!copy.isStoreByValue() && !backend.supportsStoreByReference()) {
      throw new UnsupportedOperationException("Cache " + cacheName + ": the backend of "
          + Uris.redact(uri)
          + " stores by value only; create the cache with setStoreByValue(true)");
    }
    if (copy.isReadThrough() && copy.getCacheLoaderFactory() == null) {
      throw new IllegalArgumentException("Cache " + cacheName
          + ": read-through needs a CacheLoader factory");
    }
    if (copy.isWriteThrough() && copy.getCacheWriterFactory() == null) {
      throw new IllegalArgumentException("Cache " + cacheName
          + ": write-through needs a CacheWriter factory");
    }
    synchronized (caches) {
      if (caches.containsKey(cacheName)) {
        throw new CacheException("Cache " + cacheName + " already exists in CacheManager "
            + Uris.redact(uri));
      }
      PolycacheCache<K, V> cache = new PolycacheCache<>(view, cacheName, copy, backend);
      caches.put(cacheName, cache);
      return cache;
    }
  }

  @Override
  public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
    PolycacheCache<?, ?> cache = caches.get(cacheName);
    if (cache == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Configuration<?, ?> configuration = cache.getConfiguration(Configuration.class);
    if (!configuration.getKeyType().equals(keyType)
        || !configuration.getValueType().equals(valueType)) {
      throw new ClassCastException("Cache " + cacheName + " has types <"
          + configuration.getKeyType().getName() + ", " + configuration.getValueType().getName()
          + ">, not <" + keyType.getName() + ", " + valueType.getName() + ">");
    }
    @SuppressWarnings("unchecked")
    Cache<K, V> typed = (Cache<K, V>) cache;
    return typed;
  }

  @Override
  public <K, V> Cache<K, V> getCache(String cacheName) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    @SuppressWarnings("unchecked")
    Cache<K, V> cache = (Cache<K, V>) caches.get(cacheName);
    return cache;
  }

  @Override
  public Iterable<String> getCacheNames() {
    ensureOpen();
    return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
  }

  @Override
  public void destroyCache(String cacheName) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    PolycacheCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.destroy();
    }
  }

  @Override
  public void enableManagement(String cacheName, boolean enabled) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    PolycacheCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.setManagementEnabled(enabled);
    }
  }

  @Override
  public void enableStatistics(String cacheName, boolean enabled) {
    ensureOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    PolycacheCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.setStatisticsEnabled(enabled);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    provider.release(this);
    for (PolycacheCache<?, ?> cache : new ArrayList<>(caches.values())) {
      cache.close();
    }
    caches.clear();
    backend.close();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("CacheManager " + Uris.redact(uri)
        + " cannot be unwrapped to "
        + clazz.getName());
  }

  @Override
  public String toString() {
    return "PolycacheCacheManager[" + Uris.redact(uri) + "]";
  }
}
