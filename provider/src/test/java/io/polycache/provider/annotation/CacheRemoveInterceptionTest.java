package io.polycache.provider.annotation;

import static io.polycache.provider.annotation.Cdi.cache;
import static io.polycache.provider.annotation.Cdi.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import javax.cache.Cache;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CacheRemoveInterceptionTest {

  /** Removes entries of {@code cdi-loans}; each method throws {@code failure} when given one. */
  @ApplicationScoped
  public static class Loans {
    private volatile boolean sawEntry;

    public boolean sawEntry() {
      return sawEntry;
    }

    @CacheRemove(cacheName = "cdi-loans")
    public void returned(String isbn) {
      sawEntry = Cdi.cache("cdi-loans").containsKey(Cdi.key(isbn));
    }

    @CacheRemove(cacheName = "cdi-loans")
    public void returnedOrFail(@CacheKey String isbn, RuntimeException failure) {
      throw failure;
    }

    @CacheRemove(cacheName = "cdi-loans", evictFor = IllegalStateException.class,
        noEvictFor = UnsupportedOperationException.class)
    public void returnedDespite(@CacheKey String isbn, RuntimeException failure) {
      throw failure;
    }

    @CacheRemove(cacheName = "cdi-loans", afterInvocation = false)
    public void returnedFirst(@CacheKey String isbn, RuntimeException failure) {
      sawEntry = Cdi.cache("cdi-loans").containsKey(Cdi.key(isbn));
      throw failure;
    }

    @CacheRemoveAll(cacheName = "cdi-loans")
    public void allReturned() {
      sawEntry = Cdi.cache("cdi-loans").iterator().hasNext();
    }

    @CacheRemoveAll(cacheName = "cdi-loans", noEvictFor = IllegalStateException.class)
    public void allReturnedDespite(RuntimeException failure) {
      throw failure;
    }

    @CacheRemoveAll(cacheName = "cdi-loans", afterInvocation = false)
    public void allReturnedFirst(RuntimeException failure) {
      sawEntry = Cdi.cache("cdi-loans").iterator().hasNext();
      throw failure;
    }
  }

  private static WeldContainer container;
  private static Loans loans;

  @BeforeAll
  static void startContainer() {
    container = Cdi.start(Loans.class);
    loans = container.select(Loans.class).get();
  }

  @AfterAll
  static void stopContainer() {
    container.close();
  }

  @BeforeEach
  void twoLoans() {
    Cdi.destroy("cdi-loans");
    Cache<Object, Object> cache = Cdi.create("cdi-loans");
    cache.put(key("978-1"), "Ann");
    cache.put(key("978-2"), "Bob");
  }

  @Test
  void cacheRemove_removesTheKeyAfterTheMethodRan() {
    loans.returned("978-1");

    assertTrue(loans.sawEntry());
    assertFalse(cache("cdi-loans").containsKey(key("978-1")));
    assertTrue(cache("cdi-loans").containsKey(key("978-2")));
  }

  @Test
  void cacheRemove_methodFailsWithNoEvictFor_keepsTheEntry() {
    assertThrows(IllegalStateException.class,
        () -> loans.returnedOrFail("978-1", new IllegalStateException()));

    assertTrue(cache("cdi-loans").containsKey(key("978-1")));
  }

  @Test
  void cacheRemove_methodFailsWithAnEvictForType_stillRemoves() {
    assertThrows(IllegalStateException.class,
        () -> loans.returnedDespite("978-1", new IllegalStateException()));

    assertFalse(cache("cdi-loans").containsKey(key("978-1")));
  }

  @Test
  void cacheRemove_methodFailsWithANoEvictForType_keepsTheEntry() {
    assertThrows(UnsupportedOperationException.class,
        () -> loans.returnedDespite("978-1", new UnsupportedOperationException()));

    assertTrue(cache("cdi-loans").containsKey(key("978-1")));
  }

  @Test
  void cacheRemove_beforeInvocation_removesBeforeTheMethodRunsEvenWhenItFails() {
    assertThrows(IllegalStateException.class,
        () -> loans.returnedFirst("978-1", new IllegalStateException()));

    assertFalse(loans.sawEntry());
    assertFalse(cache("cdi-loans").containsKey(key("978-1")));
  }

  @Test
  void cacheRemoveAll_emptiesTheCacheAfterTheMethodRan() {
    loans.allReturned();

    assertTrue(loans.sawEntry());
    assertFalse(cache("cdi-loans").iterator().hasNext());
  }

  @Test
  void cacheRemoveAll_methodFailsWithANoEvictForType_keepsTheEntries() {
    assertThrows(IllegalStateException.class,
        () -> loans.allReturnedDespite(new IllegalStateException()));

    assertTrue(cache("cdi-loans").containsKey(key("978-1")));
  }

  @Test
  void cacheRemoveAll_methodFailsWithAnotherType_emptiesTheCache() {
    assertThrows(IllegalArgumentException.class,
        () -> loans.allReturnedDespite(new IllegalArgumentException()));

    assertFalse(cache("cdi-loans").iterator().hasNext());
  }

  @Test
  void cacheRemoveAll_beforeInvocation_emptiesBeforeTheMethodRunsEvenWhenItFails() {
    assertThrows(IllegalStateException.class,
        () -> loans.allReturnedFirst(new IllegalStateException()));

    assertFalse(loans.sawEntry());
    assertFalse(cache("cdi-loans").iterator().hasNext());
  }

  @Test
  void cacheRemoveAll_beforeTheCacheExists_createsItEmpty() {
    Cdi.destroy("cdi-loans");
    assertNull(cache("cdi-loans"));

    loans.allReturned();

    assertNotNull(cache("cdi-loans"));
    assertEquals(false, loans.sawEntry());
  }
}
