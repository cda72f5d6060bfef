package io.polycache.provider.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.internal.PolycacheCache;
import io.polycache.provider.management.CacheStatistics;
import java.net.URI;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Size bounds of memory caches, seen through the JCache API and the cache's statistics. */
class MemoryBoundsTest {

  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("memory:bounds-test"),
        MemoryBoundsTest.class.getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private static <K, V> int count(Cache<K, V> cache) {
    int n = 0;
    for (Cache.Entry<K, V> entry : cache) {
      n++;
    }
    return n;
  }

  private static CacheStatistics statistics(Cache<?, ?> cache) {
    return cache.unwrap(PolycacheCache.class).statistics();
  }

  @Test
  void maximumEntries_thousandPuts_keepsAtMostTheBoundAndCountsEveryEviction() {
    PolycacheConfiguration<Integer, String> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(Integer.class, String.class);
    configuration.setStatisticsEnabled(true);
    configuration.setMaximumEntries(100);
    Cache<Integer, String> cache = manager.createCache("by-entries", configuration);

    for (int i = 0; i < 1_000; i++) {
      cache.put(i, "value-" + i);
    }

    int remaining = count(cache);
    assertTrue(remaining > 0 && remaining <= 100, "entries left: " + remaining);
    CacheStatistics statistics = statistics(cache);
    assertEquals(1_000 - remaining, statistics.getCacheEvictions());
    assertEquals(1_000, statistics.getCachePuts());
  }

  @Test
  void maximumEntries_belowTheBound_evictsNothing() {
    PolycacheConfiguration<Integer, String> configuration = new PolycacheConfiguration<>();
    configuration.setStatisticsEnabled(true);
    configuration.setMaximumEntries(100);
    Cache<Integer, String> cache = manager.createCache("under-bound", configuration);

    for (int i = 0; i < 100; i++) {
      cache.put(i, "value-" + i);
    }

    assertEquals(100, count(cache));
    assertEquals(0, statistics(cache).getCacheEvictions());
  }

  @Test
  void maximumBytes_storeByValue_evictsWhenLargeValuesArePut() {
    PolycacheConfiguration<Integer, byte[]> configuration = new PolycacheConfiguration<>();
    configuration.setStatisticsEnabled(true);
    configuration.setMaximumBytes(50_000);
    Cache<Integer, byte[]> cache = manager.createCache("by-bytes", configuration);

    for (int i = 0; i < 50; i++) {
      cache.put(i, new byte[5_000]);
    }

    int remaining = count(cache);
    assertTrue(remaining > 0 && remaining <= 10,
        "50,000 bytes cannot hold " + remaining + " values of 5,000 bytes");
    assertEquals(50 - remaining, statistics(cache).getCacheEvictions());
  }

  @Test
  void maximumBytes_smallValuesWithinTheBound_evictsNothing() {
    PolycacheConfiguration<Integer, byte[]> configuration = new PolycacheConfiguration<>();
    configuration.setStatisticsEnabled(true);
    configuration.setMaximumBytes(50_000);
    Cache<Integer, byte[]> cache = manager.createCache("small-values", configuration);

    for (int i = 0; i < 50; i++) {
      cache.put(i, new byte[10]);
    }

    assertEquals(50, count(cache));
    assertEquals(0, statistics(cache).getCacheEvictions());
  }

  @Test
  void maximumBytes_storeByReference_failsAtCreateCacheNamingTheCacheAndTheAlternative() {
    PolycacheConfiguration<Integer, byte[]> configuration = new PolycacheConfiguration<>();
    configuration.setStoreByValue(false);
    configuration.setMaximumBytes(50_000);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> manager.createCache("by-reference-bytes", configuration));

    assertTrue(e.getMessage().contains("by-reference-bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("maximumEntries"), e.getMessage());
    assertNull(manager.getCache("by-reference-bytes"));
  }

  @Test
  void maximumEntries_storeByReference_isAccepted() {
    PolycacheConfiguration<Integer, String> configuration = new PolycacheConfiguration<>();
    configuration.setStoreByValue(false);
    configuration.setStatisticsEnabled(true);
    configuration.setMaximumEntries(10);
    Cache<Integer, String> cache = manager.createCache("by-reference-entries", configuration);

    for (int i = 0; i < 20; i++) {
      cache.put(i, "value-" + i);
    }

    int remaining = count(cache);
    assertTrue(remaining > 0 && remaining <= 10, "entries left: " + remaining);
    assertEquals(20 - remaining, statistics(cache).getCacheEvictions());
  }
}
