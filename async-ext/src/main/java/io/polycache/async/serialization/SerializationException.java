package io.polycache.async.serialization;

import javax.cache.CacheException;

/**
 * A value or key could not be written to bytes or read back. The message names the cache, the
 * role and what to do; the stored data is unchanged.
 */
public class SerializationException extends CacheException {

  private static final long serialVersionUID = 1L;

  public SerializationException(String message) {
    super(message);
  }

  public SerializationException(String message, Throwable cause) {
    super(message, cause);
  }
}
