package io.polycache.provider.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The {@link Store} contract, written once against the SPI and run against every backend by a
 * thin subclass. It never assumes a future is complete on return, and compares values only
 * through {@link #valuesEqual}, so stores of bytes and stores of objects run the same tests.
 */
public abstract class StoreContractTest {

  /** The longest any single store operation may take before the test fails. */
  protected static final long TIMEOUT_SECONDS = 5;

  protected static final long ETERNAL = StoreEntry.ETERNAL;

  private final List<Store<Object, Object>> opened = new ArrayList<>();

  /** The time source every store of a test is built with; starts at the current time. */
  protected MutableClock clock;

  /** A store for the cache {@code "cacheA"}, opened before each test. */
  protected Store<Object, Object> store;

  /**
   * Opens an empty store for the cache named {@code cacheName}. Two stores opened with different
   * names in one test must be two caches on one backend (the same server, for remote ones).
   */
  protected abstract Store<Object, Object> newStore(Clock clock, String cacheName);

  /** The {@code i}-th test key in the store's key representation; distinct for distinct i. */
  protected abstract Object key(int i);

  /** A value in the store's value representation that reads back as {@code text}. */
  protected abstract Object value(String text);

  /** The text of a value made by {@link #value}; its inverse. */
  protected abstract String text(Object value);

  /** Whether two values are the same value; byte arrays compare by content. */
  protected boolean valuesEqual(Object a, Object b) {
    return Objects.deepEquals(a, b);
  }

  /** A stand-in for a key with value equality, so keys listed by a store can be put in a set. */
  protected Object keyIdentity(Object key) {
    return key instanceof byte[] bytes ? ByteBuffer.wrap(bytes.clone()) : key;
  }

  @BeforeEach
  void openStore() {
    clock = MutableClock.atSystemTime();
    store = open("cacheA");
  }

  @AfterEach
  void closeStores() throws Exception {
    try {
      for (Store<Object, Object> s : opened) {
        await(s.clear());
      }
    } finally {
      for (Store<Object, Object> s : opened) {
        s.close();
      }
      opened.clear();
    }
  }

  /** Opens a further store of this test on the same clock; closed after the test. */
  protected final Store<Object, Object> open(String cacheName) {
    Store<Object, Object> s = newStore(clock, cacheName);
    opened.add(s);
    return s;
  }

  /** Waits a bounded time for a store operation. */
  protected static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  protected long now() {
    return clock.millis();
  }

  protected void assertValue(String expected, StoreEntry<Object> entry) {
    assertNotNull(entry, "expected an entry holding " + expected);
    assertTrue(valuesEqual(value(expected), entry.value()),
        () -> "expected " + expected + " but the entry holds " + text(entry.value()));
  }

  protected StoreEntry<Object> entry(Object key) throws Exception {
    return await(store.get(key));
  }

  // ------------------------------------------------------------------------ plain reads/writes

  @Test
  void get_absentKey_completesWithNull() throws Exception {
    assertNull(entry(key(1)));
  }

  @Test
  void put_newThenExistingKey_reportsCreatedThenUpdated() throws Exception {
    assertEquals(WriteStatus.CREATED, await(store.put(key(1), value("a"), ETERNAL)));
    assertValue("a", entry(key(1)));

    assertEquals(WriteStatus.UPDATED, await(store.put(key(1), value("b"), ETERNAL)));
    assertValue("b", entry(key(1)));
  }

  @Test
  void put_keepsExpireAtToTheMillisecond() throws Exception {
    long expireAt = now() + 12_345;
    await(store.put(key(1), value("a"), expireAt));

    assertEquals(expireAt, entry(key(1)).expireAt());
  }

  @Test
  void put_eternal_readsBackAsEternal() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));

    StoreEntry<Object> entry = entry(key(1));
    assertEquals(ETERNAL, entry.expireAt());
    assertFalse(entry.isExpiredAt(now()));
  }

  @Test
  void put_otherKeys_areNotAffected() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    await(store.put(key(2), value("b"), ETERNAL));

    assertValue("a", entry(key(1)));
    assertValue("b", entry(key(2)));
  }

  @Test
  void putIfAbsent_absentKey_writesAndReturnsTrue() throws Exception {
    long expireAt = now() + 60_001;

    assertTrue(await(store.putIfAbsent(key(1), value("a"), expireAt)));

    StoreEntry<Object> entry = entry(key(1));
    assertValue("a", entry);
    assertEquals(expireAt, entry.expireAt());
  }

  @Test
  void putIfAbsent_existingKey_keepsOldValueAndExpiryAndReturnsFalse() throws Exception {
    long expireAt = now() + 60_001;
    await(store.put(key(1), value("old"), expireAt));

    assertFalse(await(store.putIfAbsent(key(1), value("new"), ETERNAL)));

    StoreEntry<Object> entry = entry(key(1));
    assertValue("old", entry);
    assertEquals(expireAt, entry.expireAt());
  }

  // --------------------------------------------------------------------------- conditional

  @Test
  void replace_currentVersion_writesNewValueAndExpiry() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    StoreEntry<Object> read = entry(key(1));
    long expireAt = now() + 30_007;

    assertTrue(await(store.replace(key(1), read.version(), value("b"), expireAt)));

    StoreEntry<Object> entry = entry(key(1));
    assertValue("b", entry);
    assertEquals(expireAt, entry.expireAt());
  }

  @Test
  void replace_staleVersion_failsAndKeepsCurrentValue() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    Object stale = entry(key(1)).version();
    await(store.put(key(1), value("b"), ETERNAL));

    assertFalse(await(store.replace(key(1), stale, value("c"), ETERNAL)));

    assertValue("b", entry(key(1)));
  }

  @Test
  void replace_removedKey_failsAndDoesNotRecreateIt() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    Object version = entry(key(1)).version();
    await(store.remove(key(1)));

    assertFalse(await(store.replace(key(1), version, value("b"), ETERNAL)));

    assertNull(entry(key(1)));
  }

  @Test
  void getAndPut_returnsNullFirstThenThePreviousEntry() throws Exception {
    long firstExpireAt = now() + 40_003;

    assertNull(await(store.getAndPut(key(1), value("a"), firstExpireAt)));
    StoreEntry<Object> previous = await(store.getAndPut(key(1), value("b"), ETERNAL));

    assertValue("a", previous);
    assertEquals(firstExpireAt, previous.expireAt());
    StoreEntry<Object> current = entry(key(1));
    assertValue("b", current);
    assertEquals(ETERNAL, current.expireAt());
  }

  @Test
  void remove_existingKey_returnsTrueAndRemovesIt() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    await(store.put(key(2), value("b"), ETERNAL));

    assertTrue(await(store.remove(key(1))));

    assertNull(entry(key(1)));
    assertValue("b", entry(key(2)));
  }

  @Test
  void remove_absentKey_returnsFalse() throws Exception {
    assertFalse(await(store.remove(key(1))));
  }

  @Test
  void removeVersion_currentVersion_removesEntry() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    Object version = entry(key(1)).version();

    assertTrue(await(store.remove(key(1), version)));

    assertNull(entry(key(1)));
  }

  @Test
  void removeVersion_staleVersion_failsAndKeepsEntry() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    Object stale = entry(key(1)).version();
    await(store.put(key(1), value("b"), ETERNAL));

    assertFalse(await(store.remove(key(1), stale)));

    assertValue("b", entry(key(1)));
  }

  @Test
  void removeVersion_absentKey_returnsFalse() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    Object version = entry(key(1)).version();
    await(store.remove(key(1)));

    assertFalse(await(store.remove(key(1), version)));
  }

  @Test
  void touch_currentVersion_changesOnlyExpireAt() throws Exception {
    long firstExpireAt = now() + 10_000;
    await(store.put(key(1), value("a"), firstExpireAt));
    Object version = entry(key(1)).version();
    long newExpireAt = now() + 20_011;

    assertTrue(await(store.touch(key(1), version, newExpireAt)));

    StoreEntry<Object> entry = entry(key(1));
    assertValue("a", entry);
    assertEquals(newExpireAt, entry.expireAt());
  }

  @Test
  void touch_toEternal_makesEntryEternal() throws Exception {
    await(store.put(key(1), value("a"), now() + 10_000));
    Object version = entry(key(1)).version();

    assertTrue(await(store.touch(key(1), version, ETERNAL)));

    assertEquals(ETERNAL, entry(key(1)).expireAt());
  }

  @Test
  void touch_staleVersion_failsAndKeepsExpireAt() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    Object stale = entry(key(1)).version();
    long expireAt = now() + 10_000;
    await(store.put(key(1), value("b"), expireAt));

    assertFalse(await(store.touch(key(1), stale, now() + 99_000)));

    StoreEntry<Object> entry = entry(key(1));
    assertValue("b", entry);
    assertEquals(expireAt, entry.expireAt());
  }

  @Test
  void touch_removedKey_failsAndDoesNotRecreateIt() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    Object version = entry(key(1)).version();
    await(store.remove(key(1)));

    assertFalse(await(store.touch(key(1), version, now() + 10_000)));

    assertNull(entry(key(1)));
  }

  @Test
  void versions_changeOnEveryWrite() throws Exception {
    List<Object> versions = new ArrayList<>();
    await(store.put(key(1), value("a"), ETERNAL));
    versions.add(entry(key(1)).version());
    await(store.put(key(1), value("a"), ETERNAL));
    versions.add(entry(key(1)).version());
    await(store.replace(key(1), versions.get(1), value("a"), ETERNAL));
    versions.add(entry(key(1)).version());
    await(store.getAndPut(key(1), value("a"), ETERNAL));
    versions.add(entry(key(1)).version());
    await(store.remove(key(1)));
    await(store.putIfAbsent(key(1), value("a"), ETERNAL));
    versions.add(entry(key(1)).version());

    int last = versions.size() - 1;
    for (int i = 0; i < last; i++) {
      assertFalse(await(store.replace(key(1), versions.get(i), value("x"), ETERNAL)),
          "the version after write " + i + " still matches after write " + last);
    }
    assertValue("a", entry(key(1)));
    assertTrue(await(store.replace(key(1), versions.get(last), value("x"), ETERNAL)));
  }

  @Test
  void replace_versionFromBeforeRemoveAndRecreate_fails() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    Object before = entry(key(1)).version();
    await(store.remove(key(1)));
    await(store.put(key(1), value("a"), ETERNAL));

    assertFalse(await(store.replace(key(1), before, value("b"), ETERNAL)));

    assertValue("a", entry(key(1)));
  }

  @Test
  void replace_versionFromBeforeAnIdenticalRewrite_fails() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    Object before = entry(key(1)).version();
    await(store.put(key(1), value("a"), ETERNAL));

    assertFalse(await(store.replace(key(1), before, value("b"), ETERNAL)));

    assertValue("a", entry(key(1)));
  }

  // ------------------------------------------------------------------------------ bulk reads

  @Test
  void getAll_isAlignedWithKeys_includingAbsentKeysAndDuplicates() throws Exception {
    long expireAt = now() + 50_000;
    await(store.put(key(1), value("one"), expireAt));
    await(store.put(key(2), value("two"), ETERNAL));

    List<StoreEntry<Object>> entries = await(store.getAll(
        List.of(key(1), key(3), key(2), key(1), key(4))));

    assertEquals(5, entries.size());
    assertValue("one", entries.get(0));
    assertEquals(expireAt, entries.get(0).expireAt());
    assertNull(entries.get(1));
    assertValue("two", entries.get(2));
    assertValue("one", entries.get(3));
    assertNull(entries.get(4));
  }

  @Test
  void getAll_emptyList_returnsEmptyList() throws Exception {
    assertTrue(await(store.getAll(List.of())).isEmpty());
  }

  // --------------------------------------------------------------------------------- expiry

  @Test
  void entryWrittenAlreadyExpired_isAbsentOrReportedExpired() throws Exception {
    long now = now();
    await(store.put(key(1), value("past"), now - 1));
    await(store.put(key(2), value("now"), now));

    for (Object key : List.of(key(1), key(2))) {
      StoreEntry<Object> entry = entry(key);
      assertTrue(entry == null || entry.isExpiredAt(now),
          () -> "an entry written already expired came back live: " + entry);
    }
    for (StoreEntry<Object> entry : await(store.getAll(List.of(key(1), key(2))))) {
      assertTrue(entry == null || entry.isExpiredAt(now),
          () -> "getAll returned an expired entry as live: " + entry);
    }
  }

  @Test
  void entry_oneMillisecondBeforeExpireAt_isLive() throws Exception {
    long expireAt = now() + 1_000;
    await(store.put(key(1), value("a"), expireAt));

    clock.advance(Duration.ofMillis(999));

    StoreEntry<Object> entry = entry(key(1));
    assertValue("a", entry);
    assertEquals(expireAt, entry.expireAt());
    assertFalse(entry.isExpiredAt(now()));
  }

  @Test
  void entry_onceClockReachesExpireAt_isAbsentOrReportedExpired() throws Exception {
    await(store.put(key(1), value("a"), now() + 1_000));

    clock.advance(Duration.ofMillis(1_000));

    long now = now();
    StoreEntry<Object> entry = entry(key(1));
    assertTrue(entry == null || entry.isExpiredAt(now),
        () -> "an entry past its expiry time came back live: " + entry);
    StoreEntry<Object> bulk = await(store.getAll(List.of(key(1)))).get(0);
    assertTrue(bulk == null || bulk.isExpiredAt(now),
        () -> "getAll returned an entry past its expiry time as live: " + bulk);
  }

  @Test
  void expiredEntry_canBeWrittenAgain() throws Exception {
    await(store.put(key(1), value("a"), now() + 1_000));
    clock.advance(Duration.ofMillis(1_000));

    await(store.put(key(1), value("b"), ETERNAL));

    StoreEntry<Object> entry = entry(key(1));
    assertValue("b", entry);
    assertEquals(ETERNAL, entry.expireAt());
  }

  // ------------------------------------------------------------------------ keys and clear

  @Test
  void keys_smallPages_coverEveryKeyAndNoKeyOfAnotherCache() throws Exception {
    Store<Object, Object> other = open("cacheB");
    Set<Object> mine = new HashSet<>();
    List<CompletableFuture<WriteStatus>> writes = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      mine.add(keyIdentity(key(i)));
      writes.add(store.put(key(i), value("v" + i), ETERNAL));
    }
    for (int i = 1_000; i < 1_050; i++) {
      writes.add(other.put(key(i), value("v" + i), ETERNAL));
    }
    for (CompletableFuture<WriteStatus> write : writes) {
      await(write);
    }

    Set<Object> listed = listKeys(store, 7);

    Set<Object> missing = new HashSet<>(mine);
    missing.removeAll(listed);
    assertTrue(missing.isEmpty(), () -> missing.size() + " keys were never listed");
    Set<Object> foreign = new HashSet<>(listed);
    foreign.removeAll(mine);
    assertTrue(foreign.isEmpty(), () -> "keys not written to this cache were listed: " + foreign);
  }

  @Test
  void keys_emptyStore_listsNothing() throws Exception {
    assertTrue(listKeys(store, 10).isEmpty());
  }

  @Test
  void keys_afterRemove_stillListsEveryRemainingKey() throws Exception {
    for (int i = 0; i < 20; i++) {
      await(store.put(key(i), value("v" + i), ETERNAL));
    }
    for (int i = 0; i < 20; i += 2) {
      await(store.remove(key(i)));
    }

    Set<Object> listed = listKeys(store, 3);

    for (int i = 1; i < 20; i += 2) {
      assertTrue(listed.contains(keyIdentity(key(i))), "key " + i + " was not listed");
    }
  }

  /** Walks every page of {@code s}, failing if the walk does not end. */
  private Set<Object> listKeys(Store<Object, Object> s, int limit) throws Exception {
    Set<Object> listed = new HashSet<>();
    Object cursor = null;
    for (int pages = 0; pages < 100_000; pages++) {
      KeyPage<Object> page = await(s.keys(cursor, limit));
      for (Object key : page.keys()) {
        listed.add(keyIdentity(key));
      }
      if (page.isLast()) {
        return listed;
      }
      cursor = page.next();
    }
    return fail("the key walk did not end after 100,000 pages");
  }

  @Test
  void clear_removesThisCachesEntriesOnly() throws Exception {
    Store<Object, Object> other = open("cacheB");
    for (int i = 0; i < 10; i++) {
      await(store.put(key(i), value("mine" + i), ETERNAL));
      await(other.put(key(i), value("other" + i), ETERNAL));
    }

    await(store.clear());

    for (int i = 0; i < 10; i++) {
      assertNull(entry(key(i)), "key " + i + " survived clear()");
      StoreEntry<Object> survivor = await(other.get(key(i)));
      assertValue("other" + i, survivor);
    }
    assertTrue(listKeys(store, 5).isEmpty());
  }

  @Test
  void clear_thenPut_storesAgain() throws Exception {
    await(store.put(key(1), value("a"), ETERNAL));
    await(store.clear());

    assertEquals(WriteStatus.CREATED, await(store.put(key(1), value("b"), ETERNAL)));

    assertValue("b", entry(key(1)));
  }

  // ---------------------------------------------------------------------------- concurrency

  @Test
  void replaceRetryLoop_fourThreadsIncrementing_losesNoUpdate() throws Exception {
    Object counter = key(42);
    await(store.put(counter, value("0"), ETERNAL));

    runConcurrently(4, 500, () -> incrementByReplace(counter));

    assertValue("2000", entry(counter));
  }

  /** Adds one to the counter at {@code key} by read + compare-and-set, retrying on conflict. */
  protected void incrementByReplace(Object key) throws Exception {
    while (true) {
      StoreEntry<Object> current = await(store.get(key));
      if (await(store.replace(key, current.version(), incremented(current), ETERNAL))) {
        return;
      }
    }
  }

  /** The counter value one above {@code current}'s ({@code 1} when there is none). */
  protected Object incremented(StoreEntry<Object> current) {
    int n = current == null ? 0 : Integer.parseInt(text(current.value()));
    return value(Integer.toString(n + 1));
  }

  /** One step of work that may throw; {@code runConcurrently} repeats it. */
  protected interface Step {
    void run() throws Exception;
  }

  /** Runs {@code step} {@code times} times on each of {@code threads} threads, all at once. */
  protected static void runConcurrently(int threads, int times, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < times; i++) {
            step.run();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }
  }

}
