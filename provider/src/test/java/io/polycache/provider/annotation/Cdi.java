package io.polycache.provider.annotation;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** A Weld SE container for the annotation tests, and the default manager's caches they use. */
final class Cdi {

  private Cdi() {}

  /**
   * A container of exactly {@code beanClasses} and the extension. With discovery disabled Weld
   * does not read {@code META-INF/services}, so the extension is added by hand.
   */
  static WeldContainer start(Class<?>... beanClasses) {
    return new Weld().disableDiscovery().addExtension(new PolycacheCdiExtension())
        .addBeanClasses(beanClasses).initialize();
  }

  /** The default CacheManager: the one the default resolver factory uses ({@code memory:}). */
  static CacheManager manager() {
    return Caching.getCachingProvider().getCacheManager();
  }

  /** The cache {@code name} of the default manager, or null when it does not exist. */
  static Cache<Object, Object> cache(String name) {
    return manager().getCache(name);
  }

  /** Destroys the caches {@code names} so a test starts without them. */
  static void destroy(String... names) {
    for (String name : names) {
      manager().destroyCache(name);
    }
  }

  /** Creates the cache {@code name} as the default resolver would. */
  static Cache<Object, Object> create(String name) {
    return manager().createCache(name, new MutableConfiguration<>());
  }

  /** The key the default generator makes of {@code values}. */
  static DefaultGeneratedCacheKey key(Object... values) {
    return DefaultGeneratedCacheKey.of(values);
  }
}
