package io.polycache.provider.store;

/**
 * Where one CacheManager keeps its caches: it opens one {@link Store} per cache and owns the
 * connections they share (one client per manager). Chosen by the manager's URI.
 */
public interface Backend extends AutoCloseable {

  /** Whether caches may keep references to the caller's objects (only in-process stores can). */
  boolean supportsStoreByReference();

  /**
   * Whether the stores take keys and values as {@code byte[]} (remote backends: the core
   * serializes, with the key prefix in front of every key) or as objects (the memory backend).
   */
  boolean storesBytes();

  /** Opens the store of one cache. */
  Store<Object, Object> open(StoreSpec spec);

  /**
   * The backend's native client, for commands Polycache does not cover (the Lettuce connection,
   * the {@code MemcachedClient}).
   *
   * @throws IllegalArgumentException when the backend has no object of that type
   */
  default <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException(getClass().getSimpleName() + " has no native client of type "
        + clazz.getName());
  }

  /**
   * Releases the backend's connections; stores opened by it are unusable afterwards. Never
   * removes data.
   */
  @Override
  void close();
}
