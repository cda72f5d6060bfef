package io.polycache.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class WakeLatencyTest {

  @Test
  void hold_requestsZeroWhenTheDeviceIsWritable_andSaysSoOtherwise() {
    boolean writable = Files.isWritable(WakeLatency.DEVICE);
    try (WakeLatency latency = WakeLatency.hold(true)) {
      assertEquals(writable, latency.description().startsWith("0 µs requested"),
          latency.description());
      if (!writable) {
        assertTrue(latency.description().startsWith("not held"), latency.description());
      }
    }
  }

  @Test
  void hold_notWanted_touchesNothing() {
    try (WakeLatency latency = WakeLatency.hold(false)) {
      assertTrue(latency.description().startsWith("not requested (--idle-as-is)"),
          latency.description());
    }
  }
}
