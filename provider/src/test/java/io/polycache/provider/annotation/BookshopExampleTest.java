package io.polycache.provider.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import org.junit.jupiter.api.Test;

/** The example of docs/annotations.md, run: a CDI bean with the standard annotations. */
class BookshopExampleTest {

  @ApplicationScoped
  public static class Bookshop {
    private final AtomicInteger lookups = new AtomicInteger();

    @CacheResult(cacheName = "titles")
    public String title(String isbn) {
      lookups.incrementAndGet();
      return "Title of " + isbn;
    }

    @CachePut(cacheName = "titles")
    public void rename(String isbn, @CacheValue String title) {}

    @CacheRemove(cacheName = "titles")
    public void withdraw(String isbn) {}

    @CacheResult(cacheName = "prices")
    public CompletableFuture<BigDecimal> price(String isbn) {
      lookups.incrementAndGet();
      return CompletableFuture.supplyAsync(() -> new BigDecimal("42.00"));
    }

    public int lookups() {
      return lookups.get();
    }
  }

  @Test
  void bookshop_cachesTitlesAndPrices_inTheDefaultCacheManager() {
    Cdi.destroy("titles", "prices");
    try (SeContainer container = SeContainerInitializer.newInstance()
        .disableDiscovery()
        .addExtensions(new PolycacheCdiExtension())
        .addBeanClasses(Bookshop.class)
        .initialize()) {
      Bookshop shop = container.select(Bookshop.class).get();

      shop.title("978-1");
      shop.title("978-1");
      assertEquals(1, shop.lookups());

      shop.rename("978-1", "A New Title");
      assertEquals("A New Title", shop.title("978-1"));

      shop.withdraw("978-1");
      assertEquals("Title of 978-1", shop.title("978-1"));
      assertEquals(2, shop.lookups());

      assertEquals(new BigDecimal("42.00"), shop.price("978-1").join());
      CompletableFuture<BigDecimal> cached = shop.price("978-1");
      assertTrue(cached.isDone());
      assertEquals(3, shop.lookups());
    }
  }
}
