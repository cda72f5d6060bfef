package io.polycache.provider.store.memory;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.internal.Backend;
import io.polycache.provider.internal.Codec;
import io.polycache.provider.internal.CopyingCodec;
import io.polycache.provider.store.Store;

/**
 * The in-process backend ({@code memory:} URIs). Store-by-reference caches keep the caller's
 * objects; store-by-value caches keep private copies ({@link CopyingCodec}).
 */
public final class MemoryBackend implements Backend {

  @Override
  public boolean supportsStoreByReference() {
    return true;
  }

  @Override
  public Store<Object, Object> open(String cacheName, PolycacheConfiguration<?, ?> configuration,
      boolean expiring, Runnable onEviction) {
    if (configuration.getMaximumBytes() > 0 && !configuration.isStoreByValue()) {
      throw new IllegalArgumentException("Cache " + cacheName + ": maximumBytes needs a"
          + " store-by-value cache (a store-by-reference cache cannot measure its objects);"
          + " use maximumEntries instead");
    }
    MemoryStoreOptions options = new MemoryStoreOptions(configuration.getMaximumEntries(),
        configuration.getMaximumBytes(),
        kv -> CopyingCodec.weigh(kv[0]) + CopyingCodec.weigh(kv[1]) + 32,
        expiring, configuration.getClockFactory().create(), onEviction);
    return new MemoryStore<>(options);
  }

  @Override
  public Codec keyCodec(String cacheName, PolycacheConfiguration<?, ?> configuration,
      ClassLoader classLoader) {
    return configuration.isStoreByValue() ? new CopyingCodec(cacheName, "key", classLoader)
        : Codec.IDENTITY;
  }

  @Override
  public Codec valueCodec(String cacheName, PolycacheConfiguration<?, ?> configuration,
      ClassLoader classLoader) {
    return configuration.isStoreByValue() ? new CopyingCodec(cacheName, "value", classLoader)
        : Codec.IDENTITY;
  }

  @Override
  public void close() {
    // nothing shared: each store lives and dies with its cache
  }
}
