package io.polycache.provider.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.testing.MutableClock;
import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.EventType;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expiry policies on the memory backend, driven by an injected clock instead of sleeping. */
class ExpiryWithInjectedClockTest {

  private static final Duration TEN_SECONDS = new Duration(TimeUnit.SECONDS, 10);

  private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("memory:expiry-test"),
        ExpiryWithInjectedClockTest.class.getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private Cache<String, String> cache(String name, Factory<ExpiryPolicy> expiry) {
    PolycacheConfiguration<String, String> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, String.class);
    configuration.setExpiryPolicyFactory(expiry);
    configuration.setClockFactory(clock.factory());
    return manager.createCache(name, configuration);
  }

  private void advanceMillis(long millis) {
    clock.advance(java.time.Duration.ofMillis(millis));
  }

  private static int count(Cache<String, String> cache) {
    int n = 0;
    for (Cache.Entry<String, String> entry : cache) {
      n++;
    }
    return n;
  }

  @Test
  void createdExpiry_oneMillisecondBeforeTenSeconds_entryIsVisibleToEveryRead() {
    Cache<String, String> cache = cache("created", CreatedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "v");

    advanceMillis(9_999);

    assertEquals(1, count(cache));
    assertTrue(cache.containsKey("k"));
    assertEquals("v", cache.get("k"));
  }

  @Test
  void createdExpiry_atTenSeconds_getReturnsNull() {
    Cache<String, String> cache = cache("created", CreatedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "v");

    advanceMillis(10_000);

    assertNull(cache.get("k"));
  }

  @Test
  void createdExpiry_atTenSeconds_containsKeyIsFalse() {
    Cache<String, String> cache = cache("created", CreatedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "v");

    advanceMillis(10_000);

    assertFalse(cache.containsKey("k"));
  }

  @Test
  void createdExpiry_atTenSeconds_iteratorSkipsTheEntry() {
    Cache<String, String> cache = cache("created", CreatedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("old", "v");
    advanceMillis(5_000);
    cache.put("young", "v");

    advanceMillis(5_000);

    List<String> keys = new ArrayList<>();
    cache.forEach(entry -> keys.add(entry.getKey()));
    assertEquals(List.of("young"), keys);
  }

  @Test
  void createdExpiry_accessDoesNotExtendTheEntry() {
    Cache<String, String> cache = cache("created", CreatedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "v");
    advanceMillis(9_000);
    assertEquals("v", cache.get("k"));

    advanceMillis(1_000);

    assertNull(cache.get("k"));
  }

  @Test
  void accessedExpiry_withoutAccess_expiresAfterTenSeconds() {
    Cache<String, String> cache = cache("accessed", AccessedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "v");

    advanceMillis(10_000);

    assertFalse(cache.containsKey("k"));
  }

  @Test
  void accessedExpiry_getExtendsTheEntryByTenSecondsFromTheAccess() {
    Cache<String, String> cache = cache("accessed", AccessedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "v");
    advanceMillis(6_000);
    assertEquals("v", cache.get("k"));

    advanceMillis(9_999);
    assertTrue(cache.containsKey("k"), "the access at +6 s should keep the entry until +16 s");

    advanceMillis(1);
    assertNull(cache.get("k"));
  }

  @Test
  void accessedExpiry_containsKeyIsNotAnAccess() {
    Cache<String, String> cache = cache("accessed", AccessedExpiryPolicy.factoryOf(TEN_SECONDS));
    cache.put("k", "v");
    advanceMillis(6_000);
    assertTrue(cache.containsKey("k"));

    advanceMillis(4_000);

    assertNull(cache.get("k"));
  }

  @Test
  void expiredListener_synchronousWithOldValue_seesTheValueWhenAnExpiredEntryIsRead() {
    Cache<String, String> cache = cache("listened", CreatedExpiryPolicy.factoryOf(TEN_SECONDS));
    ExpiredRecorder recorder = new ExpiredRecorder();
    cache.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
        FactoryBuilder.factoryOf(recorder), null, true, true));
    cache.put("k", "v");

    advanceMillis(10_000);
    assertNull(cache.get("k"));

    assertEquals(1, recorder.events.size(), "EXPIRED events: " + recorder.events);
    CacheEntryEvent<? extends String, ? extends String> event = recorder.events.get(0);
    assertEquals(EventType.EXPIRED, event.getEventType());
    assertEquals("k", event.getKey());
    assertTrue(event.isOldValueAvailable());
    assertEquals("v", event.getOldValue());
  }

  /** Records EXPIRED events; synchronous, so the test reads them right after the call. */
  static final class ExpiredRecorder
      implements CacheEntryExpiredListener<String, String>, Serializable {
    private static final long serialVersionUID = 1L;

    final transient List<CacheEntryEvent<? extends String, ? extends String>> events =
        new ArrayList<>();

    @Override
    public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends String>> batch) {
      batch.forEach(events::add);
    }
  }
}
