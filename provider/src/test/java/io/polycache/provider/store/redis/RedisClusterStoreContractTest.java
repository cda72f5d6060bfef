package io.polycache.provider.store.redis;

import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Store contract on a three-master Redis Cluster: one cache's keys spread over every slot,
 * so reads, writes, scripts, bulk reads, key walks and clear all cross nodes.
 */
@RealServers
class RedisClusterStoreContractTest extends RedisContract {

  private static RedisBackend backend;

  @BeforeAll
  static void connect(RedisCluster cluster) {
    backend = RedisBackend.create(cluster.uri(), null);
  }

  @AfterAll
  static void disconnect() {
    if (backend != null) {
      backend.close();
    }
  }

  @Override
  RedisBackend backend() {
    return backend;
  }
}
