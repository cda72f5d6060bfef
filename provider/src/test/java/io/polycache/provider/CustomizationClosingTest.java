package io.polycache.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polycache.provider.configuration.PolycacheConfiguration;
import java.io.Closeable;
import java.io.Serializable;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything {@code Closeable} that a cache's configuration creates (loader, writer, expiry
 * policy, listeners) is closed exactly once, however the cache ends.
 */
class CustomizationClosingTest {

  private static final URI MANAGER_URI = URI.create("memory:closing-test");

  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager(MANAGER_URI,
        CustomizationClosingTest.class.getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  /** One closeable of each kind, all counting their closes. */
  private static final class Customizations {
    final ClosingLoader loader = new ClosingLoader();
    final ClosingWriter writer = new ClosingWriter();
    final ClosingExpiry expiry = new ClosingExpiry();
    final ClosingListener listener = new ClosingListener();

    PolycacheConfiguration<String, String> configuration() {
      PolycacheConfiguration<String, String> configuration = new PolycacheConfiguration<>();
      configuration.setTypes(String.class, String.class);
      configuration.setCacheLoaderFactory(FactoryBuilder.factoryOf(loader));
      configuration.setReadThrough(true);
      configuration.setCacheWriterFactory(FactoryBuilder.factoryOf(writer));
      configuration.setWriteThrough(true);
      configuration.setExpiryPolicyFactory(FactoryBuilder.factoryOf(expiry));
      configuration.addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
          FactoryBuilder.factoryOf(listener), null, false, true));
      return configuration;
    }

    void assertClosedOnce() {
      List<Integer> closes = List.of(loader.closes.get(), writer.closes.get(),
          expiry.closes.get(), listener.closes.get());
      assertEquals(List.of(1, 1, 1, 1), closes, "closes of loader, writer, expiry, listener");
    }
  }

  private Cache<String, String> createAndUse(String name, Customizations customizations) {
    Cache<String, String> cache = manager.createCache(name, customizations.configuration());
    cache.put("k", "v");
    cache.get("missing");
    return cache;
  }

  @Test
  void cacheClose_closesEveryCustomizationOnce() {
    Customizations customizations = new Customizations();
    Cache<String, String> cache = createAndUse("closed", customizations);

    cache.close();
    cache.close();
    manager.close();

    customizations.assertClosedOnce();
  }

  @Test
  void destroyCache_closesEveryCustomizationOnce() {
    Customizations customizations = new Customizations();
    createAndUse("destroyed", customizations);

    manager.destroyCache("destroyed");
    manager.destroyCache("destroyed");
    manager.close();

    customizations.assertClosedOnce();
  }

  @Test
  void cacheManagerClose_closesEveryCustomizationOfEveryCacheOnce() {
    Customizations first = new Customizations();
    Customizations second = new Customizations();
    createAndUse("first", first);
    createAndUse("second", second);

    manager.close();
    manager.close();

    first.assertClosedOnce();
    second.assertClosedOnce();
  }

  @Test
  void listenerRegisteredLater_isClosedOnceWhenTheCacheCloses() {
    Cache<String, String> cache = manager.createCache("late",
        new PolycacheConfiguration<String, String>());
    ClosingListener listener = new ClosingListener();
    cache.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
        FactoryBuilder.factoryOf(listener), null, false, true));

    cache.close();
    manager.close();

    assertEquals(1, listener.closes.get());
  }

  @Test
  void deregisteredListener_isClosedOnDeregistrationAndNotAgain() {
    Cache<String, String> cache = manager.createCache("deregistered",
        new PolycacheConfiguration<String, String>());
    ClosingListener listener = new ClosingListener();
    MutableCacheEntryListenerConfiguration<String, String> registration =
        new MutableCacheEntryListenerConfiguration<>(FactoryBuilder.factoryOf(listener), null,
            false, true);
    cache.registerCacheEntryListener(registration);

    cache.deregisterCacheEntryListener(registration);
    assertEquals(1, listener.closes.get());

    cache.close();
    assertEquals(1, listener.closes.get());
  }

  /** Counts how often it is closed; the factory hands out this one instance. */
  abstract static class Closing implements Closeable, Serializable {
    private static final long serialVersionUID = 1L;

    final transient AtomicInteger closes = new AtomicInteger();

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  static final class ClosingLoader extends Closing implements CacheLoader<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String load(String key) {
      return null;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      return Map.of();
    }
  }

  static final class ClosingWriter extends Closing implements CacheWriter<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void write(Cache.Entry<? extends String, ? extends String> entry) {}

    @Override
    public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
      entries.clear();
    }

    @Override
    public void delete(Object key) {}

    @Override
    public void deleteAll(Collection<?> keys) {
      keys.clear();
    }
  }

  static final class ClosingExpiry extends Closing implements ExpiryPolicy {
    private static final long serialVersionUID = 1L;

    @Override
    public Duration getExpiryForCreation() {
      return Duration.ETERNAL;
    }

    @Override
    public Duration getExpiryForAccess() {
      return null;
    }

    @Override
    public Duration getExpiryForUpdate() {
      return null;
    }
  }

  static final class ClosingListener extends Closing
      implements CacheEntryCreatedListener<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {}
  }
}
