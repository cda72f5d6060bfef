package io.polycache.provider.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.configuration.PolycacheConfiguration;
import java.net.URI;
import java.util.Collections;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The synchronous API refuses null and wrongly typed arguments before touching the store. */
class SyncArgumentCheckTest {

  private CacheManager manager;
  private Cache<String, Integer> cache;

  @BeforeEach
  void openCache() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("memory:arguments-test"),
        SyncArgumentCheckTest.class.getClassLoader());
    PolycacheConfiguration<String, Integer> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, Integer.class);
    cache = manager.createCache("typed", configuration);
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  @Test
  void put_nullKey_throwsNullPointerException() {
    assertThrows(NullPointerException.class, () -> cache.put(null, 1));
    assertFalse(cache.iterator().hasNext());
  }

  @Test
  void put_nullValue_throwsNullPointerException() {
    assertThrows(NullPointerException.class, () -> cache.put("k", null));
    assertFalse(cache.containsKey("k"));
  }

  @Test
  void get_nullKey_throwsNullPointerException() {
    assertThrows(NullPointerException.class, () -> cache.get(null));
  }

  @Test
  void getAll_setWithNullKey_throwsNullPointerException() {
    Set<String> keys = Collections.singleton(null);
    assertThrows(NullPointerException.class, () -> cache.getAll(keys));
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void put_wrongKeyTypeThroughRawReference_throwsClassCastExceptionNamingTheCache() {
    Cache raw = cache;

    ClassCastException e = assertThrows(ClassCastException.class, () -> raw.put(42, 1));

    assertTrue(e.getMessage().contains("typed"), e.getMessage());
    assertFalse(cache.iterator().hasNext());
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void put_wrongValueTypeThroughRawReference_throwsClassCastExceptionAndStoresNothing() {
    Cache raw = cache;

    ClassCastException e = assertThrows(ClassCastException.class, () -> raw.put("k", "one"));

    assertTrue(e.getMessage().contains("typed"), e.getMessage());
    assertFalse(cache.containsKey("k"));
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void get_wrongKeyTypeThroughRawReference_throwsClassCastException() {
    Cache raw = cache;

    ClassCastException e = assertThrows(ClassCastException.class, () -> raw.get(42));

    assertTrue(e.getMessage().contains("typed"), e.getMessage());
  }
}
