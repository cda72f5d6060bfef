package io.polycache.provider.store.redis;

import io.polycache.provider.store.PrefixedStore;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreContractTest;
import java.time.Clock;

/**
 * The Store contract's hooks for Redis: byte keys and values, every store of a test on the
 * same backend (so two cache names are two prefixes on one server), with the cache core's key
 * prefixing played by {@link PrefixedStore}.
 */
abstract class RedisContract extends StoreContractTest {

  static final String NAMESPACE = "contract";

  /** The backend of the test class. */
  abstract RedisBackend backend();

  @Override
  protected Store<Object, Object> newStore(Clock clock, String cacheName) {
    RedisStore store = backend().open(TestSpecs.spec(NAMESPACE, cacheName, clock));
    return new PrefixedStore(store.keyPrefix(), store);
  }

  @Override
  protected Object key(int i) {
    return TestSpecs.utf8("k" + i);
  }

  @Override
  protected Object value(String text) {
    return TestSpecs.utf8(text);
  }

  @Override
  protected String text(Object value) {
    return TestSpecs.text(value);
  }
}
