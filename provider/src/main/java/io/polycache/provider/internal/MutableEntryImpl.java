package io.polycache.provider.internal;

import io.polycache.provider.integration.ReadThrough;
import java.util.Objects;
import javax.cache.processor.MutableEntry;

/**
 * The entry an {@code EntryProcessor} sees. It records what the processor did, as the last of
 * {@link Operation}, so the invoke op can apply exactly one change with the right expiry-policy
 * call, writer call, event and statistics.
 */
public final class MutableEntryImpl<K, V> implements MutableEntry<K, V> {

  /** What the processor did to the entry, as the cache must apply it. */
  public enum Operation {
    /** Nothing, or only {@code exists()}. */
    NONE,
    /** Read an existing value: an access. */
    ACCESS,
    /** Read a missing value that read-through loaded: a creation without the writer. */
    LOAD,
    /** Set a value where there was none. */
    CREATE,
    /** Set a value over an existing one. */
    UPDATE,
    /** Removed the entry. */
    REMOVE
  }

  private final K key;
  private final V original;
  private final ReadThrough<K, V> loader;
  private V value;
  private Operation operation = Operation.NONE;

  MutableEntryImpl(K key, V original, ReadThrough<K, V> loader) {
    this.key = key;
    this.original = original;
    this.value = original;
    this.loader = loader;
  }

  Operation operation() {
    return operation;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    if (operation == Operation.NONE) {
      if (value != null) {
        operation = Operation.ACCESS;
      } else if (loader.onMiss()) {
        value = loader.load(key);
        if (value != null) {
          operation = Operation.LOAD;
        }
      }
    }
    return value;
  }

  @Override
  public boolean exists() {
    return value != null;
  }

  @Override
  public void remove() {
    operation = operation == Operation.CREATE || operation == Operation.LOAD
        ? (original == null ? Operation.NONE : Operation.REMOVE)
        : Operation.REMOVE;
    value = null;
  }

  @Override
  public void setValue(V newValue) {
    Objects.requireNonNull(newValue, "an entry processor may not set a null value");
    operation = original == null ? Operation.CREATE : Operation.UPDATE;
    value = newValue;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("Cannot unwrap a mutable entry to " + clazz.getName());
  }
}
