package io.polycache.provider.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisCluster;
import io.polycache.testsupport.RedisServer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JCache API on a 3-master Redis Cluster: one Redis key per entry, so a cache spreads over
 * every master, and bulk reads, iteration and clear still see exactly the cache's entries.
 */
@RealServers
class RedisClusterCacheTest {

  private RedisCluster cluster;
  private CacheManager manager;
  private Cache<String, String> cache;

  @BeforeEach
  void open(RedisCluster cluster) {
    this.cluster = cluster;
    manager = Caching.getCachingProvider().getCacheManager(cluster.uri(),
        getClass().getClassLoader());
    cache = manager.createCache("cluster-" + UUID.randomUUID(),
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private Map<String, String> entries(int n) {
    Map<String, String> entries = new HashMap<>();
    for (int i = 0; i < n; i++) {
      entries.put("key-" + i, "value-" + i);
    }
    return entries;
  }

  @Test
  void basicOperations_workAcrossSlots() {
    cache.put("a", "1");
    assertEquals("1", cache.get("a"));
    assertTrue(cache.containsKey("a"));
    assertFalse(cache.putIfAbsent("a", "2"));
    assertTrue(cache.replace("a", "1", "3"));
    assertEquals("3", cache.getAndPut("a", "4"));
    assertEquals("4", cache.getAndRemove("a"));
    assertNull(cache.get("a"));
    String created = cache.invoke("n", (entry, args) -> {
      entry.setValue("2");
      return "created";
    });
    assertEquals("created", created);
    assertEquals("2", cache.get("n"));
  }

  @Test
  void entriesSpreadOverEveryMaster_andGetAllReadsThemAll() {
    Map<String, String> entries = entries(200);
    cache.putAll(entries);
    for (RedisServer node : cluster.nodes()) {
      assertTrue(((Long) node.command("DBSIZE")) > 0, "no entry on " + node.address());
    }
    Set<String> keys = new HashSet<>(entries.keySet());
    assertEquals(entries, cache.getAll(keys));
  }

  @Test
  void iterationAndClear_coverEveryNode_andOnlyThisCache() {
    Cache<String, String> other = manager.createCache("other-" + UUID.randomUUID(),
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    other.put("keep", "me");
    Map<String, String> entries = entries(300);
    cache.putAll(entries);

    Map<String, String> seen = new HashMap<>();
    for (Cache.Entry<String, String> entry : cache) {
      seen.put(entry.getKey(), entry.getValue());
    }
    assertEquals(entries, seen);

    cache.clear();
    assertFalse(cache.iterator().hasNext());
    assertEquals("me", other.get("keep"));

    cache.putAll(entries(10));
    cache.removeAll();
    assertFalse(cache.iterator().hasNext());
    assertEquals("me", other.get("keep"));
  }
}
