package io.polycache.benchmarks;

import io.polycache.benchmarks.client.SyncClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The four workloads through a blocking API: each invocation is one call that returns when its
 * result is there. A subclass names its targets with a {@code target} parameter and opens one;
 * JMH runs every (workload, target) pair in a fresh fork, so each fork sees one implementation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public abstract class SyncWorkloads {

  private SyncClient client;

  /** Opens the target of this fork. */
  protected abstract SyncClient open();

  @Setup(Level.Trial)
  public void openAndPreload() {
    client = open();
    client.preload(Dataset.get().entries());
  }

  @TearDown(Level.Trial)
  public void close() {
    client.close();
  }

  /** Reads one of the 10,000 preloaded keys. */
  @Benchmark
  public Object get(Cursor cursor) {
    Dataset data = cursor.data();
    return client.get(data.keyAt(data.indexAt(cursor.next())));
  }

  /** Overwrites one of the 10,000 keys with another ~100-byte value. */
  @Benchmark
  public void put(Cursor cursor) {
    Dataset data = cursor.data();
    int position = cursor.next();
    client.put(data.keyAt(data.indexAt(position)), data.valueAt(data.indexAt(position + 1)));
  }

  /** 90% {@link #get}, 10% {@link #put}, interleaved by a fixed pattern. */
  @Benchmark
  public Object mix(Cursor cursor) {
    Dataset data = cursor.data();
    int position = cursor.next();
    String key = data.keyAt(data.indexAt(position));
    if (data.writeAt(position)) {
      client.put(key, data.valueAt(data.indexAt(position + 1)));
      return null;
    }
    return client.get(key);
  }

  /** Reads 100 distinct preloaded keys in one call. */
  @Benchmark
  public Object getAll(Cursor cursor) {
    return client.getAll(cursor.data().keySetAt(cursor.next()));
  }
}
