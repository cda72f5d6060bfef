package io.polycache.provider.internal;

/**
 * Converts keys or values between the caller's objects and a store's representation. Store-by-
 * reference caches use {@link #IDENTITY}; store-by-value memory caches a {@link CopyingCodec}.
 */
public interface Codec {

  /** Keeps the caller's objects themselves. */
  Codec IDENTITY = new Codec() {
    @Override
    public Object encode(Object object) {
      return object;
    }

    @Override
    public Object decode(Object stored) {
      return stored;
    }
  };

  /** The store's representation of {@code object}; throws before anything is stored. */
  Object encode(Object object);

  /** The caller's object for {@code stored}; a store-by-value codec returns a fresh copy. */
  Object decode(Object stored);

  /** {@link #decode(Object)}, naming {@code key} in any error. */
  default Object decode(Object stored, Object key) {
    return decode(stored);
  }

  /**
   * {@link #decode(Object, Object)} of the part of {@code source} from {@code offset}: only a
   * codec of bytes takes an offset other than 0.
   */
  default Object decode(Object source, int offset, Object key) {
    if (offset != 0) {
      throw new IllegalArgumentException(getClass().getName() + " decodes whole values only,"
          + " not from offset " + offset);
    }
    return decode(source, key);
  }
}
