package io.polycache.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps idle CPUs ready to run at once while the benchmarks run: a CPU wake-up latency request of
 * 0 µs through Linux's {@code /dev/cpu_dma_latency} (the PM QoS interface that tuned's
 * latency-performance profile uses), so an idle CPU polls instead of halting.
 *
 * <p>Why: a blocking call over loopback waits for a round trip, during which the waiting threads,
 * the client's I/O thread and the server each go idle. When idle CPUs halt, every round trip pays
 * several wake-ups of a halted CPU; on a virtual machine each is an exit to the hypervisor that
 * costs more than the round trip itself, and how often a fork pays it varies, so synchronous
 * results then measure the idle states more than the clients. The request applies to every
 * target alike and lasts exactly as long as the file stays open: closing it (or the launcher
 * exiting) restores the machine's own idle behaviour. Opening the device needs root; without it
 * the run goes on and the report says the request was not held.
 */
final class WakeLatency implements AutoCloseable {

  static final Path DEVICE = Path.of("/dev/cpu_dma_latency");

  private final OutputStream request;
  private final String description;

  private WakeLatency(OutputStream request, String description) {
    this.request = request;
    this.description = description;
  }

  /** Holds the request if {@code wanted} and the device allows it; never fails the run. */
  static WakeLatency hold(boolean wanted) {
    if (!wanted) {
      return new WakeLatency(null, "not requested (--idle-as-is): idle CPUs as configured");
    }
    OutputStream out = null;
    try {
      out = Files.newOutputStream(DEVICE, StandardOpenOption.WRITE);
      out.write(new byte[4]);
      out.flush();
      return new WakeLatency(out, "0 µs requested through " + DEVICE
          + " for the whole run: idle CPUs poll instead of halting");
    } catch (IOException | RuntimeException e) {
      closeQuietly(out);
      return new WakeLatency(null, "not held (" + DEVICE + ": " + e.getMessage()
          + "): idle CPUs as configured");
    }
  }

  /** What the run had, for the report. */
  String description() {
    return description;
  }

  @Override
  public void close() {
    closeQuietly(request);
  }

  private static void closeQuietly(OutputStream out) {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException e) {
      // the request ends with the process anyway
    }
  }
}
