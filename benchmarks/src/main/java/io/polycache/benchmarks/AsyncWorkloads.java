package io.polycache.benchmarks;

import io.polycache.benchmarks.client.AsyncClient;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The four workloads through a non-blocking API: each invocation issues {@value #IN_FLIGHT}
 * calls without waiting, then waits for all of them, so every thread keeps up to 64 operations in
 * flight; JMH counts 64 operations per invocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public abstract class AsyncWorkloads {

  /** Operations each thread issues before it waits. */
  public static final int IN_FLIGHT = 64;

  private AsyncClient client;

  /** Opens the target of this fork. */
  protected abstract AsyncClient open();

  @Setup(Level.Trial)
  public void openAndPreload() {
    client = open();
    client.preload(Dataset.get().entries());
  }

  @TearDown(Level.Trial)
  public void close() {
    client.close();
  }

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public void get(Cursor cursor, Blackhole blackhole) throws Exception {
    Dataset data = cursor.data();
    Future<?>[] futures = new Future<?>[IN_FLIGHT];
    for (int i = 0; i < IN_FLIGHT; i++) {
      futures[i] = client.get(data.keyAt(data.indexAt(cursor.next())));
    }
    awaitAll(futures, blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public void put(Cursor cursor, Blackhole blackhole) throws Exception {
    Dataset data = cursor.data();
    Future<?>[] futures = new Future<?>[IN_FLIGHT];
    for (int i = 0; i < IN_FLIGHT; i++) {
      int position = cursor.next();
      futures[i] = client.put(data.keyAt(data.indexAt(position)),
          data.valueAt(data.indexAt(position + 1)));
    }
    awaitAll(futures, blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public void mix(Cursor cursor, Blackhole blackhole) throws Exception {
    Dataset data = cursor.data();
    Future<?>[] futures = new Future<?>[IN_FLIGHT];
    for (int i = 0; i < IN_FLIGHT; i++) {
      int position = cursor.next();
      String key = data.keyAt(data.indexAt(position));
      futures[i] = data.writeAt(position)
          ? client.put(key, data.valueAt(data.indexAt(position + 1)))
          : client.get(key);
    }
    awaitAll(futures, blackhole);
  }

  /** 64 {@code getAll} calls of 100 keys each in flight; counts one operation per call. */
  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public void getAll(Cursor cursor, Blackhole blackhole) throws Exception {
    Dataset data = cursor.data();
    Future<?>[] futures = new Future<?>[IN_FLIGHT];
    for (int i = 0; i < IN_FLIGHT; i++) {
      futures[i] = client.getAll(data.keySetAt(cursor.next()));
    }
    awaitAll(futures, blackhole);
  }

  private static void awaitAll(Future<?>[] futures, Blackhole blackhole) throws Exception {
    for (Future<?> future : futures) {
      blackhole.consume(future.get());
    }
  }
}
