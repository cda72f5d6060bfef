package io.polycache.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in plugins, fed with calls directly. */
class PluginsTest {

  private record Call(CacheOperation operation, Collection<?> keys, Object result,
      Throwable error, long elapsedNanos) implements CacheCall {
    @Override
    public String cacheName() {
      return "test";
    }

    @Override
    public boolean isAsync() {
      return false;
    }
  }

  private static Call call(CacheOperation operation, Object result, long nanos) {
    return new Call(operation, List.of("k"), result, null, nanos);
  }

  @Test
  void timing_countsMeanAndMaxPerOperation_andByMethodName() {
    TimingPlugin timing = new TimingPlugin();
    timing.after(call(CacheOperation.GET, "v", 100));
    timing.after(call(CacheOperation.GET, null, 300));
    timing.after(call(CacheOperation.REMOVE, true, 50));
    timing.after(call(CacheOperation.REMOVE_IF_EQUAL, false, 70));

    TimingPlugin.Stats gets = timing.stats("get");
    assertEquals(2, gets.count());
    assertEquals(200.0, gets.meanNanos());
    assertEquals(Duration.ofNanos(300), gets.max());
    assertEquals(new TimingPlugin.Stats(2, 120, 70), timing.stats("remove"));
    assertEquals(new TimingPlugin.Stats(1, 50, 50), timing.stats(CacheOperation.REMOVE));
    assertEquals(Set.of(CacheOperation.GET, CacheOperation.REMOVE,
        CacheOperation.REMOVE_IF_EQUAL), timing.snapshot().keySet());
    assertThrows(IllegalArgumentException.class, () -> timing.stats("fetch"));

    timing.reset();
    assertEquals(0, timing.stats("get").count());
    assertEquals(Duration.ZERO, timing.stats("get").mean());
  }

  @Test
  void hitMissRatio_countsGetsAndGetAllKeys_notFailuresNorOtherOperations() {
    HitMissRatioPlugin ratio = new HitMissRatioPlugin();
    ratio.after(call(CacheOperation.GET, "v", 1));
    ratio.after(call(CacheOperation.GET, null, 1));
    ratio.after(new Call(CacheOperation.GET_ALL, Set.of("a", "b", "c", "d"),
        Map.of("a", 1, "b", 2, "c", 3), null, 1));
    ratio.after(new Call(CacheOperation.GET, List.of("k"), null,
        new IllegalStateException("down"), 1));
    ratio.after(call(CacheOperation.GET_AND_PUT, "old", 1));

    assertEquals(4, ratio.hits());
    assertEquals(2, ratio.misses());
    assertEquals(6, ratio.total());
    assertEquals(4.0 / 6, ratio.ratio(), 1e-9);
    ratio.reset();
    assertEquals(0.0, ratio.ratio());
  }

  @Test
  void cacheCall_keyIsTheSingleKeyOnlyForSingleKeyOperations() {
    assertEquals("k", call(CacheOperation.GET, null, 1).key());
    assertNull(new Call(CacheOperation.GET_ALL, List.of("k"), null, null, 1).key());
    assertNull(new Call(CacheOperation.CLEAR, List.of(), null, null, 1).key());
  }
}
