package io.polycache.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Where one benchmark thread is in the shared access sequence of {@link Dataset}. Threads start
 * far apart, so two threads do not hit the same keys in lock step. Costs an array read and an
 * increment per operation, the same for every target.
 */
@State(Scope.Thread)
public class Cursor {

  private static final int THREAD_SPACING = 1 << 14;

  private final Dataset data = Dataset.get();
  private int position;

  @Setup
  public void start(ThreadParams thread) {
    position = thread.getThreadIndex() * THREAD_SPACING;
  }

  /** Moves on and returns the new position. */
  public int next() {
    return position++;
  }

  public Dataset data() {
    return data;
  }
}
