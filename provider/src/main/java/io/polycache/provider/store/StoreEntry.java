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
