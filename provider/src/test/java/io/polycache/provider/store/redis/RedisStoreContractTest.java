package io.polycache.provider.store.redis;

import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Store contract on one real Redis server. */
@RealServers
class RedisStoreContractTest extends RedisContract {

  private static RedisBackend backend;

  @BeforeAll
  static void connect(RedisServer redis) {
    backend = RedisBackend.create(redis.uri(), null);
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
