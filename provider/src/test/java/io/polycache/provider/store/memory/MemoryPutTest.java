package io.polycache.provider.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.internal.PolycacheCache;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A put on a memory cache whose entries are eternal, with no writer and no listener, writes
 * without reading the old entry; a listener registered later, or a writer, still sees each put
 * as the specification says.
 */
class MemoryPutTest {

  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("memory:put-test"),
        MemoryPutTest.class.getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private Cache<String, String> cache(String name, boolean byValue) {
    PolycacheConfiguration<String, String> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, String.class);
    configuration.setStatisticsEnabled(true);
    configuration.setStoreByValue(byValue);
    return manager.createCache(name, configuration);
  }

  @Test
  void plainPuts_overwriteAndAreEachCounted() {
    for (boolean byValue : new boolean[] {false, true}) {
      Cache<String, String> cache = cache("plain-" + byValue, byValue);

      cache.put("k", "v1");
      cache.put("k", "v2");
      cache.put("other", "v3");

      assertEquals("v2", cache.get("k"));
      assertEquals(Map.of("k", "v2", "other", "v3"), cache.getAll(Set.of("k", "other")));
      assertEquals(3, cache.unwrap(PolycacheCache.class).statistics().getCachePuts());
    }
  }

  @Test
  void listenerRegisteredAfterPuts_seesTheNextPutAsAnUpdateWithItsOldValue() {
    Cache<String, String> cache = cache("listened", false);
    cache.put("k", "v1");
    List<String> seen = new ArrayList<>();
    CacheEntryUpdatedListener<String, String> listener = events -> {
      for (CacheEntryEvent<? extends String, ? extends String> event : events) {
        seen.add(event.getEventType() + " " + event.getKey() + " " + event.getOldValue() + "->"
            + event.getValue());
      }
    };
    MutableCacheEntryListenerConfiguration<String, String> registration =
        new MutableCacheEntryListenerConfiguration<>(() -> listener, null, true, true);
    cache.registerCacheEntryListener(registration);

    cache.put("k", "v2");
    cache.deregisterCacheEntryListener(registration);
    cache.put("k", "v3");

    assertEquals(List.of("UPDATED k v1->v2"), seen);
    assertEquals("v3", cache.get("k"));
  }

  @Test
  void writeThrough_seesEveryPut_andAFailedWriteLeavesTheEntryAsItWas() {
    List<String> written = new ArrayList<>();
    CacheWriter<String, String> writer = new CacheWriter<>() {
      @Override
      public void write(Cache.Entry<? extends String, ? extends String> entry) {
        if (entry.getValue().equals("refused")) {
          throw new CacheWriterException("refused by the test's writer");
        }
        written.add(entry.getKey() + "=" + entry.getValue());
      }

      @Override
      public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
        entries.forEach(this::write);
      }

      @Override
      public void delete(Object key) {}

      @Override
      public void deleteAll(Collection<?> keys) {}
    };
    PolycacheConfiguration<String, String> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, String.class);
    configuration.setCacheWriterFactory(() -> writer);
    configuration.setWriteThrough(true);
    Cache<String, String> cache = manager.createCache("written", configuration);

    cache.put("k", "v1");
    cache.put("k", "v2");
    assertThrows(CacheWriterException.class, () -> cache.put("k", "refused"));

    assertEquals(List.of("k=v1", "k=v2"), written);
    assertEquals("v2", cache.get("k"));
    assertTrue(cache.containsKey("k"));
  }
}
