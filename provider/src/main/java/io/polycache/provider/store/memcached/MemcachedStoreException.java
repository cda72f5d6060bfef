package io.polycache.provider.store.memcached;

import io.polycache.provider.store.StoreException;

/**
 * A failure of the Memcached store: a server that could not be reached or did not answer in
 * time (the message names it as {@code host:port}), an error answer (the message quotes it), a
 * value over the item size limit, a key holding bytes Polycache did not write, or a server that
 * does not allow its keys to be listed. Messages never contain a password.
 */
public class MemcachedStoreException extends StoreException {

  private static final long serialVersionUID = 1L;

  public MemcachedStoreException(String message) {
    super(message);
  }

  public MemcachedStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
