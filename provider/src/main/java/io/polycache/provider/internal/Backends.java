package io.polycache.provider.internal;

import io.polycache.provider.store.memory.MemoryBackend;
import java.net.URI;
import java.util.Locale;
import java.util.Properties;

/**
 * Picks the backend of a CacheManager from its URI: {@code memory:} for the in-process store.
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
    return s.equals("memory") ? s : null;
  }

  /**
   * Opens the backend for a manager.
   *
   * @param uri the manager's URI
   * @param defaultUri the provider's default URI, whose backend serves URIs naming none
   * @param properties the manager's properties
   */
  public static Backend open(URI uri, URI defaultUri, Properties properties) {
    URI target = namesBackend(uri) ? uri : defaultUri;
    String scheme = backendScheme(target);
    if ("memory".equals(scheme)) {
      return new MemoryBackend();
    }
    throw new IllegalArgumentException("No Polycache backend for URI " + target
        + ": use memory:<name>");
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
