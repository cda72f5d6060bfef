package io.polycache.provider.store.memcached;

import io.polycache.provider.store.Backend;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreSpec;
import java.net.URI;
import java.util.Objects;
import java.util.Properties;
import net.spy.memcached.MemcachedClient;

/**
 * The Memcached backend ({@code memcached://host:port[,host:port...]} URIs; see
 * {@link MemcachedOptions} for the URI forms and options). One backend belongs to one
 * CacheManager and owns one spymemcached {@link MemcachedClient} (binary protocol, ketama
 * consistent hashing across the servers, failure mode {@code Cancel}) that all its stores share;
 * {@link #close()} releases it. Stores hold bytes and support store-by-value only.
 *
 * <p>Needs memcached 1.4.31 or later with the LRU crawler and key dumping enabled (the default)
 * to iterate and clear caches: see {@link MemcachedStore#keys}.
 */
public final class MemcachedBackend implements Backend {

  private final SharedClient shared;

  private MemcachedBackend(SharedClient shared) {
    this.shared = shared;
  }

  /**
   * Opens a backend for a {@code memcached://} URI. Connects to the servers and waits at most the
   * timeout for them; a server that is down is not an error (its keys fail until it is back).
   *
   * @param properties the manager's properties (options not in the URI); may be {@code null}
   * @throws IllegalArgumentException if the URI or an option is malformed
   */
  public static MemcachedBackend create(URI uri, Properties properties) {
    return create(MemcachedOptions.parse(uri, properties));
  }

  /** Opens a backend with explicit options. */
  public static MemcachedBackend create(MemcachedOptions options) {
    return new MemcachedBackend(SharedClient.connect(Objects.requireNonNull(options, "options")));
  }

  @Override
  public boolean supportsStoreByReference() {
    return false;
  }

  @Override
  public boolean storesBytes() {
    return true;
  }

  /**
   * Opens the store of one cache on the shared client. Its expiry decisions use the clock of the
   * cache's configuration.
   *
   * @throws IllegalArgumentException if the spec has no key prefix (a store without one would
   *     list and clear every key of the servers)
   * @throws IllegalStateException if the backend is closed
   */
  @Override
  public Store<Object, Object> open(StoreSpec spec) {
    if (spec.keyPrefix().length == 0) {
      throw new IllegalArgumentException("Cache '" + spec.cacheName() + "': a memcached store"
          + " needs a key prefix");
    }
    if (shared.isClosed()) {
      throw new IllegalStateException("The memcached backend " + this + " is closed");
    }
    return new MemcachedStore(shared, spec.cacheName(), new MemcachedKeys(spec.keyPrefix()),
        spec.configuration().getClockFactory().create());
  }

  /**
   * The spymemcached client, for what the store does not offer. It is shared by every cache of
   * the manager and speaks the binary protocol; do not shut it down (use {@link #close()}).
   */
  public MemcachedClient client() {
    return shared.client();
  }

  /** The options this backend was opened with. */
  public MemcachedOptions options() {
    return shared.options();
  }

  SharedClient shared() {
    return shared;
  }

  /** Shuts the client down; waits at most the timeout for operations in flight. */
  @Override
  public void close() {
    shared.close();
  }

  @Override
  public String toString() {
    MemcachedOptions options = shared.options();
    return "MemcachedBackend[" + options.describe() + ", timeout=" + options.timeout()
        + (shared.isClosed() ? ", closed" : "") + "]";
  }

  /** This backend, or {@link #client}: the shared {@code MemcachedClient}. */
  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    Object nativeClient = client();
    if (clazz.isInstance(nativeClient)) {
      return clazz.cast(nativeClient);
    }
    throw new IllegalArgumentException(getClass().getSimpleName() + " has no native client of type "
        + clazz.getName());
  }
}
