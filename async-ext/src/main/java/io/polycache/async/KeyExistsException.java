package io.polycache.async;

import javax.cache.CacheException;

/** {@link AsyncCache#add} found an entry under the key; nothing was written. */
public class KeyExistsException extends CacheException {

  private static final long serialVersionUID = 1L;

  public KeyExistsException(String message) {
    super(message);
  }
}
