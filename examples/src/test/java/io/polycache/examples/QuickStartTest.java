package io.polycache.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void quickStart_printsMissHitEventsExpiryAndStatistics() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      QuickStart.run(out);
    } finally {
      System.setOut(previous);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("get(\"en\") before any put: null  (a miss)"), printed);
    assertTrue(printed.contains("event: CREATED en = Hello"), printed);
    assertTrue(printed.contains("get(\"en\") after put: Hello  (a hit)"), printed);
    assertTrue(printed.contains("event: UPDATED en = Hello, world (was Hello)"), printed);
    assertTrue(printed.contains("get(\"fr\") after 400 ms: null  (expired)"), printed);
    assertTrue(printed.contains("statistics: hits=1 misses=2 puts=3"), printed);
  }
}
