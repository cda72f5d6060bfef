package io.polycache.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polycache.provider.configuration.PolycacheConfiguration;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.processor.EntryProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Entry processors on the memory backend are atomic: no concurrent increment is lost. */
class EntryProcessorAtomicityTest {

  private static final EntryProcessor<String, Integer, Void> INCREMENT = (entry, args) -> {
    entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
    return null;
  };

  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("memory:processor-test"),
        EntryProcessorAtomicityTest.class.getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private static void incrementConcurrently(Cache<String, Integer> cache, int threads, int times)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < times; i++) {
            cache.invoke("counter", INCREMENT);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invoke_fourThreadsIncrementingOneKey_losesNoUpdate() throws Exception {
    PolycacheConfiguration<String, Integer> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, Integer.class);
    Cache<String, Integer> cache = manager.createCache("unbounded", configuration);

    incrementConcurrently(cache, 4, 1_000);

    assertEquals(4_000, cache.get("counter"));
  }

  @Test
  void invoke_fourThreadsIncrementingOneKeyOfABoundedCache_losesNoUpdate() throws Exception {
    PolycacheConfiguration<String, Integer> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, Integer.class);
    configuration.setMaximumEntries(10);
    Cache<String, Integer> cache = manager.createCache("bounded", configuration);

    incrementConcurrently(cache, 4, 1_000);

    assertEquals(4_000, cache.get("counter"));
  }

  @Test
  void invoke_fourThreadsIncrementingOneKeyOfAStoreByReferenceCache_losesNoUpdate()
      throws Exception {
    PolycacheConfiguration<String, Integer> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, Integer.class);
    configuration.setStoreByValue(false);
    Cache<String, Integer> cache = manager.createCache("by-reference", configuration);

    incrementConcurrently(cache, 4, 1_000);

    assertEquals(4_000, cache.get("counter"));
  }
}
