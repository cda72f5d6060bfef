package io.polycache.provider.store;

/**
 * One stored entry as a store returns it: the value in the store's representation, the absolute
 * expiry time and an opaque version token for compare-and-set.
 *
 * <p>A store may hand back an entry whose {@link #expireAt()} has passed (a store with coarse or
 * lazy expiry); the cache core treats such an entry as absent.
 *
 * @param <V> the store's value representation
 */
public interface StoreEntry<V> {

  /** The expiry time that means "never". */
  long ETERNAL = Long.MAX_VALUE;

  /** The stored value, never null. */
  V value();

  /**
   * The array {@link #value()} is read from, for a store whose values are bytes it keeps behind a
   * header of its own: the value is then the bytes of this array from {@link #valueOffset()} to
   * its end, and the core decodes them in place where {@link #value()} would copy them. By
   * default {@link #value()} itself.
   */
  default Object valueSource() {
    return value();
  }

  /** Where the value starts in {@link #valueSource()}; 0 by default. */
  default int valueOffset() {
    return 0;
  }

  /** Absolute expiry time in epoch milliseconds; {@link #ETERNAL} when the entry never expires. */
  long expireAt();

  /**
   * A token that changes whenever the entry is written; pass it back to the conditional
   * operations of {@link Store}. Compared by the store, never interpreted by the core.
   */
  Object version();

  /** Whether the entry has expired at {@code now} (epoch milliseconds). */
  default boolean isExpiredAt(long now) {
    return expireAt() <= now;
  }
}
