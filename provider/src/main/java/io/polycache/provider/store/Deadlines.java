package io.polycache.provider.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fails the operations that get no answer within the backend's timeout, without a timer task
 * per operation; the Redis and Memcached stores share it. Scheduling and cancelling one task per
 * call woke the timer thread on every call, which cost Memcached about a third of its throughput
 * on a small machine, and Lettuce's command timeout (a timer task per command) about a tenth of
 * Redis'.
 *
 * <p>Every operation of a backend has the same timeout, so operations registered in the order
 * they are sent are also in the order of their deadlines. One sweep, run on the timer while
 * anything is registered, drops answered operations from the head of the queue and fails the
 * expired ones, stopping at the first one still in time. It runs at that one's deadline, and at
 * least every {@link #SWEEP_NANOS} so that answered operations are released soon; with nothing
 * registered it does not run at all. An operation therefore fails at most about a millisecond
 * after its deadline (plus whatever delays the timer thread).
 *
 * <p>The queue links the operations themselves (many senders, one sweep): registering one is an
 * atomic swap of the tail and one store, with nothing allocated, and the sweep walks the links
 * without compare-and-set. A sender between its swap and its store hides the operations after
 * it from one sweep, which only delays their time-out to the next.
 */
public final class Deadlines {

  /**
   * One registered operation (or group of operations sent together). It holds its own deadline
   * and the link to the one registered after it, so that the queue needs no node of its own.
   */
  public abstract static class Tracked {
    private long deadline;
    private volatile Tracked next;
    /** A hint, set once it is done: the sweep then passes it without asking {@link #isDone}. */
    private boolean settled;

    /**
     * Marks it done (answered or failed). The sweep reads the mark from the same cache line as
     * the link it follows anyway; without the mark it asks {@link #isDone}, so a mark not yet
     * visible only costs that question.
     */
    public final void settle() {
      SETTLED.setRelease(this, true);
    }

    /** Whether it has its answer (or failed otherwise); it is then forgotten. */
    protected abstract boolean isDone();

    /** Fails it because the timeout passed. */
    protected abstract void expire();
  }

  /** Where the queue starts: a placeholder that is always done. */
  private static final class Start extends Tracked {
    @Override
    protected boolean isDone() {
      return true;
    }

    @Override
    protected void expire() {
      // nothing to fail
    }
  }

  public static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long MIN_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final VarHandle NEXT;
  private static final VarHandle SETTLED;

  static {
    try {
      NEXT = MethodHandles.lookup().findVarHandle(Tracked.class, "next", Tracked.class);
      SETTLED = MethodHandles.lookup().findVarHandle(Tracked.class, "settled", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final AtomicReference<Tracked> tail;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ScheduledExecutorService timer;
  private final long timeoutNanos;
  /** The last operation the sweep has passed; read and written only under this object's lock. */
  private Tracked passed;

  public Deadlines(ScheduledExecutorService timer, long timeoutMillis) {
    this.timer = timer;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.passed = new Start();
    this.tail = new AtomicReference<>(passed);
  }

  /** Starts the clock of {@code tracked}: it is failed unless done within the timeout. */
  public void add(Tracked tracked) {
    tracked.deadline = System.nanoTime() + timeoutNanos;
    Tracked previous = tail.getAndSet(tracked);
    NEXT.setRelease(previous, tracked);
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
    Tracked last;
    Tracked waiting;
    synchronized (this) {
      last = passed;
      while ((waiting = (Tracked) NEXT.getAcquire(last)) != null) {
        if (!(boolean) SETTLED.getAcquire(waiting) && !waiting.isDone()) {
          if (waiting.deadline - now > 0) {
            break;
          }
          waiting.expire();
        }
        last = forget(last, waiting);
      }
      passed = last;
    }
    if (waiting == null) {
      scheduled.set(false);
      // an operation added since the walk ended needs a sweep
      if (tail.get() == last || !scheduled.compareAndSet(false, true)) {
        return;
      }
      schedule(SWEEP_NANOS);
      return;
    }
    schedule(Math.max(MIN_DELAY_NANOS, Math.min(SWEEP_NANOS, waiting.deadline - now)));
  }

  /**
   * Moves past {@code last} to {@code following}, unlinking {@code last} so that an operation
   * kept long enough to reach the old generation does not keep the ones after it reachable.
   */
  private static Tracked forget(Tracked last, Tracked following) {
    NEXT.setRelease(last, null);
    return following;
  }

  /** Fails every registered operation still waiting; used when the backend closes. */
  public synchronized void expireAll() {
    Tracked last = passed;
    Tracked waiting;
    while ((waiting = (Tracked) NEXT.getAcquire(last)) != null) {
      if (!waiting.isDone()) {
        waiting.expire();
      }
      last = forget(last, waiting);
    }
    passed = last;
  }
}
