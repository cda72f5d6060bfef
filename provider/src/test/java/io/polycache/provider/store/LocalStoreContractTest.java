package io.polycache.provider.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import io.polycache.provider.testing.MutableClock;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Store#compute}, for local stores only: the rest of
 * {@link StoreContractTest} plus atomic compute on the caller's thread.
 */
public abstract class LocalStoreContractTest extends StoreContractTest {

  @Test
  void putNow_createsThenReplacesTheEntry_withANewVersionEachTime() throws Exception {
    long expireAt = now() + 60_007;

    store.putNow(key(1), value("a"), expireAt);
    StoreEntry<Object> first = entry(key(1));
    store.putNow(key(1), value("b"), ETERNAL);

    assertValue("a", first);
    assertEquals(expireAt, first.expireAt());
    StoreEntry<Object> second = entry(key(1));
    assertValue("b", second);
    assertEquals(ETERNAL, second.expireAt());
    assertNotEquals(first.version(), second.version());
    assertFalse(await(store.replace(key(1), first.version(), value("stale"), ETERNAL)),
        "a version from before the putNow must not win");
    assertNull(entry(key(2)));
  }

  @Test
  void compute_writeOnAbsentKey_createsEntryAndReturnsIt() {
    long expireAt = now() + 70_001;

    StoreEntry<Object> result = store.compute(key(1), current -> {
      assertNull(current);
      return Change.write(value("a"), expireAt);
    });

    assertValue("a", result);
    assertEquals(expireAt, result.expireAt());
    assertValue("a", store.compute(key(1), current -> Change.keep()));
  }

  @Test
  void compute_writeOnExistingKey_seesCurrentEntryAndChangesVersion() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    StoreEntry<Object> before = entry(key(1));
    List<StoreEntry<Object>> seen = new ArrayList<>();

    store.compute(key(1), current -> {
      seen.add(current);
      return Change.write(value("b"), ETERNAL);
    });

    assertEquals(1, seen.size(), "the update function must run exactly once");
    assertValue("a", seen.get(0));
    assertEquals(before.version(), seen.get(0).version());
    StoreEntry<Object> after = entry(key(1));
    assertValue("b", after);
    assertNotEquals(before.version(), after.version());
    assertFalse(await(store.replace(key(1), before.version(), value("c"), ETERNAL)));
  }

  @Test
  void compute_touch_changesExpireAtAndKeepsValue() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    long expireAt = now() + 5_003;

    StoreEntry<Object> result = store.compute(key(1), current -> Change.touch(expireAt));

    assertValue("a", result);
    assertEquals(expireAt, result.expireAt());
    assertEquals(expireAt, entry(key(1)).expireAt());
  }

  @Test
  void compute_touchOnAbsentKey_leavesItAbsent() throws Exception {

    assertNull(store.compute(key(1), current -> Change.touch(now() + 5_000)));

    assertNull(entry(key(1)));
  }

  @Test
  void compute_delete_removesEntryAndReturnsNull() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));

    assertNull(store.compute(key(1), current -> Change.delete()));

    assertNull(entry(key(1)));
  }

  @Test
  void compute_keep_leavesEntryAndVersionAlone() throws Exception {
    long expireAt = now() + 9_000;
    await(store.put(key(1), value("a"), expireAt));
    StoreEntry<Object> before = entry(key(1));

    StoreEntry<Object> result = store.compute(key(1), current -> Change.keep());

    assertValue("a", result);
    assertEquals(expireAt, result.expireAt());
    assertEquals(before.version(), entry(key(1)).version());
    assertTrue(await(store.replace(key(1), before.version(), value("b"), ETERNAL)));
  }

  @Test
  void compute_keepOnAbsentKey_leavesItAbsent() throws Exception {

    assertNull(store.compute(key(1), current -> Change.keep()));

    assertNull(entry(key(1)));
  }

  @Test
  void compute_failingUpdate_propagatesAndLeavesEntry() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    IllegalStateException failure = new IllegalStateException("boom");

    try {
      store.compute(key(1), current -> {
        throw failure;
      });
      fail("the update's exception was swallowed");
    } catch (IllegalStateException e) {
      assertSame(failure, e);
    }

    assertValue("a", entry(key(1)));
  }

  @Test
  void compute_fourThreadsIncrementing_losesNoUpdate() throws Exception {
    Object counter = key(42);
    AtomicInteger calls = new AtomicInteger();

    runConcurrently(4, 500, () -> store.compute(counter, current -> {
      calls.incrementAndGet();
      return Change.write(incremented(current), ETERNAL);
    }));

    assertValue("2000", entry(counter));
    assertEquals(2_000, calls.get(), "each compute must run its update exactly once");
  }

  @Test
  void compute_interleavedWithReplaceRetryLoops_losesNoUpdate() throws Exception {
    Object counter = key(7);
    await(store.put(counter, value("0"), ETERNAL));
    AtomicInteger ticket = new AtomicInteger();

    runConcurrently(4, 500, () -> {
      if (ticket.getAndIncrement() % 2 == 0) {
        store.compute(counter, current -> Change.write(incremented(current), ETERNAL));
      } else {
        incrementByReplace(counter);
      }
    });

    assertValue("2000", entry(counter));
  }
}
