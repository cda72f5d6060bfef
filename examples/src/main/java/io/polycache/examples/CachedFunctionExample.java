package io.polycache.examples;

import io.polycache.async.AsyncCache;
import io.polycache.async.CachedFunction;
import io.polycache.async.MultiCachedFunction;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * Cached functions (aiocache's {@code cached} and {@code multi_cached}): a slow price lookup
 * whose results are cached for five minutes under readable keys, with 100 concurrent callers on
 * a cold key making one call, results that must not be cached skipped, a blocking variant, and a
 * bulk variant that asks the service only for what the cache lacks.
 */
public final class CachedFunctionExample {

  private CachedFunctionExample() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** A slow remote service, standing in for a database or an HTTP API. */
  static final class PriceService {
    final AtomicInteger calls = new AtomicInteger();

    CompletableFuture<BigDecimal> price(String sku) {
      calls.incrementAndGet();
      return CompletableFuture.supplyAsync(() -> sku.startsWith("promo") ? BigDecimal.ZERO
          : new BigDecimal(sku.length() * 10),
          CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
    }

    Map<String, BigDecimal> prices(Set<String> skus) {
      calls.incrementAndGet();
      Map<String, BigDecimal> prices = new LinkedHashMap<>();
      skus.forEach(sku -> prices.put(sku, new BigDecimal(sku.length() * 10)));
      return prices;
    }
  }

  static void run(PrintStream out) throws Exception {
    URI uri = URI.create("memory:cached-function-example");
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(uri, null)) {
      Cache<String, BigDecimal> cache = manager.createCache("prices",
          new MutableConfiguration<String, BigDecimal>().setTypes(String.class, BigDecimal.class));
      @SuppressWarnings("unchecked")
      AsyncCache<String, BigDecimal> prices = cache.unwrap(AsyncCache.class);
      PriceService service = new PriceService();

      CachedFunction<String, BigDecimal> price = CachedFunction.builder(prices)
          .name("PriceService.price")
          .ttl(Duration.ofMinutes(5))
          .skipCache(p -> p.signum() == 0)     // free promotions change often: never cache them
          .asyncFunction(service::price);

      List<CompletableFuture<BigDecimal>> callers = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        callers.add(price.apply("book-42"));  // a cold key, 100 concurrent callers
      }
      CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).join();
      out.println("100 concurrent callers -> " + callers.get(0).join() + ", service calls: "
          + service.calls.get());
      out.println("cached under: " + price.key("book-42") + " = " + cache.get(
          "PriceService.price(\"book-42\")"));

      price.apply("promo-1").join();
      price.apply("promo-1").join();
      out.println("skipped results are not cached: service calls: " + service.calls.get());

      Function<String, BigDecimal> blocking = CachedFunction.builder(prices)
          .name("PriceService.price")
          .function((String sku) -> service.price(sku).join());
      out.println("blocking variant, same cache entry: " + blocking.apply("book-42")
          + ", service calls: " + service.calls.get());

      MultiCachedFunction<String, BigDecimal> many = CachedFunction.builder(prices)
          .name("PriceService.price")
          .asyncMulti((Set<String> skus) -> CompletableFuture.completedFuture(
              service.prices(skus)));
      Map<String, BigDecimal> result = many.apply(List.of("book-42", "pen", "mug")).join();
      out.println("multi " + result + ", service calls: " + service.calls.get());
    }
  }
}
