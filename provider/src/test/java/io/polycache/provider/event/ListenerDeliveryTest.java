package io.polycache.provider.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.configuration.PolycacheConfiguration;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryUpdatedListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event delivery: per-key order for asynchronous listeners, failures of synchronous ones. */
class ListenerDeliveryTest {

  private final PoolFactory pool = new PoolFactory();
  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("memory:listener-test"),
        ListenerDeliveryTest.class.getClassLoader());
  }

  @AfterEach
  void closeManager() throws InterruptedException {
    manager.close();
    pool.shutdown();
  }

  private Cache<Integer, Integer> cache(String name) {
    PolycacheConfiguration<Integer, Integer> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(Integer.class, Integer.class);
    configuration.setExecutorFactory(pool);
    return manager.createCache(name, configuration);
  }

  @Test
  void asynchronousListener_manyUpdatesOfEachKey_arriveInOrderPerKey() throws Exception {
    Cache<Integer, Integer> cache = cache("ordered");
    int keys = 5;
    int updates = 200;
    ValueRecorder recorder = new ValueRecorder(keys * (updates + 1));
    cache.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
        FactoryBuilder.factoryOf(recorder), null, false, false));

    for (int value = 0; value <= updates; value++) {
      for (int key = 0; key < keys; key++) {
        cache.put(key, value);
      }
    }

    assertTrue(recorder.done.await(10, TimeUnit.SECONDS),
        "events still missing: " + recorder.done.getCount());
    List<Integer> expected = IntStream.rangeClosed(0, updates).boxed()
        .collect(Collectors.toList());
    for (int key = 0; key < keys; key++) {
      assertEquals(expected, recorder.valuesOf(key), "events of key " + key);
    }
  }

  @Test
  void synchronousListenerThrowing_putThrowsCacheEntryListenerExceptionAndStillWrites() {
    Cache<Integer, Integer> cache = cache("failing");
    cache.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
        FactoryBuilder.factoryOf(new FailingListener()), null, false, true));

    CacheEntryListenerException e = assertThrows(CacheEntryListenerException.class,
        () -> cache.put(1, 100));

    assertSame(FailingListener.FAILURE, e.getCause());
    assertEquals(100, cache.get(1));
  }

  @Test
  void synchronousListenerThrowing_updateStillTakesEffect() {
    Cache<Integer, Integer> cache = cache("failing-update");
    cache.put(1, 100);
    cache.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
        FactoryBuilder.factoryOf(new FailingListener()), null, false, true));

    assertThrows(CacheEntryListenerException.class, () -> cache.put(1, 200));

    assertEquals(200, cache.get(1));
  }

  /** Records each key's values in arrival order; counts down once per event. */
  static final class ValueRecorder implements CacheEntryCreatedListener<Integer, Integer>,
      CacheEntryUpdatedListener<Integer, Integer>, Serializable {
    private static final long serialVersionUID = 1L;

    private final transient Map<Integer, List<Integer>> values = new ConcurrentHashMap<>();
    final transient CountDownLatch done;

    ValueRecorder(int expectedEvents) {
      this.done = new CountDownLatch(expectedEvents);
    }

    List<Integer> valuesOf(int key) {
      List<Integer> list = values.getOrDefault(key, List.of());
      synchronized (list) {
        return new ArrayList<>(list);
      }
    }

    private void record(Iterable<CacheEntryEvent<? extends Integer, ? extends Integer>> events) {
      for (CacheEntryEvent<? extends Integer, ? extends Integer> event : events) {
        List<Integer> list = values.computeIfAbsent(event.getKey(), k -> new ArrayList<>());
        synchronized (list) {
          list.add(event.getValue());
        }
        done.countDown();
      }
    }

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends Integer, ? extends Integer>> events) {
      record(events);
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends Integer, ? extends Integer>> events) {
      record(events);
    }
  }

  /** Fails on every event it is given. */
  static final class FailingListener implements CacheEntryCreatedListener<Integer, Integer>,
      CacheEntryUpdatedListener<Integer, Integer>, Serializable {
    private static final long serialVersionUID = 1L;

    static final IllegalStateException FAILURE = new IllegalStateException("listener failed");

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends Integer, ? extends Integer>> events) {
      throw FAILURE;
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends Integer, ? extends Integer>> events) {
      throw FAILURE;
    }
  }

  /** A fixed pool of four threads, so asynchronous deliveries really run in parallel. */
  static final class PoolFactory implements Factory<Executor> {
    private static final long serialVersionUID = 1L;

    private final transient ExecutorService pool = Executors.newFixedThreadPool(4);

    @Override
    public Executor create() {
      return pool;
    }

    void shutdown() throws InterruptedException {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }
  }
}
