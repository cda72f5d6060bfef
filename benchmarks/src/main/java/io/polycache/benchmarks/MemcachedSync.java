package io.polycache.benchmarks;

import io.polycache.benchmarks.client.MemcachedClients;
import io.polycache.benchmarks.client.SyncClient;
import org.openjdk.jmh.annotations.Param;

/**
 * Memcached through blocking calls: Polycache's {@code javax.cache.Cache} and raw spymemcached
 * (the limit).
 */
public class MemcachedSync extends SyncWorkloads {

  @Param({MemcachedClients.POLYCACHE, MemcachedClients.SPYMEMCACHED})
  public String target;

  @Override
  protected SyncClient open() {
    return MemcachedClients.sync(target);
  }
}
