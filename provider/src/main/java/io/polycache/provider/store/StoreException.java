package io.polycache.provider.store;

/**
 * The unchecked failure of a store operation: the server could not be reached, answered with an
 * error, or held bytes this store cannot read. The cache core turns it into a
 * {@link javax.cache.CacheException} at the JCache boundary, keeping it as the cause.
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
