package io.polycache.provider.store.memcached;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.internal.KeyLayout;
import io.polycache.provider.store.KeyPage;
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
import java.util.Arrays;
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
    return new Prefixed(prefix, backend.open(new StoreSpec(cacheName, prefix, configuration,
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

  /** A store seen through the core's key layout: keys without the cache prefix. */
  private static final class Prefixed implements Store<Object, Object> {
    private final byte[] prefix;
    private final Store<Object, Object> store;

    Prefixed(byte[] prefix, Store<Object, Object> store) {
      this.prefix = prefix;
      this.store = store;
    }

    private Object in(Object key) {
      byte[] k = (byte[]) key;
      byte[] full = Arrays.copyOf(prefix, prefix.length + k.length);
      System.arraycopy(k, 0, full, prefix.length, k.length);
      return full;
    }

    @Override
    public CompletableFuture<StoreEntry<Object>> get(Object key) {
      return store.get(in(key));
    }

    @Override
    public CompletableFuture<List<StoreEntry<Object>>> getAll(List<Object> keys) {
      List<Object> full = new ArrayList<>(keys.size());
      for (Object key : keys) {
        full.add(in(key));
      }
      return store.getAll(full);
    }

    @Override
    public CompletableFuture<WriteStatus> put(Object key, Object value, long expireAt) {
      return store.put(in(key), value, expireAt);
    }

    @Override
    public CompletableFuture<Boolean> putIfAbsent(Object key, Object value, long expireAt) {
      return store.putIfAbsent(in(key), value, expireAt);
    }

    @Override
    public CompletableFuture<Boolean> replace(Object key, Object version, Object value,
        long expireAt) {
      return store.replace(in(key), version, value, expireAt);
    }

    @Override
    public CompletableFuture<StoreEntry<Object>> getAndPut(Object key, Object value,
        long expireAt) {
      return store.getAndPut(in(key), value, expireAt);
    }

    @Override
    public CompletableFuture<Boolean> remove(Object key) {
      return store.remove(in(key));
    }

    @Override
    public CompletableFuture<Boolean> remove(Object key, Object version) {
      return store.remove(in(key), version);
    }

    @Override
    public CompletableFuture<Boolean> touch(Object key, Object version, long expireAt) {
      return store.touch(in(key), version, expireAt);
    }

    @Override
    public CompletableFuture<KeyPage<Object>> keys(Object cursor, int limit) {
      return store.keys(cursor, limit).thenApply(page -> {
        List<Object> stripped = new ArrayList<>(page.keys().size());
        for (Object key : page.keys()) {
          byte[] k = (byte[]) key;
          stripped.add(Arrays.copyOfRange(k, prefix.length, k.length));
        }
        return new KeyPage<>(stripped, page.next());
      });
    }

    @Override
    public CompletableFuture<Void> clear() {
      return store.clear();
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
