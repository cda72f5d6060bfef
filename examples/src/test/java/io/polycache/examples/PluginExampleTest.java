package io.polycache.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PluginExampleTest {

  @Test
  void pluginExample_countsEveryCallOnce_syncAndAsync() throws Exception {
    String printed = ExampleOutput.of(PluginExample::run);
    assertTrue(printed.contains("get: 3 calls"), printed);
    assertTrue(printed.contains("put: 2 calls"), printed);
    assertTrue(printed.contains("getAll: 1 call"), printed);
    assertTrue(printed.contains("hits=3 misses=2 ratio=0.60"), printed);
    assertTrue(printed.contains("audit: sync put [978-0]"), printed);
    assertTrue(printed.contains("audit: async put [978-1]"), printed);
    assertTrue(printed.contains("audit: sync remove [978-0]"), printed);
  }
}
