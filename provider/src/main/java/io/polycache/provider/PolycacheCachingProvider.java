package io.polycache.provider;

import io.polycache.provider.internal.Backends;
import io.polycache.provider.internal.ManagerSetup;
import io.polycache.provider.configuration.FileConfiguration;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * The one Polycache {@link CachingProvider}, found by {@code Caching.getCachingProvider()}. The
 * URI of a CacheManager picks its backend; the default URI comes from the system property
 * {@code polycache.uri}, else the environment variable {@code POLYCACHE_URI}, else
 * {@code memory:default}. There is one manager per (URI, class loader).
 */
public final class PolycacheCachingProvider implements CachingProvider {

  private final Map<ClassLoader, Map<URI, PolycacheCacheManager>> managers = new WeakHashMap<>();

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    Properties props = properties == null ? new Properties() : properties;
    synchronized (managers) {
      Map<URI, PolycacheCacheManager> byUri = managers.computeIfAbsent(loader, l -> new HashMap<>());
      PolycacheCacheManager manager = byUri.get(managerUri);
      if (manager == null) {
        manager = new PolycacheCacheManager(this, managerUri, loader, props,
            ManagerSetup.resolve(managerUri, getDefaultURI(), props, loader));
        byUri.put(managerUri, manager);
      }
      return manager;
    }
  }

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
    return getCacheManager(uri, classLoader, getDefaultProperties());
  }

  @Override
  public CacheManager getCacheManager() {
    return getCacheManager(getDefaultURI(), getDefaultClassLoader(), getDefaultProperties());
  }

  /** Forgets a manager that closed itself. */
  void release(PolycacheCacheManager manager) {
    synchronized (managers) {
      Map<URI, PolycacheCacheManager> byUri = managers.get(manager.getClassLoader());
      if (byUri != null && byUri.get(manager.getURI()) == manager) {
        byUri.remove(manager.getURI());
        if (byUri.isEmpty()) {
          managers.remove(manager.getClassLoader());
        }
      }
    }
  }

  @Override
  public ClassLoader getDefaultClassLoader() {
    return getClass().getClassLoader();
  }

  @Override
  public URI getDefaultURI() {
    return Backends.defaultUri();
  }

  @Override
  public Properties getDefaultProperties() {
    return new Properties();
  }

  @Override
  public void close() {
    for (PolycacheCacheManager manager : snapshot(null, null)) {
      manager.close();
    }
  }

  @Override
  public void close(ClassLoader classLoader) {
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    for (PolycacheCacheManager manager : snapshot(loader, null)) {
      manager.close();
    }
  }

  @Override
  public void close(URI uri, ClassLoader classLoader) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    for (PolycacheCacheManager manager : snapshot(loader, managerUri)) {
      manager.close();
    }
  }

  private java.util.List<PolycacheCacheManager> snapshot(ClassLoader loader, URI uri) {
    java.util.List<PolycacheCacheManager> result = new java.util.ArrayList<>();
    synchronized (managers) {
      managers.forEach((l, byUri) -> {
        if (loader == null || loader == l) {
          byUri.forEach((u, m) -> {
            if (uri == null || uri.equals(u)) {
              result.add(m);
            }
          });
        }
      });
    }
    return result;
  }

  @Override
  public boolean isSupported(OptionalFeature optionalFeature) {
    if (optionalFeature == OptionalFeature.STORE_BY_REFERENCE) {
      URI uri = getDefaultURI();
      URI backend = FileConfiguration.isFileUri(uri)
          ? FileConfiguration.load(uri, getDefaultClassLoader()).backend() : uri;
      return Backends.supportsStoreByReference(backend);
    }
    return false;
  }
}
