package io.polycache.provider.store;

import io.polycache.provider.configuration.PolycacheConfiguration;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * What a backend needs to open the store of one cache.
 *
 * @param cacheName the cache's name
 * @param keyPrefix for byte-storing backends: the bytes every key of this cache starts with
 *     ({@code <namespace>:<cache>:}, each part escaped so no two caches' prefixes overlap and no
 *     glob character appears); the core puts it in front of every key it passes to the store, and
 *     the store may rely on it to list or clear exactly this cache's keys. Empty for memory.
 * @param configuration the cache's configuration (a private copy; read only)
 * @param expiring whether the cache's expiry policy can ever expire an entry
 * @param onEviction told once for every entry a size bound evicts
 * @param onExpiry told of an entry (store key, store value) that a store which expires entries
 *     by itself dropped before anyone read it; remote stores, whose server expires silently, never
 *     call it
 */
public record StoreSpec(String cacheName, byte[] keyPrefix,
    PolycacheConfiguration<?, ?> configuration, boolean expiring, Runnable onEviction,
    BiConsumer<Object, Object> onExpiry) {

  public StoreSpec {
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(onEviction, "onEviction");
    Objects.requireNonNull(onExpiry, "onExpiry");
  }

  /** A spec whose store reports no expiry. */
  public StoreSpec(String cacheName, byte[] keyPrefix, PolycacheConfiguration<?, ?> configuration,
      boolean expiring, Runnable onEviction) {
    this(cacheName, keyPrefix, configuration, expiring, onEviction, (k, v) -> { });
  }
}
