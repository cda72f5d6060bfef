package io.polycache.provider.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.AsyncCache;
import io.polycache.async.CachedFunction;
import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stampede protection on real servers: two CacheManagers with class loaders of their own stand
 * for two JVMs sharing a server; 50 concurrent callers in each ask for one cold key.
 */
@RealServers
class CrossJvmStampedeTest {

  private static final int CALLERS_PER_JVM = 50;

  private final List<CacheManager> managers = new ArrayList<>();

  @AfterEach
  void closeManagers() {
    managers.forEach(CacheManager::close);
  }

  @Test
  void redis_twoJvmsFiftyCallersEach_coldKey_withLock_makeExactlyOneCall(RedisServer redis)
      throws Exception {
    assertEquals(1, callsFor(redis.uri(), true));
  }

  @Test
  void memcached_twoJvmsFiftyCallersEach_coldKey_withLock_makeExactlyOneCall(
      MemcachedServer memcached) throws Exception {
    assertEquals(1, callsFor(memcached.uri(), true));
  }

  @Test
  void redis_withoutLock_eachJvmStillCallsAtMostOnce(RedisServer redis) throws Exception {
    int calls = callsFor(redis.uri(), false);
    assertTrue(calls >= 1 && calls <= 2, calls + " calls");
  }

  /** Runs 2 x 50 concurrent callers on one cold key and counts the function's calls. */
  private int callsFor(URI server, boolean lock) throws Exception {
    String results = "results-" + UUID.randomUUID();
    String locks = "locks-" + UUID.randomUUID();
    AtomicInteger calls = new AtomicInteger();
    List<CachedFunction<Long, String>> jvms = new ArrayList<>();
    for (int jvm = 0; jvm < 2; jvm++) {
      CacheManager manager = Caching.getCachingProvider().getCacheManager(server,
          new URLClassLoader(new URL[0], getClass().getClassLoader()));
      managers.add(manager);
      CachedFunction.Builder<String, String> builder =
          CachedFunction.builder(strings(manager, results)).name("OrderService.find")
              .ttl(Duration.ofMinutes(1));
      if (lock) {
        builder.lock(strings(manager, locks), Duration.ofSeconds(10));
      }
      jvms.add(builder.asyncFunction((Long id) -> {
        calls.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> "order-" + id,
            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
      }));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2 * CALLERS_PER_JVM);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (CachedFunction<Long, String> find : jvms) {
        for (int i = 0; i < CALLERS_PER_JVM; i++) {
          answers.add(pool.submit(() -> {
            start.await();
            return find.apply(42L).get(30, TimeUnit.SECONDS);
          }));
        }
      }
      start.countDown();
      for (Future<String> answer : answers) {
        assertEquals("order-42", answer.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    return calls.get();
  }

  private static AsyncCache<String, String> strings(CacheManager manager, String name) {
    Cache<String, String> cache = manager.createCache(name,
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    return PluginWiringTest.async(cache);
  }
}
