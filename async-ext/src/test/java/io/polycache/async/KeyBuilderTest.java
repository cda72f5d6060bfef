package io.polycache.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyBuilderTest {

  private final KeyBuilder<String> keys = KeyBuilder.readable();

  record OrderId(long value, String region) {}

  static final class NoText {}

  @Test
  void readable_rendersACallWithQuotedStringsAndNulls() {
    assertEquals("OrderService.find(42, \"eur\")",
        keys.build("OrderService.find", List.of(42, "eur")));
    assertEquals("Config.load()", keys.build("Config.load", List.of()));
    assertEquals("f(null, 'c', true, 4.5)",
        keys.build("f", Arrays.asList(null, 'c', true, 4.5)));
  }

  @Test
  void readable_escapesQuotesSoArgumentsCannotRunTogether() {
    String tricky = keys.build("f", List.of("a\", \"b"));
    String two = keys.build("f", List.of("a", "b"));
    assertEquals("f(\"a\\\", \\\"b\")", tricky);
    assertEquals("f(\"a\", \"b\")", two);
    assertTrue(!tricky.equals(two));
  }

  @Test
  void readable_rendersArraysAndCollectionsElementWise() {
    assertEquals("f([1, 2, 3], [\"x\", null], [[1], [2]])", keys.build("f",
        List.of(new int[] {1, 2, 3}, Arrays.asList("x", null), new long[][] {{1}, {2}})));
  }

  @Test
  void readable_setsAndMapsAreIndependentOfIterationOrder() {
    Set<String> one = new LinkedHashSet<>(List.of("b", "a", "c"));
    Set<String> other = new HashSet<>(List.of("c", "b", "a"));
    assertEquals(keys.build("f", List.of(one)), keys.build("f", List.of(other)));
    assertEquals("f({\"a\", \"b\", \"c\"})", keys.build("f", List.of(one)));
    assertEquals("f([\"a\", \"b\"])", keys.build("f", List.of(new TreeSet<>(Set.of("b", "a")))));
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", 2);
    assertEquals("f({\"a\"=2, \"z\"=1})", keys.build("f", List.of(map)));
  }

  @Test
  void readable_enumsByNameOtherObjectsByToString() {
    assertEquals("f(SECONDS, 2030-01-02, OrderId[value=7, region=eu], Optional[x])",
        keys.build("f", List.of(TimeUnit.SECONDS, LocalDate.of(2030, 1, 2),
            new OrderId(7, "eu"), Optional.of("x"))));
  }

  @Test
  void readable_refusesObjectsWithoutAToString() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> keys.build("f", List.of(new NoText())));
    assertTrue(e.getMessage().contains(NoText.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains("KeyBuilder"), e.getMessage());
  }

  @Test
  void customBuilder_isAPlainLambda() {
    KeyBuilder<Long> byId = (function, arguments) -> (Long) arguments.get(0);
    assertEquals(42L, byId.build("ignored", List.of(42L)));
  }
}
