package io.polycache.provider.store.memcached;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fails the operations that get no answer within the backend's timeout, without a timer task
 * per operation. Scheduling and cancelling one task per call woke the timer thread on every
 * call, which cost Memcached about a third of its throughput on a small machine.
 *
 * <p>Every operation of a backend has the same timeout, so operations registered in the order
 * they are sent are also in the order of their deadlines. One sweep, run on the timer while
 * anything is registered, drops answered operations from the head of the queue and fails the
 * expired ones, stopping at the first one still in time. It runs at that one's deadline, and at
 * least every {@link #SWEEP_NANOS} so that answered operations are released soon; with nothing
 * registered it does not run at all. An operation therefore fails at most about a millisecond
 * after its deadline (plus whatever delays the timer thread).
 */
final class Deadlines {

  /**
   * One registered operation (or group of operations sent together). It holds its own deadline
   * so that the queue needs no wrapper per operation.
   */
  abstract static class Tracked {
    private long deadline;

    /** Whether it has its answer (or failed otherwise); it is then forgotten. */
    abstract boolean isDone();

    /** Fails it because the timeout passed. */
    abstract void expire();
  }

  static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long MIN_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final ConcurrentLinkedQueue<Tracked> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ScheduledExecutorService timer;
  private final long timeoutNanos;

  Deadlines(ScheduledExecutorService timer, long timeoutMillis) {
    this.timer = timer;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  /** Starts the clock of {@code tracked}: it is failed unless done within the timeout. */
  void add(Tracked tracked) {
    tracked.deadline = System.nanoTime() + timeoutNanos;
    queue.offer(tracked);
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      schedule(MIN_DELAY_NANOS);
    }
  }

  private void schedule(long delayNanos) {
    try {
      timer.schedule(this::sweep, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      expireAll();
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    Tracked head;
    while ((head = queue.peek()) != null) {
      if (!head.isDone() && head.deadline - now > 0) {
        break;
      }
      queue.poll();
      if (!head.isDone()) {
        head.expire();
      }
    }
    if (head == null) {
      scheduled.set(false);
      // an operation added after the peek above but before the flag dropped needs a sweep
      if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
        return;
      }
      schedule(SWEEP_NANOS);
      return;
    }
    schedule(Math.max(MIN_DELAY_NANOS, Math.min(SWEEP_NANOS, head.deadline - now)));
  }

  /** Fails every registered operation still waiting; used when the backend closes. */
  void expireAll() {
    Tracked head;
    while ((head = queue.poll()) != null) {
      if (!head.isDone()) {
        head.expire();
      }
    }
  }
}
