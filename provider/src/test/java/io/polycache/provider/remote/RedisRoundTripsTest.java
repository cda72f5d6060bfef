package io.polycache.provider.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.io.Serializable;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The round trips a JCache call costs on Redis, from {@code INFO commandstats} deltas: one
 * command per single-key operation, one for a bulk read. Commands a Lua script runs count
 * inside Redis too, so a script shows as {@code evalsha} plus the commands it ran.
 */
@RealServers
class RedisRoundTripsTest {

  private RedisServer redis;
  private CacheManager manager;

  @BeforeEach
  void open(RedisServer redis) {
    this.redis = redis;
    this.manager = Caching.getCachingProvider().getCacheManager(redis.uri(),
        new URLClassLoader(new URL[0], getClass().getClassLoader()));
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** A new cache; its warm-up put opens the connection and loads the scripts it needs. */
  private Cache<String, String> cache(MutableConfiguration<String, String> config) {
    Cache<String, String> cache = manager.createCache("rt-" + UUID.randomUUID(),
        config.setTypes(String.class, String.class));
    cache.put("warm-up", "x");
    cache.put("warm-up", "y");
    cache.replace("warm-up", "z");
    cache.remove("warm-up");
    return cache;
  }

  /** The commands Redis ran while {@code action} ran, by name, without INFO itself. */
  private Map<String, Long> commands(Runnable action) {
    Map<String, Long> before = stats();
    action.run();
    Map<String, Long> after = stats();
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((name, calls) -> {
      long d = calls - before.getOrDefault(name, 0L);
      if (d > 0 && !name.equals("info")) {
        delta.put(name, d);
      }
    });
    return delta;
  }

  private Map<String, Long> stats() {
    Map<String, Long> calls = new HashMap<>();
    for (String line : ((String) redis.command("INFO", "commandstats")).split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        String count = line.substring(line.indexOf("calls=") + 6, line.indexOf(','));
        calls.put(name, Long.parseLong(count));
      }
    }
    return calls;
  }

  @Test
  void withoutListenersOrWriter_everySingleKeyOperationIsOneCommand() {
    Cache<String, String> cache = cache(new MutableConfiguration<>());
    cache.put("seed", "v");

    assertEquals(Map.of("get", 1L), commands(() -> cache.get("seed")));
    assertEquals(Map.of("get", 1L), commands(() -> cache.get("missing")));
    assertEquals(Map.of("get", 1L), commands(() -> cache.containsKey("seed")));
    assertEquals(Map.of("set", 1L), commands(() -> cache.put("k", "v")));
    assertEquals(Map.of("set", 1L), commands(() -> cache.putIfAbsent("k2", "v")));
    assertEquals(Map.of("set", 1L), commands(() -> cache.putIfAbsent("k2", "again")));
    assertEquals(Map.of("set", 1L), commands(() -> cache.getAndPut("k", "v2")));
    assertEquals(Map.of("evalsha", 1L, "get", 1L, "set", 1L),
        commands(() -> cache.replace("k", "v3")), "one script");
    assertEquals(Map.of("unlink", 1L), commands(() -> cache.remove("k")));
    assertEquals(Map.of("getdel", 1L), commands(() -> cache.getAndRemove("k2")));
    assertEquals("v", cache.get("seed"));
  }

  @Test
  void bulkReadOfOneHundredKeys_isOneMget_andBulkWriteSendsOneSetPerKeyWithoutReads() {
    Cache<String, String> cache = cache(new MutableConfiguration<>());
    Map<String, String> entries = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      entries.put("k" + i, "v" + i);
    }
    assertEquals(Map.of("set", 100L), commands(() -> cache.putAll(entries)));
    Set<String> keys = new HashSet<>(entries.keySet());
    assertEquals(Map.of("mget", 1L), commands(() -> assertEquals(entries, cache.getAll(keys))));
  }

  @Test
  void withListenersThatNeedOldValues_putAndRemoveAreStillOneCommand() {
    Cache<String, String> cache = cache(new MutableConfiguration<String, String>()
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(new Recorder()), null, true, true)));
    cache.put("k", "v1");
    Recorder.events.clear();

    assertEquals(Map.of("set", 1L), commands(() -> cache.put("k", "v2")), "SET ... GET");
    assertEquals(Map.of("getdel", 1L), commands(() -> cache.remove("k")));
    assertEquals(2, Recorder.events.size(), Recorder.events.toString());
    assertEquals("v1", Recorder.events.get(0).getOldValue());
    assertEquals("v2", Recorder.events.get(1).getOldValue());
  }

  @Test
  void createdExpiryPolicy_putDecidesTheExpiryOnTheServer_inOneScript() {
    Cache<String, String> cache = cache(new MutableConfiguration<String, String>()
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ONE_HOUR)));
    assertEquals(Map.of("evalsha", 1L, "get", 1L, "set", 1L), commands(() -> cache.put("k", "v")));
    long ttl = (Long) redis.command("PTTL", "polycache:" + cache.getName() + ":k");
    cache.put("k", "v2");
    long kept = (Long) redis.command("PTTL", "polycache:" + cache.getName() + ":k");
    assertEquals(true, kept <= ttl && kept > ttl - 5_000, ttl + " then " + kept);
    assertEquals("v2", cache.get("k"));
  }

  /** Records UPDATED and REMOVED events; synchronous. */
  static final class Recorder implements CacheEntryUpdatedListener<String, String>,
      CacheEntryRemovedListener<String, String>, Serializable {
    private static final long serialVersionUID = 1L;
    static final java.util.List<CacheEntryEvent<? extends String, ? extends String>> events =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> batch) {
      batch.forEach(events::add);
    }

    @Override
    public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends String>> batch) {
      batch.forEach(events::add);
    }
  }

}
