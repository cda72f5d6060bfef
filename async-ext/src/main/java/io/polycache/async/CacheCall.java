package io.polycache.async;

import java.util.Collection;
import java.util.Iterator;

/**
 * One call of a cache operation, as a {@link CachePlugin} sees it. The same object is passed to
 * {@link CachePlugin#before} and {@link CachePlugin#after}; the outcome ({@link #result()},
 * {@link #error()}, {@link #elapsedNanos()}) is set only for {@code after}.
 *
 * <p>Keys and results are the caller's own objects (or views of them): read them, do not modify
 * them, and do not keep them beyond the hook unless they are immutable.
 */
public interface CacheCall {

  /** The name of the cache. */
  String cacheName();

  /** What was called. */
  CacheOperation operation();

  /** {@code true} when called through {@link AsyncCache}, {@code false} through the JCache API. */
  boolean isAsync();

  /**
   * The keys the call names: one for single-key operations, the given keys for bulk operations
   * ({@code getAll}, {@code putAll}'s map keys, {@code removeAll(keys)}, ...), none for
   * operations on the whole cache ({@code clear}, {@code removeAll()}, {@code removeByPrefix}).
   */
  Collection<?> keys();

  /**
   * The key of a single-key operation ({@link CacheOperation.Scope#KEY}); {@code null} for bulk
   * and whole-cache operations.
   */
  default Object key() {
    if (operation().scope() != CacheOperation.Scope.KEY) {
      return null;
    }
    Iterator<?> it = keys().iterator();
    return it.hasNext() ? it.next() : null;
  }

  /**
   * What the operation returned (the value of a {@code get}, the map of a {@code getAll},
   * {@code Boolean.TRUE} of a successful {@code putIfAbsent}, {@code null} for {@code void}
   * operations); {@code null} before the operation completed or when it failed.
   */
  Object result();

  /** Why the operation failed, or {@code null} when it succeeded (or has not completed). */
  Throwable error();

  /**
   * Nanoseconds from the start of the operation (after the {@code before} hooks) to its
   * completion (before the {@code after} hooks); 0 before it completed.
   */
  long elapsedNanos();
}
