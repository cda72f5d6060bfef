package io.polycache.benchmarks;

import io.polycache.benchmarks.client.MemoryClients;
import io.polycache.benchmarks.client.SyncClient;
import org.openjdk.jmh.annotations.Param;

/**
 * In-process caches: Polycache's memory backend and Caffeine's JCache, each store-by-reference
 * and store-by-value, and a plain {@code ConcurrentHashMap} as the limit.
 */
public class Memory extends SyncWorkloads {

  @Param({
      MemoryClients.POLYCACHE_BY_REFERENCE,
      MemoryClients.POLYCACHE_BY_VALUE,
      MemoryClients.CAFFEINE_BY_REFERENCE,
      MemoryClients.CAFFEINE_BY_VALUE,
      MemoryClients.CONCURRENT_HASH_MAP})
  public String target;

  @Override
  protected SyncClient open() {
    return MemoryClients.open(target);
  }
}
