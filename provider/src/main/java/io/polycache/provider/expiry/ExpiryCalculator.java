package io.polycache.provider.expiry;

import io.polycache.provider.store.StoreEntry;
import java.util.Set;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;

/**
 * Turns a cache's {@link ExpiryPolicy} into absolute expiry times. Each method calls the policy
 * exactly once (the TCK counts the calls). A policy that throws is treated as the spec's
 * reference implementation does: creation falls back to eternal, access and update leave the
 * expiry time unchanged.
 */
public final class ExpiryCalculator {

  /** Returned by {@link #forAccess} and {@link #forUpdate} when the expiry time must not change. */
  public static final long UNCHANGED = Long.MIN_VALUE;

  private static final Set<Class<?>> PURE = Set.of(EternalExpiryPolicy.class,
      CreatedExpiryPolicy.class, AccessedExpiryPolicy.class, ModifiedExpiryPolicy.class,
      TouchedExpiryPolicy.class);

  private final ExpiryPolicy policy;
  private final boolean eternal;
  private final boolean pure;

  public ExpiryCalculator(ExpiryPolicy policy) {
    this.policy = policy;
    this.eternal = policy instanceof EternalExpiryPolicy;
    this.pure = PURE.contains(policy.getClass());
  }

  /**
   * Whether the policy is one of the JCache standard policies, whose methods only return a fixed
   * duration: the core may then ask for the creation and the update expiry before knowing which
   * applies, and let a store pick in one round trip. A custom policy is asked only for the one
   * that applies (the JCache TCK counts the calls).
   */
  public boolean isPure() {
    return pure;
  }

  /** Whether every entry lives forever and access never changes that (no call is needed). */
  public boolean isEternal() {
    return eternal;
  }

  public ExpiryPolicy policy() {
    return policy;
  }

  /** The expiry time of an entry created at {@code now}; {@code <= now} means "do not store". */
  public long forCreation(long now) {
    if (eternal) {
      return StoreEntry.ETERNAL;
    }
    Duration duration;
    try {
      duration = policy.getExpiryForCreation();
    } catch (RuntimeException e) {
      duration = Duration.ETERNAL;
    }
    return duration == null ? StoreEntry.ETERNAL : adjust(duration, now);
  }

  /** The new expiry time after an access at {@code now}, or {@link #UNCHANGED}. */
  public long forAccess(long now) {
    if (eternal) {
      return UNCHANGED;
    }
    try {
      Duration duration = policy.getExpiryForAccess();
      return duration == null ? UNCHANGED : adjust(duration, now);
    } catch (RuntimeException e) {
      return UNCHANGED;
    }
  }

  /** The new expiry time after an update at {@code now}, or {@link #UNCHANGED}. */
  public long forUpdate(long now) {
    if (eternal) {
      return UNCHANGED;
    }
    try {
      Duration duration = policy.getExpiryForUpdate();
      return duration == null ? UNCHANGED : adjust(duration, now);
    } catch (RuntimeException e) {
      return UNCHANGED;
    }
  }

  /** {@code now + duration}, saturating, with {@link Duration#ETERNAL} as {@link StoreEntry#ETERNAL}. */
  public static long adjust(Duration duration, long now) {
    if (duration.isEternal()) {
      return StoreEntry.ETERNAL;
    }
    if (duration.isZero()) {
      return now;
    }
    long millis = duration.getTimeUnit().toMillis(duration.getDurationAmount());
    long at = now + millis;
    return at < now ? StoreEntry.ETERNAL - 1 : Math.min(at, StoreEntry.ETERNAL - 1);
  }
}
