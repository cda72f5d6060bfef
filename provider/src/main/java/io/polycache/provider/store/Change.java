package io.polycache.provider.store;

/**
 * What an atomic update decided to do with one entry. The cache core computes it; a store
 * carries it out, either inside its own atomic compute or as one conditional write.
 *
 * @param <V> the store's value representation
 */
public sealed interface Change<V> {

  /** Leave the entry as it is. */
  @SuppressWarnings("unchecked")
  static <V> Change<V> keep() {
    return (Change<V>) Keep.INSTANCE;
  }

  /** Remove the entry. */
  @SuppressWarnings("unchecked")
  static <V> Change<V> delete() {
    return (Change<V>) Delete.INSTANCE;
  }

  /** Write {@code value}, expiring at {@code expireAt}. */
  static <V> Change<V> write(V value, long expireAt) {
    return new Write<>(value, expireAt);
  }

  /** Keep the value, change its expiry time. */
  static <V> Change<V> touch(long expireAt) {
    return new Touch<>(expireAt);
  }

  /** See {@link #keep()}. */
  enum Keep implements Change<Object> {
    INSTANCE
  }

  /** See {@link #delete()}. */
  enum Delete implements Change<Object> {
    INSTANCE
  }

  /** See {@link #write(Object, long)}. */
  record Write<V>(V value, long expireAt) implements Change<V> {}

  /** See {@link #touch(long)}. */
  record Touch<V>(long expireAt) implements Change<V> {}
}
