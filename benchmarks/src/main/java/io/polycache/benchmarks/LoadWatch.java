package io.polycache.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the one-minute load average every few seconds while JMH runs. The benchmarks and
 * their servers alone keep it near the number of cores, so a much higher peak tells the reader
 * that other work shared the machine during the run.
 */
final class LoadWatch implements AutoCloseable {

  private final ScheduledExecutorService timer;
  private volatile double peak;

  private LoadWatch() {
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "load-watch");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.SECONDS);
  }

  static LoadWatch start() {
    return new LoadWatch();
  }

  private void sample() {
    peak = Math.max(peak, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** The highest sample so far, as {@code 2.35}. */
  String peak() {
    return String.format(Locale.ROOT, "%.2f", peak);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
