package io.polycache.benchmarks;

import io.polycache.benchmarks.client.AsyncClient;
import io.polycache.benchmarks.client.RedisClients;
import org.openjdk.jmh.annotations.Param;

/**
 * Redis with 64 operations in flight per thread: Polycache's {@code AsyncCache}, raw Lettuce
 * async commands on one shared connection (the limit) and Redisson's {@code CacheAsync}.
 */
public class RedisAsync extends AsyncWorkloads {

  @Param({RedisClients.POLYCACHE, RedisClients.LETTUCE, RedisClients.REDISSON_JCACHE})
  public String target;

  @Override
  protected AsyncClient open() {
    return RedisClients.async(target);
  }
}
