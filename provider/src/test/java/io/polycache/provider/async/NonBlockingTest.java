package io.polycache.provider.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.AsyncCache;
import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/**
 * AsyncCache is truly asynchronous on the remote backends: one thread keeps 10,000 gets in flight
 * and they all complete, with no thread per operation.
 */
@RealServers
class NonBlockingTest {

  private static final int IN_FLIGHT = 10_000;
  private static final int KEYS = 100;

  @Test
  void redis_tenThousandGetsInFlightFromOneThread_completeWithoutAThreadEach(RedisServer redis)
      throws Exception {
    tenThousandGets(redis.uri());
  }

  @Test
  void memcached_tenThousandGetsInFlightFromOneThread_completeWithoutAThreadEach(
      MemcachedServer memcached) throws Exception {
    tenThousandGets(memcached.uri());
  }

  private void tenThousandGets(URI server) throws Exception {
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(server,
        getClass().getClassLoader())) {
      Cache<String, String> cache = manager.createCache("nb-" + UUID.randomUUID(),
          new MutableConfiguration<String, String>().setTypes(String.class, String.class));
      for (int i = 0; i < KEYS; i++) {
        cache.put("k" + i, "v" + i);
      }
      AsyncCache<String, String> async = PluginWiringTest.async(cache);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      int before = threads.getThreadCount();
      threads.resetPeakThreadCount();

      List<CompletableFuture<String>> gets = new ArrayList<>(IN_FLIGHT);
      long issueStart = System.nanoTime();
      for (int i = 0; i < IN_FLIGHT; i++) {
        gets.add(async.get("k" + (i % KEYS)));
      }
      long issueMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - issueStart);
      int during = threads.getThreadCount();
      CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      int peak = threads.getPeakThreadCount();

      for (int i = 0; i < IN_FLIGHT; i++) {
        assertEquals("v" + (i % KEYS), gets.get(i).join());
      }
      String numbers = "threads before=" + before + " during=" + during + " peak=" + peak
          + ", issuing took " + issueMillis + " ms";
      assertTrue(during - before < 100, numbers);
      assertTrue(peak - before < 100, numbers);
    }
  }
}
