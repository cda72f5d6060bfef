package io.polycache.benchmarks;

import io.polycache.benchmarks.client.RedisClients;
import io.polycache.benchmarks.client.SyncClient;
import org.openjdk.jmh.annotations.Param;

/**
 * Redis through blocking calls: Polycache's {@code javax.cache.Cache}, raw Lettuce sync commands
 * on one shared connection (the limit) and Redisson's JCache.
 */
public class RedisSync extends SyncWorkloads {

  @Param({RedisClients.POLYCACHE, RedisClients.LETTUCE, RedisClients.REDISSON_JCACHE})
  public String target;

  @Override
  protected SyncClient open() {
    return RedisClients.sync(target);
  }
}
