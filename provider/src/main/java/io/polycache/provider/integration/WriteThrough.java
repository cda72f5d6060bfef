package io.polycache.provider.integration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;

/**
 * Calls a cache's {@link CacheWriter} when the cache is write-through, turning every failure into
 * a {@link CacheWriterException} that keeps the cause. {@link #none()} stands for a cache that is
 * not write-through: every call does nothing.
 */
public final class WriteThrough<K, V> {

  private static final WriteThrough<?, ?> NONE = new WriteThrough<>(null);

  private final CacheWriter<K, V> writer;

  private WriteThrough(CacheWriter<K, V> writer) {
    this.writer = writer;
  }

  /** A writer of supertypes accepts our keys and values, so viewing it as one of K, V is safe. */
  @SuppressWarnings("unchecked")
  public static <K, V> WriteThrough<K, V> of(CacheWriter<? super K, ? super V> writer) {
    return writer == null ? none() : new WriteThrough<>((CacheWriter<K, V>) writer);
  }

  @SuppressWarnings("unchecked")
  public static <K, V> WriteThrough<K, V> none() {
    return (WriteThrough<K, V>) NONE;
  }

  public boolean isActive() {
    return writer != null;
  }

  public void write(K key, V value) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(new WrittenEntry<>(key, value));
    } catch (CacheWriterException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheWriterException("Exception in CacheWriter: " + e, e);
    }
  }

  public void delete(K key) {
    if (writer == null) {
      return;
    }
    try {
      writer.delete(key);
    } catch (CacheWriterException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheWriterException("Exception in CacheWriter: " + e, e);
    }
  }

  /**
   * Writes many entries. On failure the writer leaves in its collection the entries it did not
   * write; the keys it did write are added to {@code written} before the exception is rethrown.
   */
  public void writeAll(Map<K, V> entries, Set<K> written) {
    if (writer == null) {
      written.addAll(entries.keySet());
      return;
    }
    Collection<Cache.Entry<? extends K, ? extends V>> pending = new ArrayList<>(entries.size());
    entries.forEach((k, v) -> pending.add(new WrittenEntry<>(k, v)));
    try {
      writer.writeAll(pending);
      written.addAll(entries.keySet());
    } catch (RuntimeException e) {
      Set<Object> failed = new LinkedHashSet<>();
      for (Cache.Entry<? extends K, ? extends V> entry : pending) {
        failed.add(entry.getKey());
      }
      for (K key : entries.keySet()) {
        if (!failed.contains(key)) {
          written.add(key);
        }
      }
      throw e instanceof CacheWriterException ? (CacheWriterException) e
          : new CacheWriterException("Exception in CacheWriter: " + e, e);
    }
  }

  /**
   * Deletes many keys. On failure the writer leaves in its collection the keys it did not
   * delete; the keys it did delete are added to {@code deleted} before the exception is rethrown.
   */
  public void deleteAll(Collection<K> keys, Set<K> deleted) {
    if (writer == null) {
      deleted.addAll(keys);
      return;
    }
    List<K> pending = new ArrayList<>(keys);
    try {
      writer.deleteAll(pending);
      deleted.addAll(keys);
    } catch (RuntimeException e) {
      Set<Object> failed = new LinkedHashSet<>(pending);
      for (K key : keys) {
        if (!failed.contains(key)) {
          deleted.add(key);
        }
      }
      throw e instanceof CacheWriterException ? (CacheWriterException) e
          : new CacheWriterException("Exception in CacheWriter: " + e, e);
    }
  }

  /** The entry handed to the writer. */
  private record WrittenEntry<K, V>(K getKey, V getValue) implements Cache.Entry<K, V> {
    @Override
    public <T> T unwrap(Class<T> clazz) {
      if (clazz.isInstance(this)) {
        return clazz.cast(this);
      }
      throw new IllegalArgumentException("Cannot unwrap a written entry to " + clazz.getName());
    }
  }
}
