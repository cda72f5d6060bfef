package io.polycache.provider.store.memory;

import java.time.Clock;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * How one memory store is built.
 *
 * @param maximumEntries the entry bound, or {@code 0} for none
 * @param maximumWeight the weight bound (bytes by the weigher's measure), or {@code 0} for none
 * @param weigher the weight of one entry, given its key and value; used with {@code maximumWeight}
 * @param expiring whether entries may carry an expiry time, so the store drops them eagerly
 * @param clock the time source for eager expiry
 * @param evictionListener told once for every entry evicted by a bound
 * @param expiryListener told of each entry (key, value) the store dropped, some time after it
 *     expired, because nobody read it in the meantime
 */
public record MemoryStoreOptions(
    long maximumEntries,
    long maximumWeight,
    ToLongFunction<Object[]> weigher,
    boolean expiring,
    Clock clock,
    Runnable evictionListener,
    BiConsumer<Object, Object> expiryListener) {

  /** An unbounded store whose entries never expire. */
  public static final MemoryStoreOptions UNBOUNDED =
      new MemoryStoreOptions(0, 0, kv -> 1, false, Clock.systemUTC(), () -> { }, (k, v) -> { });

  public MemoryStoreOptions {
    if (maximumEntries < 0 || maximumWeight < 0) {
      throw new IllegalArgumentException("bounds must not be negative");
    }
    if (maximumEntries > 0 && maximumWeight > 0) {
      throw new IllegalArgumentException("bound a memory cache by entries or by bytes, not both");
    }
    Objects.requireNonNull(weigher, "weigher");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(evictionListener, "evictionListener");
    Objects.requireNonNull(expiryListener, "expiryListener");
  }

  /** Options whose store reports no expiry. */
  public MemoryStoreOptions(long maximumEntries, long maximumWeight,
      ToLongFunction<Object[]> weigher, boolean expiring, Clock clock,
      Runnable evictionListener) {
    this(maximumEntries, maximumWeight, weigher, expiring, clock, evictionListener,
        (k, v) -> { });
  }

  /** Whether the store needs an eviction engine rather than a plain concurrent map. */
  boolean needsEngine() {
    return maximumEntries > 0 || maximumWeight > 0 || expiring;
  }
}
