package io.polycache.provider.store.memcached;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.internal.KeyLayout;
import io.polycache.provider.store.StoreSpec;
import io.polycache.testsupport.MemcachedServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Helpers the Memcached store tests share: stores, keys, bounded waits and raw item checks. */
final class MemcachedTestSupport {

  static final long WAIT_SECONDS = 10;

  private MemcachedTestSupport() {}

  static MemcachedStore open(MemcachedBackend backend, String namespace, String cacheName,
      Clock clock) {
    PolycacheConfiguration<Object, Object> configuration = new PolycacheConfiguration<>();
    configuration.setClockFactory(() -> clock);
    return (MemcachedStore) backend.open(new StoreSpec(cacheName,
        KeyLayout.prefix(namespace, cacheName), configuration, true, () -> {}));
  }

  /** A store whose long keys are hashed by {@code digest} (to force collisions). */
  static MemcachedStore open(MemcachedBackend backend, String namespace, String cacheName,
      Clock clock, UnaryOperator<byte[]> digest) {
    return new MemcachedStore(backend.shared(), cacheName,
        new MemcachedKeys(KeyLayout.prefix(namespace, cacheName), digest), clock);
  }

  static byte[] key(String namespace, String cacheName, byte[] userPart) {
    byte[] prefix = KeyLayout.prefix(namespace, cacheName);
    byte[] key = Arrays.copyOf(prefix, prefix.length + userPart.length);
    System.arraycopy(userPart, 0, key, prefix.length, userPart.length);
    return key;
  }

  static byte[] key(String namespace, String cacheName, String userPart) {
    return key(namespace, cacheName, userPart.getBytes(StandardCharsets.UTF_8));
  }

  /** The memcached key a logical key is stored under. */
  static String memcachedKey(byte[] logical, String namespace, String cacheName) {
    return new MemcachedKeys(KeyLayout.prefix(namespace, cacheName)).encode(logical).text();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(Object value) {
    return new String((byte[]) value, StandardCharsets.UTF_8);
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The store exception a future failed with. */
  static MemcachedStoreException failure(CompletableFuture<?> future) throws Exception {
    try {
      future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return assertInstanceOf(MemcachedStoreException.class, e.getCause());
    }
    return fail("expected a MemcachedStoreException");
  }

  /** Every logical key the store lists, walking pages of {@code limit}. */
  static Set<ByteBuffer> listKeys(MemcachedStore store, int limit) throws Exception {
    Set<ByteBuffer> listed = new HashSet<>();
    Object cursor = null;
    do {
      var page = await(store.keys(cursor, limit));
      for (Object key : page.keys()) {
        listed.add(ByteBuffer.wrap((byte[]) key));
      }
      cursor = page.next();
    } while (cursor != null);
    return listed;
  }

  /** Whether the server holds an item under {@code memcachedKey}, expired by our clock or not. */
  static boolean serverHolds(MemcachedServer server, String memcachedKey) {
    List<String> reply = server.command("get " + memcachedKey);
    return !reply.isEmpty() && reply.get(0).startsWith("VALUE ");
  }

  /**
   * The server's expiry time for {@code memcachedKey}: a unix time in seconds, or {@code -1} for
   * none. Meta get's {@code t} flag reports the seconds left, which memcached counts on its own
   * whole-second clock, so the result can be a second off.
   */
  static long serverExp(MemcachedServer server, String memcachedKey) {
    List<String> reply = server.command("mg " + memcachedKey + " t");
    if (reply.size() != 1 || !reply.get(0).startsWith("HD t")) {
      return fail("the server holds no " + memcachedKey + "; it answered " + reply);
    }
    long left = Long.parseLong(reply.get(0).substring("HD t".length()));
    return left == -1 ? -1 : System.currentTimeMillis() / 1000 + left;
  }
}
