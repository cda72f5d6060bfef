package io.polycache.provider.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.AsyncCache;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JCache API end to end on a real server, written once for Redis and Memcached: what two
 * processes sharing a server see, namespaces, outages and foreign bytes.
 */
abstract class RemoteCacheContract {

  private final List<CacheManager> managers = new ArrayList<>();

  /** The server's URI, without query options. */
  protected abstract URI serverUri();

  /** Stores {@code value} under {@code key} on the server, as another program would. */
  protected abstract void writeForeign(String key, String value);

  protected abstract void stopServer();

  protected abstract void startServer();

  /** The server's address as messages name it. */
  protected abstract String serverAddress();

  /** A manager of its own, as another JVM would have (a class loader of its own). */
  protected CacheManager manager(String query) {
    URI uri = URI.create(serverUri() + (query.isEmpty() ? "" : "?" + query));
    ClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader());
    CacheManager manager = Caching.getCachingProvider().getCacheManager(uri, loader);
    managers.add(manager);
    return manager;
  }

  @AfterEach
  void closeManagers() {
    managers.forEach(CacheManager::close);
  }

  protected static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Cache<String, Long> counters(CacheManager manager, String name) {
    Cache<String, Long> cache = manager.getCache(name, String.class, Long.class);
    return cache != null ? cache : manager.createCache(name,
        new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
  }

  private static Cache<String, String> strings(CacheManager manager, String name) {
    Cache<String, String> cache = manager.getCache(name, String.class, String.class);
    return cache != null ? cache : manager.createCache(name,
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
  }

  /** Polls {@code condition} until it holds or 10 s pass. */
  private static void await(Callable<Boolean> condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  @Test
  void twoManagers_seeEachOthersWritesRemovalsAndExpiry() throws Exception {
    String name = unique("shared");
    Cache<String, String> a = strings(manager(""), name);
    Cache<String, String> b = strings(manager(""), name);

    a.put("k", "v1");
    assertEquals("v1", b.get("k"));
    b.put("k", "v2");
    assertEquals("v2", a.get("k"));
    assertTrue(b.remove("k"));
    assertNull(a.get("k"));
    assertFalse(a.containsKey("k"));

    a.put("short", "lived");
    assertTrue(b.containsKey("short"));
    @SuppressWarnings("unchecked")
    AsyncCache<String, String> asyncA = a.unwrap(AsyncCache.class);
    assertTrue(asyncA.expire("short", Duration.ofMillis(100)).get(5, TimeUnit.SECONDS));
    await(() -> !b.containsKey("short"), "the entry expired for the other manager");
    assertNull(b.get("short"));
  }

  @Test
  void invoke_twoManagersFourThreadsEach_incrementsExactlyEightThousandTimes() throws Exception {
    String name = unique("counter");
    Cache<String, Long> a = counters(manager(""), name);
    Cache<String, Long> b = counters(manager(""), name);
    EntryProcessor<String, Long, Long> increment = (entry, args) -> {
      long next = (entry.exists() ? entry.getValue() : 0L) + 1;
      entry.setValue(next);
      return next;
    };
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Cache<String, Long> cache = t % 2 == 0 ? a : b;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 1_000; i++) {
            cache.invoke("n", increment);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(8_000L, a.get("n"));
    assertEquals(8_000L, b.get("n"));
  }

  @Test
  void namespaces_keepApplicationsApart_andClearTouchesOnlyItsOwn() {
    String name = unique("users");
    Cache<String, String> app1 = strings(manager("namespace=app1"), name);
    Cache<String, String> app2 = strings(manager("namespace=app2"), name);

    app1.put("42", "alice");
    app2.put("42", "bob");
    assertEquals("alice", app1.get("42"));
    assertEquals("bob", app2.get("42"));

    app1.clear();
    assertNull(app1.get("42"));
    assertEquals("bob", app2.get("42"));
  }

  @Test
  void clearAndDestroy_touchOnlyTheirCache_notOthersOrForeignKeys() {
    CacheManager manager = manager("");
    String nameA = unique("a");
    String nameB = unique("b");
    Cache<String, String> a = strings(manager, nameA);
    Cache<String, String> b = strings(manager, nameB);
    String foreign = unique("foreign");
    writeForeign(foreign, "untouched");
    for (int i = 0; i < 50; i++) {
      a.put("k" + i, "a" + i);
      b.put("k" + i, "b" + i);
    }

    a.clear();
    assertFalse(a.iterator().hasNext());
    assertEquals("b7", b.get("k7"));

    a.put("again", "x");
    manager.destroyCache(nameA);
    Cache<String, String> recreated = strings(manager, nameA);
    assertNull(recreated.get("again"));
    int count = 0;
    for (Cache.Entry<String, String> ignored : b) {
      count++;
    }
    assertEquals(50, count);
    assertForeignStillThere(foreign, "untouched");
  }

  /** Asserts the foreign key written by {@link #writeForeign} still holds {@code value}. */
  protected abstract void assertForeignStillThere(String key, String value);

  @Test
  void foreignBytes_giveAClearErrorNamingCacheAndKey_andOtherEntriesStillWork() {
    String name = unique("orders");
    Cache<String, String> cache = strings(manager(""), name);
    cache.put("good", "fine");
    writeForeign("polycache:" + name + ":bad", "hello");

    CacheException e = assertThrows(CacheException.class, () -> cache.get("bad"));
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertTrue(e.getMessage().contains("bad"), e.getMessage());
    assertEquals("fine", cache.get("good"));
  }

  @Test
  void valueOfAnotherSerializer_isRefusedNamingBoth_andStaysReadableToItsWriter() {
    String name = unique("prices");
    Cache<String, String> writer = strings(manager("serializer=string"), name);
    Cache<String, String> reader = strings(manager("serializer=json"), name);
    writer.put("p1", "9.99");
    writer.put("p2", "4.50");

    CacheException one = assertThrows(CacheException.class, () -> reader.get("p1"));
    CacheException all = assertThrows(CacheException.class,
        () -> reader.getAll(Set.of("p1", "p2")));

    for (CacheException e : List.of(one, all)) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
      assertTrue(e.getMessage().contains("serializer \"string\""), e.getMessage());
      assertTrue(e.getMessage().contains("uses \"json\""), e.getMessage());
    }
    assertTrue(one.getMessage().contains("p1"), one.getMessage());
    assertEquals(Map.of("p1", "9.99", "p2", "4.50"), writer.getAll(Set.of("p1", "p2")));
  }

  @Test
  void outage_failsWithinTheTimeoutNamingTheServer_andTheSameManagerRecovers()
      throws Exception {
    Cache<String, String> cache = strings(manager("timeout=500ms"), unique("outage"));
    cache.put("k", "v");
    stopServer();
    try {
      long start = System.nanoTime();
      CacheException e = assertThrows(CacheException.class, () -> cache.get("k"));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis < 3_000, "took " + millis + " ms");
      assertTrue(messages(e).contains(serverAddress()), messages(e));
    } finally {
      startServer();
    }
    await(() -> {
      try {
        cache.put("k", "again");
        return "again".equals(cache.get("k"));
      } catch (CacheException e) {
        return false;
      }
    }, "the same manager works again");
  }

  /** Every message in the cause chain, so a test can look for the server's address. */
  protected static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
