package io.polycache.provider.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.configuration.PolycacheConfiguration;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Store-by-value memory caches keep private copies; store-by-reference ones keep the objects. */
class StoreByValueTest {

  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("memory:by-value-test"),
        StoreByValueTest.class.getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private <K, V> Cache<K, V> cache(String name, boolean storeByValue) {
    PolycacheConfiguration<K, V> configuration = new PolycacheConfiguration<>();
    configuration.setStoreByValue(storeByValue);
    return manager.createCache(name, configuration);
  }

  @Test
  void storeByValue_valueMutatedAfterPut_cacheKeepsThePutState() {
    Cache<String, ArrayList<String>> cache = cache("values", true);
    ArrayList<String> list = new ArrayList<>(List.of("a"));
    cache.put("k", list);

    list.add("b");

    assertEquals(List.of("a"), cache.get("k"));
  }

  @Test
  void storeByValue_getReturnsAFreshCopyEachTime() {
    Cache<String, ArrayList<String>> cache = cache("values", true);
    cache.put("k", new ArrayList<>(List.of("a")));

    ArrayList<String> first = cache.get("k");
    ArrayList<String> second = cache.get("k");
    first.add("changed by the caller");

    assertNotSame(first, second);
    assertEquals(List.of("a"), second);
    assertEquals(List.of("a"), cache.get("k"));
  }

  @Test
  void storeByValue_dateValueMutatedAfterPut_cacheKeepsTheOriginalTime() {
    Cache<String, Date> cache = cache("dates", true);
    Date date = new Date(1_000);
    cache.put("k", date);

    date.setTime(2_000);

    assertEquals(new Date(1_000), cache.get("k"));
  }

  @Test
  void storeByValue_keyMutatedAfterPut_entryStaysUnderTheOriginalKey() {
    Cache<Date, String> cache = cache("date-keys", true);
    Date key = new Date(1_000);
    cache.put(key, "v");

    key.setTime(2_000);

    assertEquals("v", cache.get(new Date(1_000)));
    assertNull(cache.get(new Date(2_000)));
  }

  @Test
  void storeByValue_iteratorEntriesAreCopies() {
    Cache<String, ArrayList<String>> cache = cache("values", true);
    cache.put("k", new ArrayList<>(List.of("a")));

    for (Cache.Entry<String, ArrayList<String>> entry : cache) {
      entry.getValue().add("changed by the caller");
    }

    assertEquals(List.of("a"), cache.get("k"));
  }

  @Test
  void storeByReference_getReturnsTheInstancePut() {
    Cache<String, ArrayList<String>> cache = cache("references", false);
    ArrayList<String> list = new ArrayList<>(List.of("a"));
    cache.put("k", list);

    assertSame(list, cache.get("k"));
    list.add("b");
    assertEquals(List.of("a", "b"), cache.get("k"));
  }

  @Test
  void storeByValue_nonSerializableValue_isRejectedNamingTheCacheAndKeepsThePreviousValue() {
    Cache<String, Object> cache = cache("strict-values", true);
    cache.put("k", "previous");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> cache.put("k", new NotSerializable()));

    assertTrue(e.getMessage().contains("strict-values"), e.getMessage());
    assertEquals("previous", cache.get("k"));
  }

  @Test
  void storeByValue_nonSerializableKey_isRejectedAndStoresNothing() {
    Cache<Object, String> cache = cache("strict-keys", true);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> cache.put(new NotSerializable(), "v"));

    assertTrue(e.getMessage().contains("strict-keys"), e.getMessage());
    assertFalse(cache.iterator().hasNext());
  }

  @Test
  void storeByReference_nonSerializableValue_isStored() {
    Cache<String, Object> cache = cache("lenient", false);
    NotSerializable value = new NotSerializable();

    cache.put("k", value);

    assertSame(value, cache.get("k"));
  }

  /** A value that Java serialization refuses. */
  static final class NotSerializable {}
}
