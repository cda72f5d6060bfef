package io.polycache.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CachedFunctionExampleTest {

  @Test
  void cachedFunctionExample_oneCallForAStampede_skipsAndMulti() throws Exception {
    String printed = ExampleOutput.of(CachedFunctionExample::run);
    assertTrue(printed.contains("100 concurrent callers -> 70, service calls: 1"), printed);
    assertTrue(printed.contains("cached under: PriceService.price(\"book-42\") = 70"), printed);
    assertTrue(printed.contains("skipped results are not cached: service calls: 3"), printed);
    assertTrue(printed.contains("blocking variant, same cache entry: 70, service calls: 3"),
        printed);
    assertTrue(printed.contains("multi {book-42=70, pen=30, mug=30}, service calls: 4"), printed);
  }
}
