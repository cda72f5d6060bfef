package io.polycache.provider.store.memcached;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.internal.KeyLayout;
import io.polycache.provider.store.KeyPage;
import io.polycache.provider.store.PrefixedStore;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreContractTest;
import io.polycache.provider.store.StoreEntry;
import io.polycache.provider.store.StoreSpec;
import io.polycache.provider.store.WriteStatus;
import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.RealServers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Store contract on a real memcached, through the backend's shared client.
 *
 * <p>The suite hands the same key objects to the stores of two caches, while a byte store's keys
 * carry their cache's prefix (the core puts it there). So the suite's keys are the user part only,
 * and each store is wrapped in {@link Prefixed}, which puts the cache's prefix in front of keys
 * going in and strips it from listed keys, as the core does.
 */
@RealServers
class MemcachedStoreContractTest extends StoreContractTest {

  private static MemcachedBackend backend;

  @BeforeAll
  static void connect(MemcachedServer memcached) {
    backend = MemcachedBackend.create(memcached.uri(), new Properties());
  }

  @AfterAll
  static void disconnect() {
    backend.close();
  }

  @Override
  protected Store<Object, Object> newStore(Clock clock, String cacheName) {
    PolycacheConfiguration<Object, Object> configuration = new PolycacheConfiguration<>();
    configuration.setClockFactory(() -> clock);
    byte[] prefix = KeyLayout.prefix("contract", cacheName);
    return new PrefixedStore(prefix, backend.open(new StoreSpec(cacheName, prefix, configuration,
        true, () -> {})));
  }

  @Override
  protected Object key(int i) {
    return ("key-" + i).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  protected Object value(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected String text(Object value) {
    return new String((byte[]) value, StandardCharsets.UTF_8);
  }
}
