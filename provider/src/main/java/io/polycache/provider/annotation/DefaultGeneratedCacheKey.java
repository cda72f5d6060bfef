package io.polycache.provider.annotation;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * The key {@link DefaultCacheKeyGenerator} makes: the values of a method's key parameters, in
 * parameter order. Two keys are equal when their values are equal element by element
 * ({@link Arrays#deepEquals}), so {@code find(@CacheKey String isbn, Locale locale)} and
 * {@code find(String isbn)} called with the same ISBN share one entry.
 *
 * <p>Store-by-value and remote caches keep keys as Java-serialized bytes, so the values must be
 * {@link java.io.Serializable}, and equal keys find each other on Redis and Memcached only when
 * equal values serialize to equal bytes (true for strings, numbers, {@code java.time} types,
 * enums and records of them; not for hashed collections). On Redis and Memcached the
 * {@code java} serializer reads only allowed classes: allow this class and the application
 * classes among the values, e.g. with the manager option
 * {@code allowedClasses: io.polycache.provider.annotation.DefaultGeneratedCacheKey,com.example.*}.
 *
 * <p>Immutable as long as the values are; thread-safe.
 */
public final class DefaultGeneratedCacheKey implements GeneratedCacheKey {

  private static final long serialVersionUID = 1L;

  private final Object[] values;
  private transient int hash;

  private DefaultGeneratedCacheKey(Object[] values) {
    this.values = values;
  }

  /**
   * A key of {@code values}, copied; values may be null.
   *
   * @throws NullPointerException if {@code values} itself is null
   */
  public static DefaultGeneratedCacheKey of(Object... values) {
    return new DefaultGeneratedCacheKey(values.clone());
  }

  /** Takes ownership of {@code values}: for callers that built the array for this key. */
  static DefaultGeneratedCacheKey owning(Object[] values) {
    return new DefaultGeneratedCacheKey(values);
  }

  /** The key's values, in parameter order; an unmodifiable list that may hold nulls. */
  public List<Object> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof DefaultGeneratedCacheKey
        && Arrays.deepEquals(values, ((DefaultGeneratedCacheKey) other).values);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.deepHashCode(values);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return "DefaultGeneratedCacheKey" + Arrays.deepToString(values);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (values == null) {
      throw new InvalidObjectException("a DefaultGeneratedCacheKey needs its values");
    }
  }
}
