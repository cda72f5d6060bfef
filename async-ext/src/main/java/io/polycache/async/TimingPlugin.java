package io.polycache.async;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Times every operation: count, mean and maximum duration per {@link CacheOperation}, failed
 * calls included (aiocache's {@code TimingPlugin}). Lock-free; one instance per cache gives that
 * cache's numbers, one instance shared by several caches adds theirs up.
 *
 * <pre>{@code
 * TimingPlugin timing = cache.unwrap(TimingPlugin.class);
 * TimingPlugin.Stats gets = timing.stats("get");
 * System.out.println(gets.count() + " gets, mean " + gets.mean() + ", max " + gets.max());
 * }</pre>
 */
public class TimingPlugin implements CachePlugin {

  private final Counter[] counters = new Counter[CacheOperation.values().length];

  public TimingPlugin() {
    for (int i = 0; i < counters.length; i++) {
      counters[i] = new Counter();
    }
  }

  @Override
  public void after(CacheCall call) {
    counters[call.operation().ordinal()].record(call.elapsedNanos());
  }

  /** The numbers of one operation so far. */
  public Stats stats(CacheOperation operation) {
    return counters[operation.ordinal()].snapshot();
  }

  /**
   * The numbers of every operation performed by the method of that name, added up:
   * {@code stats("remove")} counts {@code remove(key)} and {@code remove(key, oldValue)}.
   *
   * @throws IllegalArgumentException when no operation has that method name
   */
  public Stats stats(String methodName) {
    Stats sum = null;
    for (CacheOperation operation : CacheOperation.values()) {
      if (operation.methodName().equals(methodName)) {
        Stats one = stats(operation);
        sum = sum == null ? one : sum.plus(one);
      }
    }
    if (sum == null) {
      throw new IllegalArgumentException("No cache operation is named " + methodName
          + "; use a method name such as get, getAll, put or remove");
    }
    return sum;
  }

  /** The numbers of every operation called at least once, in {@link CacheOperation} order. */
  public Map<CacheOperation, Stats> snapshot() {
    Map<CacheOperation, Stats> all = new EnumMap<>(CacheOperation.class);
    for (CacheOperation operation : CacheOperation.values()) {
      Stats stats = stats(operation);
      if (stats.count() > 0) {
        all.put(operation, stats);
      }
    }
    return all;
  }

  /** Forgets every number so far. Calls running meanwhile may be counted on either side. */
  public void reset() {
    for (Counter counter : counters) {
      counter.reset();
    }
  }

  /**
   * Count, total and maximum duration of calls; a snapshot, read at one moment (each field is
   * exact, but under concurrent calls they may be a few calls apart).
   */
  public record Stats(long count, long totalNanos, long maxNanos) {

    /** The mean duration in nanoseconds, 0 when there was no call. */
    public double meanNanos() {
      return count == 0 ? 0 : (double) totalNanos / count;
    }

    /** The mean duration, {@link Duration#ZERO} when there was no call. */
    public Duration mean() {
      return Duration.ofNanos(Math.round(meanNanos()));
    }

    /** The longest duration, {@link Duration#ZERO} when there was no call. */
    public Duration max() {
      return Duration.ofNanos(maxNanos);
    }

    Stats plus(Stats other) {
      return new Stats(count + other.count, totalNanos + other.totalNanos,
          Math.max(maxNanos, other.maxNanos));
    }

    @Override
    public String toString() {
      return "count=" + count + " mean=" + mean() + " max=" + max();
    }
  }

  private static final class Counter {
    private final LongAdder count = new LongAdder();
    private final LongAdder total = new LongAdder();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    void record(long nanos) {
      count.increment();
      total.add(nanos);
      max.accumulate(nanos);
    }

    Stats snapshot() {
      return new Stats(count.sum(), total.sum(), max.get());
    }

    void reset() {
      count.reset();
      total.reset();
      max.reset();
    }
  }
}
