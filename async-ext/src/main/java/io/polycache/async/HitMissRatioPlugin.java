package io.polycache.async;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts hits and misses of {@code get} and {@code getAll} (aiocache's
 * {@code HitMissRatioPlugin}): a hit is a key that read a non-null value, a miss one that read
 * nothing. A {@code getAll} of {@code n} keys counts {@code n} lookups. A failed call counts
 * nothing. Unlike the JCache statistics, it counts lookups as the caller saw them: a value a
 * read-through loader supplied is a hit here.
 */
public class HitMissRatioPlugin implements CachePlugin {

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  @Override
  public void after(CacheCall call) {
    if (call.error() != null) {
      return;
    }
    if (call.operation() == CacheOperation.GET) {
      (call.result() != null ? hits : misses).increment();
    } else if (call.operation() == CacheOperation.GET_ALL) {
      int found = call.result() instanceof Map ? ((Map<?, ?>) call.result()).size() : 0;
      int requested = call.keys().size();
      hits.add(found);
      misses.add(Math.max(0, requested - found));
    }
  }

  /** Keys that read a value. */
  public long hits() {
    return hits.sum();
  }

  /** Keys that read nothing. */
  public long misses() {
    return misses.sum();
  }

  /** All lookups: hits plus misses. */
  public long total() {
    long h = hits.sum();
    return h + misses.sum();
  }

  /** Hits divided by lookups, between 0 and 1; 0 when there was no lookup. */
  public double ratio() {
    long h = hits.sum();
    long total = h + misses.sum();
    return total == 0 ? 0 : (double) h / total;
  }

  /** Forgets every count so far. */
  public void reset() {
    hits.reset();
    misses.reset();
  }

  @Override
  public String toString() {
    return "hits=" + hits() + " misses=" + misses() + " ratio=" + ratio();
  }
}
