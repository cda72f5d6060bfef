package io.polycache.provider.integration;

import java.util.HashMap;
import java.util.Map;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;

/**
 * Calls a cache's {@link CacheLoader}, turning every failure into a {@link CacheLoaderException}
 * that keeps the cause. {@link #NONE} stands for a cache without a loader.
 */
public final class ReadThrough<K, V> {

  private static final ReadThrough<?, ?> NONE = new ReadThrough<>(null, false);

  private final CacheLoader<K, ? extends V> loader;
  private final boolean readThrough;

  private ReadThrough(CacheLoader<K, ? extends V> loader, boolean readThrough) {
    this.loader = loader;
    this.readThrough = readThrough;
  }

  /** A loader; {@code readThrough} says whether reads that miss call it, or only loadAll. */
  public static <K, V> ReadThrough<K, V> of(CacheLoader<K, ? extends V> loader, boolean readThrough) {
    return loader == null ? none() : new ReadThrough<>(loader, readThrough);
  }

  @SuppressWarnings("unchecked")
  public static <K, V> ReadThrough<K, V> none() {
    return (ReadThrough<K, V>) NONE;
  }

  /** Whether a miss of {@code get}, {@code getAll} or {@code invoke} loads. */
  public boolean onMiss() {
    return readThrough;
  }

  /** Whether there is a loader at all ({@code loadAll} works without read-through). */
  public boolean exists() {
    return loader != null;
  }

  public CacheLoader<K, ? extends V> loader() {
    return loader;
  }

  /** Loads one value; {@code null} when the loader has none. */
  public V load(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("Exception in CacheLoader: " + e, e);
    }
  }

  /** Loads many values; the result holds only non-null values. */
  public Map<K, V> loadAll(Iterable<? extends K> keys) {
    Map<? extends K, ? extends V> loaded;
    try {
      loaded = loader.loadAll(keys);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("Exception in CacheLoader: " + e, e);
    }
    Map<K, V> result = new HashMap<>();
    if (loaded != null) {
      loaded.forEach((k, v) -> {
        if (k != null && v != null) {
          result.put(k, v);
        }
      });
    }
    return result;
  }
}
