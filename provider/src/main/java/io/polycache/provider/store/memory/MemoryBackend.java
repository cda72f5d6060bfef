package io.polycache.provider.store.memory;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.internal.CopyingCodec;
import io.polycache.provider.store.Backend;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreSpec;

/**
 * The in-process backend ({@code memory:} URIs). Store-by-reference caches keep the caller's
 * objects; store-by-value caches keep private copies (the core's {@link CopyingCodec}).
 */
public final class MemoryBackend implements Backend {

  @Override
  public boolean supportsStoreByReference() {
    return true;
  }

  @Override
  public boolean storesBytes() {
    return false;
  }

  @Override
  public Store<Object, Object> open(StoreSpec spec) {
    PolycacheConfiguration<?, ?> configuration = spec.configuration();
    if (configuration.getMaximumBytes() > 0 && !configuration.isStoreByValue()) {
      throw new IllegalArgumentException("Cache " + spec.cacheName() + ": maximumBytes needs a"
          + " store-by-value cache (a store-by-reference cache cannot measure its objects);"
          + " use maximumEntries instead");
    }
    MemoryStoreOptions options = new MemoryStoreOptions(configuration.getMaximumEntries(),
        configuration.getMaximumBytes(),
        kv -> CopyingCodec.weigh(kv[0]) + CopyingCodec.weigh(kv[1]) + 32,
        spec.expiring(), configuration.getClockFactory().create(), spec.onEviction(),
        spec.onExpiry());
    return new MemoryStore<>(options);
  }

  @Override
  public void close() {
    // nothing shared: each store lives and dies with its cache
  }
}
