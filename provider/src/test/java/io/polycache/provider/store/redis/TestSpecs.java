package io.polycache.provider.store.redis;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.internal.KeyLayout;
import io.polycache.provider.store.StoreSpec;
import io.polycache.provider.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Builds what the cache core would hand a backend, for tests that drive stores directly. */
final class TestSpecs {

  private TestSpecs() {}

  /** The spec of {@code cacheName} in {@code namespace}, on {@code clock}. */
  static StoreSpec spec(String namespace, String cacheName, Clock clock) {
    PolycacheConfiguration<Object, Object> configuration = new PolycacheConfiguration<>();
    if (clock instanceof MutableClock mutable) {
      configuration.setClockFactory(mutable.factory());
    }
    return new StoreSpec(cacheName, KeyLayout.prefix(namespace, cacheName), configuration, true,
        () -> {});
  }

  /** The spec of {@code cacheName} in {@code namespace}, on the system clock. */
  static StoreSpec spec(String namespace, String cacheName) {
    return spec(namespace, cacheName, Clock.systemUTC());
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(Object bytes) {
    return new String((byte[]) bytes, StandardCharsets.UTF_8);
  }

  /** {@code prefix} followed by {@code suffix}: a key as the core would pass it. */
  static byte[] key(RedisStore store, String suffix) {
    byte[] prefix = store.keyPrefix();
    byte[] tail = utf8(suffix);
    byte[] key = new byte[prefix.length + tail.length];
    System.arraycopy(prefix, 0, key, 0, prefix.length);
    System.arraycopy(tail, 0, key, prefix.length, tail.length);
    return key;
  }
}
