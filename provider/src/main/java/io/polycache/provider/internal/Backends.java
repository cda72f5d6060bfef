package io.polycache.provider.internal;

import io.polycache.provider.store.Backend;
import io.polycache.provider.store.memcached.MemcachedBackend;
import io.polycache.provider.store.memory.MemoryBackend;
import io.polycache.provider.store.redis.RedisBackend;
import java.net.URI;
import java.util.Locale;
import java.util.Properties;

/**
 * Picks the backend of a CacheManager from its URI: {@code memory:} for the in-process store,
 * {@code redis://}, {@code rediss://}, {@code redis-sentinel://} and {@code redis-cluster://}
 * for Redis, {@code memcached://} for Memcached.
 * A URI with no backend scheme of its own (an application's name for a manager, say) gets the
 * backend of the default URI, so managers can be told apart by URI on any backend.
 */
public final class Backends {

  /** The URI of the default memory manager ({@code memory:} alone is not a valid URI). */
  public static final URI MEMORY_DEFAULT = URI.create("memory:default");

  private Backends() {}

  /** Whether {@code uri} names a backend itself (rather than borrowing the default one). */
  public static boolean namesBackend(URI uri) {
    return backendScheme(uri) != null;
  }

  private static String backendScheme(URI uri) {
    String scheme = uri.getScheme();
    if (scheme == null) {
      return null;
    }
    String s = scheme.toLowerCase(Locale.ROOT);
    switch (s) {
      case "memory":
      case "redis":
      case "rediss":
      case "redis-sentinel":
      case "rediss-sentinel":
      case "redis-cluster":
      case "rediss-cluster":
      case "memcached":
        return s;
      default:
        return null;
    }
  }

  /** Whether the backend {@code uri} names keeps references (only the memory backend does). */
  public static boolean supportsStoreByReference(URI uri) {
    return "memory".equals(backendScheme(uri));
  }

  /**
   * Opens the backend a backend URI names.
   *
   * @throws IllegalArgumentException when the URI names no backend, or an option is wrong
   */
  public static Backend open(URI uri, Properties properties) {
    String scheme = backendScheme(uri);
    if (scheme == null) {
      throw new IllegalArgumentException("No Polycache backend for URI " + Uris.redact(uri)
          + ": use memory:, redis://, rediss://, redis-sentinel://, redis-cluster:// or"
          + " memcached://");
    }
    if (scheme.equals("memory")) {
      return new MemoryBackend();
    }
    if (scheme.equals("memcached")) {
      return MemcachedBackend.create(uri, properties);
    }
    return RedisBackend.create(uri, properties);
  }

  /**
   * The default URI: the system property {@code polycache.uri}, else the environment variable
   * {@code POLYCACHE_URI}, else {@code memory:default}. {@code memory:} alone means the latter.
   */
  public static URI defaultUri() {
    String text = System.getProperty("polycache.uri");
    if (text == null || text.isBlank()) {
      text = System.getenv("POLYCACHE_URI");
    }
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("memory:")) {
      return MEMORY_DEFAULT;
    }
    try {
      return URI.create(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The default Polycache URI is not a valid URI (from"
          + " polycache.uri or POLYCACHE_URI): " + e.getMessage(), e);
    }
  }
}
