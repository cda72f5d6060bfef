package io.polycache.benchmarks.report;

import io.polycache.benchmarks.client.MemcachedClients;
import io.polycache.benchmarks.client.MemoryClients;
import io.polycache.benchmarks.client.RedisClients;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every group and target the benchmarks measure, and the ratios the project holds itself to
 * (issue "Benchmarks: JMH against the raw clients and the peer providers"):
 * <ul>
 *   <li>memory get and put at least as fast as Caffeine's JCache in the same configuration;
 *   <li>Redis sync get/put/mix/getAll at least 0.9x raw Lettuce sync, mix and getAll at least
 *       1.5x Redisson's JCache; Redis async at least 0.8x raw Lettuce async;
 *   <li>Memcached sync at least 0.9x raw spymemcached sync, async at least 0.8x its async.
 * </ul>
 */
public final class Catalog {

  private static final String POLYCACHE_BLUE = "#1f5fa8";
  private static final String POLYCACHE_LIGHT_BLUE = "#6fa3dc";
  private static final String LIMIT_GREY = "#8a8a8a";
  private static final String PEER_ORANGE = "#e07b22";
  private static final String PEER_LIGHT_ORANGE = "#f0b27a";
  private static final String PEER_RED = "#c0392b";

  public static final Group MEMORY = new Group("Memory", "Memory (in-process)", "memory",
      List.of(
          new Target(MemoryClients.POLYCACHE_BY_REFERENCE, "Polycache by-reference",
              Role.POLYCACHE, POLYCACHE_BLUE),
          new Target(MemoryClients.POLYCACHE_BY_VALUE, "Polycache by-value",
              Role.POLYCACHE, POLYCACHE_LIGHT_BLUE),
          new Target(MemoryClients.CAFFEINE_BY_REFERENCE, "Caffeine JCache by-reference",
              Role.PEER, PEER_ORANGE),
          new Target(MemoryClients.CAFFEINE_BY_VALUE, "Caffeine JCache by-value",
              Role.PEER, PEER_LIGHT_ORANGE),
          new Target(MemoryClients.CONCURRENT_HASH_MAP, "ConcurrentHashMap (limit)",
              Role.LIMIT, LIMIT_GREY)));

  public static final Group REDIS_SYNC = new Group("RedisSync", "Redis, synchronous",
      "Redis sync", List.of(
          new Target(RedisClients.POLYCACHE, "Polycache Cache", Role.POLYCACHE, POLYCACHE_BLUE),
          new Target(RedisClients.LETTUCE, "Lettuce sync (limit)", Role.LIMIT, LIMIT_GREY),
          new Target(RedisClients.REDISSON_JCACHE, "Redisson JCache", Role.PEER, PEER_RED)));

  public static final Group REDIS_ASYNC = new Group("RedisAsync",
      "Redis, asynchronous (64 in flight per thread)", "Redis async", List.of(
          new Target(RedisClients.POLYCACHE, "Polycache AsyncCache", Role.POLYCACHE,
              POLYCACHE_BLUE),
          new Target(RedisClients.LETTUCE, "Lettuce async (limit)", Role.LIMIT, LIMIT_GREY),
          new Target(RedisClients.REDISSON_JCACHE, "Redisson CacheAsync", Role.PEER,
              PEER_RED)));

  public static final Group MEMCACHED_SYNC = new Group("MemcachedSync",
      "Memcached, synchronous", "Memcached sync", List.of(
          new Target(MemcachedClients.POLYCACHE, "Polycache Cache", Role.POLYCACHE,
              POLYCACHE_BLUE),
          new Target(MemcachedClients.SPYMEMCACHED, "spymemcached sync (limit)", Role.LIMIT,
              LIMIT_GREY)));

  public static final Group MEMCACHED_ASYNC = new Group("MemcachedAsync",
      "Memcached, asynchronous (64 in flight per thread)", "Memcached async", List.of(
          new Target(MemcachedClients.POLYCACHE, "Polycache AsyncCache", Role.POLYCACHE,
              POLYCACHE_BLUE),
          new Target(MemcachedClients.SPYMEMCACHED, "spymemcached async (limit)", Role.LIMIT,
              LIMIT_GREY)));

  public static final List<Group> GROUPS =
      List.of(MEMORY, REDIS_SYNC, REDIS_ASYNC, MEMCACHED_SYNC, MEMCACHED_ASYNC);

  public static final List<Comparison> COMPARISONS = comparisons();

  private Catalog() {}

  /** The group of a benchmark class's simple name, or {@code null}. */
  public static Group group(String benchmarkClass) {
    for (Group group : GROUPS) {
      if (group.benchmarkClass().equals(benchmarkClass)) {
        return group;
      }
    }
    return null;
  }

  private static List<Comparison> comparisons() {
    List<Comparison> all = new ArrayList<>();
    all.add(compare(MEMORY, MemoryClients.POLYCACHE_BY_REFERENCE,
        MemoryClients.CONCURRENT_HASH_MAP, Map.of()));
    all.add(compare(MEMORY, MemoryClients.POLYCACHE_BY_REFERENCE,
        MemoryClients.CAFFEINE_BY_REFERENCE, Map.of(Workload.GET, 1.0, Workload.PUT, 1.0)));
    all.add(compare(MEMORY, MemoryClients.POLYCACHE_BY_VALUE,
        MemoryClients.CONCURRENT_HASH_MAP, Map.of()));
    all.add(compare(MEMORY, MemoryClients.POLYCACHE_BY_VALUE,
        MemoryClients.CAFFEINE_BY_VALUE, Map.of(Workload.GET, 1.0, Workload.PUT, 1.0)));
    all.add(compare(REDIS_SYNC, RedisClients.POLYCACHE, RedisClients.LETTUCE, every(0.9)));
    all.add(compare(REDIS_SYNC, RedisClients.POLYCACHE, RedisClients.REDISSON_JCACHE,
        Map.of(Workload.MIX, 1.5, Workload.GET_ALL, 1.5)));
    all.add(compare(REDIS_ASYNC, RedisClients.POLYCACHE, RedisClients.LETTUCE, every(0.8)));
    all.add(compare(REDIS_ASYNC, RedisClients.POLYCACHE, RedisClients.REDISSON_JCACHE,
        Map.of()));
    all.add(compare(MEMCACHED_SYNC, MemcachedClients.POLYCACHE, MemcachedClients.SPYMEMCACHED,
        every(0.9)));
    all.add(compare(MEMCACHED_ASYNC, MemcachedClients.POLYCACHE, MemcachedClients.SPYMEMCACHED,
        every(0.8)));
    return List.copyOf(all);
  }

  private static Comparison compare(Group group, String polycache, String other,
      Map<Workload, Double> required) {
    return new Comparison(group, group.target(polycache), group.target(other), required);
  }

  private static Map<Workload, Double> every(double ratio) {
    Map<Workload, Double> required = new EnumMap<>(Workload.class);
    for (Workload workload : Workload.values()) {
      required.put(workload, ratio);
    }
    return required;
  }
}
