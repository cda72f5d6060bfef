package io.polycache.provider.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.RealServers;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations a JCache call costs on Memcached, from the server's {@code stats} deltas:
 * {@code get}, {@code put}, {@code remove} and {@code putIfAbsent} are one operation each
 * without listeners or a writer, and {@code getAll} of 100 keys is one pipelined multi-get.
 */
@RealServers
class MemcachedRoundTripsTest {

  private MemcachedServer memcached;
  private CacheManager manager;

  @BeforeEach
  void open(MemcachedServer memcached) {
    this.memcached = memcached;
    this.manager = Caching.getCachingProvider().getCacheManager(memcached.uri(),
        new URLClassLoader(new URL[0], getClass().getClassLoader()));
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private Map<String, Long> operations(Runnable action) {
    Map<String, Long> before = stats();
    action.run();
    Map<String, Long> after = stats();
    Map<String, Long> delta = new TreeMap<>();
    for (String name : new String[] {"cmd_get", "cmd_set", "delete_hits", "delete_misses",
        "cas_hits", "cas_misses", "cas_badval", "cmd_touch"}) {
      long d = after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
      if (d != 0) {
        delta.put(name, d);
      }
    }
    return delta;
  }

  private Map<String, Long> stats() {
    Map<String, Long> values = new HashMap<>();
    for (String line : memcached.command("stats")) {
      String[] parts = line.split(" ");
      if (parts.length == 3 && parts[0].equals("STAT") && parts[2].matches("\\d+")) {
        values.put(parts[1], Long.parseLong(parts[2]));
      }
    }
    return values;
  }

  @Test
  void withoutListenersOrWriter_getPutRemoveAndPutIfAbsentAreOneOperationEach() {
    Cache<String, String> cache = manager.createCache("rt-" + UUID.randomUUID(),
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    cache.put("seed", "v");

    assertEquals(Map.of("cmd_get", 1L), operations(() -> cache.get("seed")));
    assertEquals(Map.of("cmd_set", 1L), operations(() -> cache.put("k", "v")));
    assertEquals(Map.of("cmd_set", 1L), operations(() -> cache.putIfAbsent("k2", "v")));
    assertEquals(Map.of("delete_hits", 1L), operations(() -> cache.remove("k")));
    assertEquals("v", cache.get("k2"));
  }

  @Test
  void getAllOfOneHundredKeys_isOneMultiGet() {
    Cache<String, String> cache = manager.createCache("rt-" + UUID.randomUUID(),
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    Map<String, String> entries = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      entries.put("k" + i, "v" + i);
    }
    cache.putAll(entries);
    assertEquals(Map.of("cmd_get", 100L),
        operations(() -> assertEquals(entries, cache.getAll(entries.keySet()))));
  }
}
