package io.polycache.provider.annotation;

import static io.polycache.provider.annotation.Cdi.cache;
import static io.polycache.provider.annotation.Cdi.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachePutInterceptionTest {

  /** Book titles kept in {@code cdi-shelf}; {@code fail} makes a method throw after its work. */
  @ApplicationScoped
  public static class Shelf {
    private final AtomicInteger runs = new AtomicInteger();
    private volatile boolean sawValueInCache;

    public int runs() {
      return runs.get();
    }

    public boolean sawValueInCache() {
      return sawValueInCache;
    }

    public void reset() {
      runs.set(0);
      sawValueInCache = false;
    }

    @CacheResult(cacheName = "cdi-shelf")
    public String title(String isbn) {
      runs.incrementAndGet();
      return "looked up " + isbn;
    }

    @CachePut(cacheName = "cdi-shelf")
    public void save(String isbn, @CacheValue String title) {
      runs.incrementAndGet();
    }

    @CachePut(cacheName = "cdi-shelf")
    public void saveOrFail(@CacheKey String isbn, @CacheValue String title,
        RuntimeException failure) {
      runs.incrementAndGet();
      throw failure;
    }

    @CachePut(cacheName = "cdi-shelf", cacheFor = IllegalStateException.class,
        noCacheFor = UnsupportedOperationException.class)
    public void saveDespite(@CacheKey String isbn, @CacheValue String title,
        RuntimeException failure) {
      runs.incrementAndGet();
      throw failure;
    }

    @CachePut(cacheName = "cdi-shelf", afterInvocation = false)
    public void saveFirst(@CacheKey String isbn, @CacheValue String title, boolean fail) {
      runs.incrementAndGet();
      sawValueInCache = title.equals(Cdi.cache("cdi-shelf").get(Cdi.key(isbn)));
      if (fail) {
        throw new IllegalStateException("failed after the put");
      }
    }
  }

  private static WeldContainer container;
  private static Shelf shelf;

  @BeforeAll
  static void startContainer() {
    container = Cdi.start(Shelf.class);
    shelf = container.select(Shelf.class).get();
  }

  @AfterAll
  static void stopContainer() {
    container.close();
  }

  @BeforeEach
  void emptyCache() {
    Cdi.destroy("cdi-shelf");
    shelf.reset();
  }

  @Test
  void cachePut_storesTheCacheValueUnderTheKeyOfTheOtherArguments() {
    shelf.save("978-1", "Effective Java");

    assertEquals("Effective Java", cache("cdi-shelf").get(key("978-1")));
    assertEquals(1, shelf.runs());
  }

  @Test
  void cachePut_thenCacheResultOfTheSameKey_isAHitOnThePutValue() {
    shelf.save("978-1", "Effective Java");

    assertEquals("Effective Java", shelf.title("978-1"));
    assertEquals(1, shelf.runs());
  }

  @Test
  void cachePut_methodFailsWithNoCacheFor_putsNothing() {
    assertThrows(IllegalStateException.class,
        () -> shelf.saveOrFail("978-1", "Effective Java", new IllegalStateException()));

    assertFalse(cache("cdi-shelf").containsKey(key("978-1")));
  }

  @Test
  void cachePut_methodFailsWithACacheForType_stillPuts() {
    assertThrows(IllegalStateException.class,
        () -> shelf.saveDespite("978-1", "Effective Java", new IllegalStateException()));

    assertEquals("Effective Java", cache("cdi-shelf").get(key("978-1")));
  }

  @Test
  void cachePut_methodFailsWithANoCacheForType_putsNothing() {
    assertThrows(UnsupportedOperationException.class, () -> shelf.saveDespite("978-1",
        "Effective Java", new UnsupportedOperationException()));

    assertFalse(cache("cdi-shelf").containsKey(key("978-1")));
  }

  @Test
  void cachePut_methodFailsWithAnUnlistedType_putsNothing() {
    assertThrows(IllegalArgumentException.class, () -> shelf.saveDespite("978-1",
        "Effective Java", new IllegalArgumentException()));

    assertFalse(cache("cdi-shelf").containsKey(key("978-1")));
  }

  @Test
  void cachePut_beforeInvocation_putsBeforeTheMethodRunsEvenWhenItFails() {
    assertThrows(IllegalStateException.class, () -> shelf.saveFirst("978-1", "Effective Java",
        true));

    assertEquals(true, shelf.sawValueInCache());
    assertEquals("Effective Java", cache("cdi-shelf").get(key("978-1")));
  }

  @Test
  void cachePut_nullCacheValue_removesTheKeyBecauseJCacheStoresNoNulls() {
    shelf.save("978-1", "Effective Java");

    shelf.save("978-1", null);

    assertFalse(cache("cdi-shelf").containsKey(key("978-1")));
    assertEquals(2, shelf.runs());
  }
}
