package io.polycache.benchmarks;

import io.polycache.benchmarks.client.AsyncClient;
import io.polycache.benchmarks.client.MemcachedClients;
import org.openjdk.jmh.annotations.Param;

/**
 * Memcached with 64 operations in flight per thread: Polycache's {@code AsyncCache} and raw
 * spymemcached futures (the limit).
 */
public class MemcachedAsync extends AsyncWorkloads {

  @Param({MemcachedClients.POLYCACHE, MemcachedClients.SPYMEMCACHED})
  public String target;

  @Override
  protected AsyncClient open() {
    return MemcachedClients.async(target);
  }
}
