package io.polycache.provider.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.AsyncCache;
import io.polycache.async.CachedFunction;
import io.polycache.async.MultiCachedFunction;
import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cached functions on the memory backend: caching, keys, TTL, skipping, nulls, stampedes. */
class CachedFunctionTest {

  private final MutableClock clock = MutableClock.atSystemTime();
  private final AtomicInteger calls = new AtomicInteger();
  private CacheManager manager;
  private AsyncCache<String, String> results;

  @BeforeEach
  void open() {
    manager = Caching.getCachingProvider().getCacheManager(
        URI.create("memory:cached-function-" + UUID.randomUUID()), getClass().getClassLoader());
    results = strings("results");
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private AsyncCache<String, String> strings(String name) {
    PolycacheConfiguration<String, String> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, String.class);
    configuration.setClockFactory(clock.factory());
    return PluginWiringTest.async(manager.createCache(name, configuration));
  }

  private CompletableFuture<String> find(Long id) {
    calls.incrementAndGet();
    return CompletableFuture.completedFuture("order-" + id);
  }

  @Test
  void asyncFunction_secondCallIsServedFromTheCache_underAReadableKey() {
    CachedFunction<Long, String> find = CachedFunction.builder(results)
        .name("OrderService.find").asyncFunction(this::find);

    assertEquals("order-42", find.apply(42L).join());
    assertEquals("order-42", find.apply(42L).join());

    assertEquals(1, calls.get());
    assertEquals("OrderService.find(42)", find.key(42L));
    assertEquals("order-42", results.synchronous().get("OrderService.find(42)"));
  }

  @Test
  void ttl_resultExpiresAfterIt_thenTheFunctionRunsAgain() {
    CachedFunction<Long, String> find = CachedFunction.builder(results)
        .name("OrderService.find").ttl(Duration.ofMinutes(5)).asyncFunction(this::find);
    find.apply(1L).join();

    clock.advance(Duration.ofMinutes(4));
    find.apply(1L).join();
    assertEquals(1, calls.get());

    clock.advance(Duration.ofMinutes(2));
    find.apply(1L).join();
    assertEquals(2, calls.get());
  }

  @Test
  void skipCache_resultIsReturnedButNotCached() {
    CachedFunction<Long, String> find = CachedFunction.builder(results)
        .name("OrderService.find").skipCache(order -> order.endsWith("7"))
        .asyncFunction(this::find);

    assertEquals("order-7", find.apply(7L).join());
    assertEquals("order-7", find.apply(7L).join());
    find.apply(8L).join();
    find.apply(8L).join();

    assertEquals(3, calls.get());
    assertFalse(results.containsKey("OrderService.find(7)").join());
  }

  @Test
  void nullResult_isReturnedButNeverCached() {
    CachedFunction<Long, String> find = CachedFunction.builder(results).name("Nothing.find")
        .asyncFunction(id -> {
          calls.incrementAndGet();
          return CompletableFuture.completedFuture(null);
        });

    assertNull(find.apply(1L).join());
    assertNull(find.apply(1L).join());

    assertEquals(2, calls.get());
  }

  @Test
  void concurrentMisses_inOneJvm_makeOneCall_andAllShareItsResult() {
    CompletableFuture<String> slow = new CompletableFuture<>();
    CachedFunction<Long, String> find = CachedFunction.builder(results).name("Slow.find")
        .asyncFunction(id -> {
          calls.incrementAndGet();
          return slow;
        });
    List<CompletableFuture<String>> callers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      callers.add(find.apply(1L));
    }

    slow.complete("done");

    for (CompletableFuture<String> caller : callers) {
      assertEquals("done", caller.join());
    }
    assertEquals(1, calls.get());
  }

  @Test
  void concurrentMisses_fromManyThreads_blockingFunction_makeOneCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Function<Long, String> find = CachedFunction.builder(results).name("Blocking.find")
        .function((Long id) -> {
          calls.incrementAndGet();
          await(release);
          return "order-" + id;
        });
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> callers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        callers.add(pool.submit(() -> find.apply(3L)));
      }
      while (calls.get() == 0) {
        Thread.onSpinWait();
      }
      release.countDown();
      for (Future<String> caller : callers) {
        assertEquals("order-3", caller.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, calls.get());
  }

  @Test
  void failure_isSharedByTheWaitingCallers_nothingIsCached_andTheNextCallRetries() {
    CompletableFuture<String> failing = new CompletableFuture<>();
    CachedFunction<Long, String> find = CachedFunction.builder(results).name("Failing.find")
        .asyncFunction(id -> calls.incrementAndGet() == 1 ? failing
            : CompletableFuture.completedFuture("second"));
    CompletableFuture<String> first = find.apply(1L);
    CompletableFuture<String> second = find.apply(1L);

    failing.completeExceptionally(new IllegalStateException("db down"));

    for (CompletableFuture<String> caller : List.of(first, second)) {
      CompletionException e = assertThrows(CompletionException.class, caller::join);
      assertInstanceOf(IllegalStateException.class, e.getCause());
    }
    assertEquals("second", find.apply(1L).join());
    assertEquals(2, calls.get());
  }

  @Test
  void blockingVariants_runTheFunctionOnTheCallersThread_withCallShapedKeys() {
    List<Thread> threads = new CopyOnWriteArrayList<>();
    CachedFunction.Builder<String, String> builder = CachedFunction.builder(results);
    Supplier<String> config = builder.name("Config.load").supplier(() -> {
      threads.add(Thread.currentThread());
      return "cfg";
    });
    BiFunction<Long, String, String> price = builder.name("PriceService.price")
        .biFunction((Long id, String currency) -> {
          threads.add(Thread.currentThread());
          return id + " " + currency;
        });

    assertEquals("cfg", config.get());
    assertEquals("cfg", config.get());
    assertEquals("42 eur", price.apply(42L, "eur"));
    assertEquals("42 eur", price.apply(42L, "eur"));

    assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), threads);
    assertEquals("cfg", results.synchronous().get("Config.load()"));
    assertEquals("42 eur", results.synchronous().get("PriceService.price(42, \"eur\")"));
  }

  @Test
  void asyncSupplierAndBiFunction_areCachedToo() {
    Supplier<CompletableFuture<String>> config = CachedFunction.builder(results)
        .name("Config.load").asyncSupplier(() -> {
          calls.incrementAndGet();
          return CompletableFuture.completedFuture("cfg");
        });
    BiFunction<String, String, CompletableFuture<String>> join = CachedFunction.builder(results)
        .name("Text.join").asyncBiFunction((String a, String b) -> {
          calls.incrementAndGet();
          return CompletableFuture.completedFuture(a + b);
        });

    config.get().join();
    config.get().join();
    join.apply("a", null).join();
    assertEquals("anull", join.apply("a", null).join());

    assertEquals(2, calls.get());
    assertTrue(results.containsKey("Text.join(\"a\", null)").join());
  }

  @Test
  void multi_readsAllInOneGetAll_callsOnceWithTheMissing_andStoresThemExceptSkipped() {
    List<Set<Long>> asked = new CopyOnWriteArrayList<>();
    MultiCachedFunction<Long, String> findAll = CachedFunction.builder(results)
        .name("OrderService.find").skipCache(order -> order.equals("order-3"))
        .asyncMulti((Set<Long> ids) -> {
          asked.add(Set.copyOf(ids));
          Map<Long, String> found = new LinkedHashMap<>();
          ids.forEach(id -> found.put(id, "order-" + id));
          return CompletableFuture.completedFuture(found);
        });
    results.put("OrderService.find(1)", "cached-1").join();

    Map<Long, String> first = findAll.apply(List.of(1L, 2L, 3L)).join();
    Map<Long, String> second = findAll.apply(List.of(1L, 2L, 3L)).join();

    assertEquals(List.of(1L, 2L, 3L), new ArrayList<>(first.keySet()));
    assertEquals(Map.of(1L, "cached-1", 2L, "order-2", 3L, "order-3"), first);
    assertEquals(first, second);
    assertEquals(List.of(Set.of(2L, 3L), Set.of(3L)), asked);
    assertEquals("order-2", results.get("OrderService.find(2)").join());
  }

  @Test
  void multi_sharesItsEntriesWithTheSingleKeyFunctionOfTheSameName() {
    CachedFunction<Long, String> find = CachedFunction.builder(results)
        .name("OrderService.find").asyncFunction(this::find);
    Function<java.util.Collection<? extends Long>, Map<Long, String>> findAll =
        CachedFunction.builder(results).name("OrderService.find").multi((Set<Long> ids) -> {
          calls.incrementAndGet();
          Map<Long, String> found = new LinkedHashMap<>();
          ids.forEach(id -> found.put(id, "order-" + id));
          return found;
        });

    findAll.apply(List.of(5L, 6L));
    find.apply(5L).join();

    assertEquals(1, calls.get());
  }

  @Test
  void customKeyBuilder_fitsACacheWithOtherKeyTypes() {
    PolycacheConfiguration<Long, String> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(Long.class, String.class);
    Cache<Long, String> byId = manager.createCache("by-id", configuration);
    AsyncCache<Long, String> async = PluginWiringTest.async(byId);

    CachedFunction<Long, String> find = CachedFunction.builder(async).name("OrderService.find")
        .keyBuilder((name, args) -> (Long) args.get(0)).asyncFunction(this::find);
    find.apply(9L).join();

    assertEquals("order-9", byId.get(9L));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> CachedFunction.builder(async).name("x").asyncFunction(this::find));
    assertTrue(e.getMessage().contains("keyBuilder"), e.getMessage());
  }

  @Test
  void invalidate_removesOneResult() {
    CachedFunction<Long, String> find = CachedFunction.builder(results)
        .name("OrderService.find").asyncFunction(this::find);
    find.apply(1L).join();

    assertTrue(find.invalidate(1L).join());
    find.apply(1L).join();

    assertEquals(2, calls.get());
  }

  @Test
  void failingCache_isLoggedAndBypassed_theFunctionStillAnswers() {
    CachedFunction<Long, String> find = CachedFunction.builder(results)
        .name("OrderService.find").asyncFunction(this::find);
    results.synchronous().close();

    assertEquals("order-1", find.apply(1L).join());
    assertEquals("order-1", find.apply(1L).join());
    assertEquals(2, calls.get());
  }

  @Test
  void missingName_isRefused() {
    assertThrows(IllegalStateException.class,
        () -> CachedFunction.builder(results).asyncFunction(this::find));
  }

  // ------------------------------------------------------------------------- the lock

  @Test
  void lock_isTakenAndReleasedAroundTheCall() {
    AsyncCache<String, String> locks = strings("locks");
    List<Boolean> lockedDuringCall = new CopyOnWriteArrayList<>();
    CachedFunction<Long, String> find = CachedFunction.builder(results).name("OrderService.find")
        .lock(locks, Duration.ofSeconds(10)).asyncFunction(id -> {
          lockedDuringCall.add(locks.containsKey("OrderService.find(1)-lock").join());
          return find(id);
        });

    assertEquals("order-1", find.apply(1L).join());

    assertEquals(List.of(true), lockedDuringCall);
    assertFalse(locks.containsKey("OrderService.find(1)-lock").join());
  }

  @Test
  void lockHeldElsewhere_waiterReturnsTheHoldersValue_withoutCalling() throws Exception {
    AsyncCache<String, String> locks = strings("locks");
    locks.add("OrderService.find(1)-lock", "other-jvm", Duration.ofSeconds(10)).join();
    CachedFunction<Long, String> find = CachedFunction.builder(results).name("OrderService.find")
        .lock(locks, Duration.ofSeconds(10)).asyncFunction(this::find);

    CompletableFuture<String> waiting = find.apply(1L);
    assertFalse(waiting.isDone());
    results.put("OrderService.find(1)", "from-the-holder").join();

    assertEquals("from-the-holder", waiting.get(5, TimeUnit.SECONDS));
    assertEquals(0, calls.get());
  }

  @Test
  void lockGivenUpWithoutAValue_waiterTakesItAndCalls() throws Exception {
    AsyncCache<String, String> locks = strings("locks");
    locks.add("OrderService.find(1)-lock", "other-jvm", Duration.ofSeconds(10)).join();
    CachedFunction<Long, String> find = CachedFunction.builder(results).name("OrderService.find")
        .lock(locks, Duration.ofSeconds(10)).asyncFunction(this::find);

    CompletableFuture<String> waiting = find.apply(1L);
    assertTrue(locks.remove("OrderService.find(1)-lock", "other-jvm").join());

    assertEquals("order-1", waiting.get(5, TimeUnit.SECONDS));
    assertEquals(1, calls.get());
  }

  @Test
  void leaseOver_waiterCallsTheFunctionItself() throws Exception {
    AsyncCache<String, String> locks = strings("locks");
    locks.add("OrderService.find(1)-lock", "stuck-jvm", Duration.ofMinutes(10)).join();
    CachedFunction<Long, String> find = CachedFunction.builder(results).name("OrderService.find")
        .lock(locks, Duration.ofMillis(200)).asyncFunction(this::find);

    long start = System.nanoTime();
    assertEquals("order-1", find.apply(1L).get(5, TimeUnit.SECONDS));

    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200));
    assertEquals(1, calls.get());
    assertEquals("stuck-jvm", locks.get("OrderService.find(1)-lock").join(),
        "the waiter never removes a lock it does not own");
  }

  @Test
  void lockThatOutlivedItsLease_isNotReleasedByItsFormerOwner() {
    AsyncCache<String, String> locks = strings("locks");
    CompletableFuture<String> slow = new CompletableFuture<>();
    CachedFunction<Long, String> find = CachedFunction.builder(results).name("OrderService.find")
        .lock(locks, Duration.ofSeconds(1)).asyncFunction(id -> slow);
    CompletableFuture<String> holder = find.apply(1L);
    assertTrue(locks.containsKey("OrderService.find(1)-lock").join());

    clock.advance(Duration.ofSeconds(2));
    locks.add("OrderService.find(1)-lock", "next-owner", Duration.ofMinutes(1)).join();
    slow.complete("late");

    assertEquals("late", holder.join());
    assertEquals("next-owner", locks.get("OrderService.find(1)-lock").join());
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
