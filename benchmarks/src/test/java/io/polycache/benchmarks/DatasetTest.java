package io.polycache.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private final Dataset data = Dataset.get();

  @Test
  void entries_areTenThousandDistinctKeysWithHundredByteValues() {
    Set<String> keys = new HashSet<>(data.entries().keySet());
    assertEquals(Dataset.KEY_COUNT, keys.size());
    for (String value : data.entries().values()) {
      assertEquals(Dataset.VALUE_BYTES, value.getBytes(StandardCharsets.UTF_8).length);
    }
    assertEquals("key:00042", data.keyAt(42));
  }

  @Test
  void mix_writesOneOperationInTen() {
    int writes = 0;
    int positions = 1 << 16;
    for (int position = 0; position < positions; position++) {
      writes += data.writeAt(position) ? 1 : 0;
    }
    assertEquals(0.10, (double) writes / positions, 0.001);
  }

  @Test
  void keySets_holdHundredDistinctPreloadedKeys() {
    for (int position = 0; position < 512; position++) {
      Dataset.KeySet keys = data.keySetAt(position);
      assertEquals(Dataset.GET_ALL_SIZE, keys.set().size());
      assertEquals(Dataset.GET_ALL_SIZE, keys.array().length);
      assertEquals(keys.set(), Set.copyOf(keys.list()));
    }
  }
}
