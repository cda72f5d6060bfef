package io.polycache.provider.management;

import java.util.concurrent.atomic.LongAdder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * The statistics of one cache in this JVM, kept as local counters and exposed as the JCache
 * {@code CacheStatistics} MBean. Recording is a no-op while statistics are disabled, so a cache
 * without statistics pays one volatile read per operation.
 */
public final class CacheStatistics implements CacheStatisticsMXBean {

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder removals = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder getNanos = new LongAdder();
  private final LongAdder putNanos = new LongAdder();
  private final LongAdder removeNanos = new LongAdder();
  private volatile boolean enabled;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** A start time for an operation, or 0 when statistics are off. */
  public long start() {
    return enabled ? System.nanoTime() : 0L;
  }

  /** Adds one operation's counts. */
  public void record(int hitCount, int missCount, int putCount, int removalCount) {
    if (!enabled) {
      return;
    }
    if (hitCount != 0) {
      hits.add(hitCount);
    }
    if (missCount != 0) {
      misses.add(missCount);
    }
    if (putCount != 0) {
      puts.add(putCount);
    }
    if (removalCount != 0) {
      removals.add(removalCount);
    }
  }

  public void recordGetTime(long startNanos) {
    if (enabled && startNanos != 0) {
      getNanos.add(System.nanoTime() - startNanos);
    }
  }

  public void recordPutTime(long startNanos) {
    if (enabled && startNanos != 0) {
      putNanos.add(System.nanoTime() - startNanos);
    }
  }

  public void recordRemoveTime(long startNanos) {
    if (enabled && startNanos != 0) {
      removeNanos.add(System.nanoTime() - startNanos);
    }
  }

  /** One entry evicted by a size bound. */
  public void recordEviction() {
    if (enabled) {
      evictions.increment();
    }
  }

  @Override
  public void clear() {
    hits.reset();
    misses.reset();
    puts.reset();
    removals.reset();
    evictions.reset();
    getNanos.reset();
    putNanos.reset();
    removeNanos.reset();
  }

  @Override
  public long getCacheHits() {
    return hits.sum();
  }

  @Override
  public float getCacheHitPercentage() {
    long gets = getCacheGets();
    return gets == 0 ? 0f : hits.sum() * 100f / gets;
  }

  @Override
  public long getCacheMisses() {
    return misses.sum();
  }

  @Override
  public float getCacheMissPercentage() {
    long gets = getCacheGets();
    return gets == 0 ? 0f : misses.sum() * 100f / gets;
  }

  @Override
  public long getCacheGets() {
    return hits.sum() + misses.sum();
  }

  @Override
  public long getCachePuts() {
    return puts.sum();
  }

  @Override
  public long getCacheRemovals() {
    return removals.sum();
  }

  @Override
  public long getCacheEvictions() {
    return evictions.sum();
  }

  @Override
  public float getAverageGetTime() {
    return averageMicros(getNanos.sum(), getCacheGets());
  }

  @Override
  public float getAveragePutTime() {
    return averageMicros(putNanos.sum(), puts.sum());
  }

  @Override
  public float getAverageRemoveTime() {
    return averageMicros(removeNanos.sum(), removals.sum());
  }

  private static float averageMicros(long nanos, long count) {
    return count <= 0 || nanos <= 0 ? 0f : (nanos / (float) count) / 1000f;
  }
}
