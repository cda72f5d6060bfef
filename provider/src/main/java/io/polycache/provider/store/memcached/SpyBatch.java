package io.polycache.provider.store.memcached;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls sent together (the GETs of a {@code getAll}) answered by one future: it completes with
 * every call once the last one has its answer, or fails with the first failure. One future and
 * one deadline for the whole group, instead of a future chain per key joined at the end.
 */
final class SpyBatch extends Deadlines.Tracked {

  private final SpyCall[] calls;
  private final AtomicInteger left;
  private final CompletableFuture<SpyCall[]> future = new CompletableFuture<>();

  SpyBatch(int size) {
    this.calls = new SpyCall[size];
    this.left = new AtomicInteger(size);
  }

  /** Places the {@code index}th call; every slot is filled before any call is sent. */
  void set(int index, SpyCall call) {
    calls[index] = call;
  }

  CompletableFuture<SpyCall[]> future() {
    return future;
  }

  /** One call has its answer. */
  void arrived() {
    if (left.decrementAndGet() == 0) {
      future.complete(calls);
    }
  }

  /** One call failed: so does the batch. */
  void failed(RuntimeException e) {
    future.completeExceptionally(e);
  }

  @Override
  boolean isDone() {
    return future.isDone();
  }

  /** Fails every call still waiting (the first failure fails the batch). */
  @Override
  void expire() {
    for (SpyCall call : calls) {
      call.timedOut();
    }
  }
}
