package io.polycache.provider.annotation;

import static io.polycache.provider.annotation.Cdi.cache;
import static io.polycache.provider.annotation.Cdi.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncCacheResultTest {

  /** Stock quotes from a slow service; a test chooses what each call's future does. */
  @ApplicationScoped
  public static class Quotes {
    private final AtomicInteger runs = new AtomicInteger();
    private volatile Function<String, CompletableFuture<String>> service =
        symbol -> CompletableFuture.completedFuture("quote of " + symbol);

    public int runs() {
      return runs.get();
    }

    public void answer(Function<String, CompletableFuture<String>> behaviour) {
      runs.set(0);
      service = behaviour;
    }

    @CacheResult(cacheName = "cdi-quotes")
    public CompletableFuture<String> quote(String symbol) {
      runs.incrementAndGet();
      return service.apply(symbol);
    }

    @CacheResult(cacheName = "cdi-quotes")
    public CompletionStage<String> quoteStage(String symbol) {
      runs.incrementAndGet();
      return service.apply(symbol);
    }

    @CacheResult(cacheName = "cdi-rates", exceptionCacheName = "cdi-rate-failures",
        cachedExceptions = IllegalStateException.class)
    public CompletableFuture<String> rate(String symbol) {
      runs.incrementAndGet();
      return service.apply(symbol);
    }

    @CachePut(cacheName = "cdi-quotes")
    public CompletableFuture<String> publish(String symbol, @CacheValue String quote) {
      runs.incrementAndGet();
      return service.apply(symbol);
    }

    @CacheRemove(cacheName = "cdi-quotes")
    public CompletableFuture<String> delist(String symbol) {
      runs.incrementAndGet();
      return service.apply(symbol);
    }
  }

  private static WeldContainer container;
  private static Quotes quotes;

  @BeforeAll
  static void startContainer() {
    container = Cdi.start(Quotes.class);
    quotes = container.select(Quotes.class).get();
  }

  @AfterAll
  static void stopContainer() {
    container.close();
  }

  @BeforeEach
  void emptyCaches() {
    Cdi.destroy("cdi-quotes", "cdi-rates", "cdi-rate-failures");
    quotes.answer(symbol -> CompletableFuture.completedFuture("quote of " + symbol));
  }

  @Test
  void asyncCacheResult_cachesTheCompletedValueNotTheFuture() {
    assertEquals("quote of ACME", quotes.quote("ACME").join());

    assertEquals("quote of ACME", cache("cdi-quotes").get(key("ACME")));
  }

  @Test
  void asyncCacheResult_hit_returnsACompletedFutureWithoutRunningTheMethod() {
    quotes.quote("ACME").join();

    CompletableFuture<String> hit = quotes.quote("ACME");

    assertTrue(hit.isDone());
    assertEquals("quote of ACME", hit.join());
    assertEquals(1, quotes.runs());
  }

  @Test
  void asyncCacheResult_valueCompletesLater_isCachedOnceTheFutureCompletes() {
    CompletableFuture<String> gate = new CompletableFuture<>();
    quotes.answer(symbol -> gate.thenApply(ignored -> "late quote of " + symbol));

    CompletableFuture<String> pending = quotes.quote("ACME");
    assertFalse(cache("cdi-quotes").containsKey(key("ACME")));
    gate.complete("go");

    assertEquals("late quote of ACME", pending.join());
    assertEquals("late quote of ACME", cache("cdi-quotes").get(key("ACME")));
  }

  @Test
  void asyncCacheResult_completionStageReturnType_isCachedToo() {
    quotes.quoteStage("ACME").toCompletableFuture().join();
    CompletionStage<String> hit = quotes.quoteStage("ACME");

    assertEquals("quote of ACME", hit.toCompletableFuture().join());
    assertEquals(1, quotes.runs());
  }

  @Test
  void asyncCacheResult_failedFuture_isNotCachedSoTheNextCallRunsAgain() {
    quotes.answer(symbol -> CompletableFuture.failedFuture(new IllegalStateException("down")));

    CompletionException failure =
        assertThrows(CompletionException.class, () -> quotes.quote("ACME").join());
    assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertFalse(cache("cdi-quotes").containsKey(key("ACME")));

    assertThrows(CompletionException.class, () -> quotes.quote("ACME").join());
    assertEquals(2, quotes.runs());
  }

  @Test
  void asyncCacheResult_failureOfACachedExceptionType_goesToTheExceptionCache() {
    quotes.answer(symbol -> CompletableFuture.failedFuture(new IllegalStateException("down")));
    assertThrows(CompletionException.class, () -> quotes.rate("ACME").join());

    CompletableFuture<String> second = quotes.rate("ACME");

    assertTrue(second.isCompletedExceptionally());
    CompletionException failure = assertThrows(CompletionException.class, second::join);
    assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertEquals(1, quotes.runs());
    assertInstanceOf(IllegalStateException.class, cache("cdi-rate-failures").get(key("ACME")));
    assertFalse(cache("cdi-rates").containsKey(key("ACME")));
  }

  @Test
  void asyncCacheResult_failureOfAnotherType_isNotCachedInTheExceptionCache() {
    quotes.answer(symbol -> CompletableFuture.failedFuture(new IllegalArgumentException("?")));
    assertThrows(CompletionException.class, () -> quotes.rate("ACME").join());
    assertThrows(CompletionException.class, () -> quotes.rate("ACME").join());

    assertEquals(2, quotes.runs());
    assertFalse(cache("cdi-rate-failures").containsKey(key("ACME")));
  }

  @Test
  void asyncCacheResult_twentyConcurrentCallersOnAColdKey_shareOneInvocation() throws Exception {
    CompletableFuture<String> gate = new CompletableFuture<>();
    quotes.answer(symbol -> gate.thenApply(ignored -> "shared quote of " + symbol));
    ExecutorService callers = Executors.newFixedThreadPool(20);
    try {
      List<Callable<CompletableFuture<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> quotes.quote("ACME"));
      }
      List<CompletableFuture<String>> results = new ArrayList<>();
      for (Future<CompletableFuture<String>> call : callers.invokeAll(calls)) {
        results.add(call.get());
      }
      gate.complete("go");

      for (CompletableFuture<String> result : results) {
        assertEquals("shared quote of ACME", result.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, quotes.runs());
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void asyncCacheResult_sharedCallFails_everyCallerSeesTheFailureAndTheNextCallRunsAgain()
      throws Exception {
    CompletableFuture<String> gate = new CompletableFuture<>();
    quotes.answer(symbol -> gate);
    CompletableFuture<String> first = quotes.quote("ACME");
    CompletableFuture<String> second = quotes.quote("ACME");
    gate.completeExceptionally(new IllegalStateException("down"));

    assertThrows(CompletionException.class, first::join);
    assertThrows(CompletionException.class, second::join);
    assertEquals(1, quotes.runs());

    quotes.answer(symbol -> CompletableFuture.completedFuture("back up"));
    assertEquals("back up", quotes.quote("ACME").join());
  }

  @Test
  void asyncCacheResult_oneCallerCancelsItsFuture_othersStillGetTheValue() {
    CompletableFuture<String> gate = new CompletableFuture<>();
    quotes.answer(symbol -> gate);
    CompletableFuture<String> impatient = quotes.quote("ACME");
    CompletableFuture<String> patient = quotes.quote("ACME");

    impatient.cancel(true);
    gate.complete("worth the wait");

    assertEquals("worth the wait", patient.join());
    assertEquals("worth the wait", cache("cdi-quotes").get(key("ACME")));
  }

  @Test
  void asyncCachePut_putsTheValueOnlyOnceTheFutureCompletes() {
    CompletableFuture<String> gate = new CompletableFuture<>();
    quotes.answer(symbol -> gate);

    CompletableFuture<String> published = quotes.publish("ACME", "42.00");
    assertFalse(cache("cdi-quotes").containsKey(key("ACME")));
    gate.complete("ok");

    assertEquals("ok", published.join());
    assertEquals("42.00", cache("cdi-quotes").get(key("ACME")));
  }

  @Test
  void asyncCacheRemove_removesOnceTheFutureCompletes_andKeepsTheEntryWhenItFails() {
    Cdi.create("cdi-quotes").put(key("ACME"), "41.00");
    CompletableFuture<String> gate = new CompletableFuture<>();
    quotes.answer(symbol -> gate);

    CompletableFuture<String> failed = quotes.delist("ACME");
    gate.completeExceptionally(new IllegalStateException("refused"));
    assertThrows(CompletionException.class, failed::join);
    assertTrue(cache("cdi-quotes").containsKey(key("ACME")));

    quotes.answer(symbol -> CompletableFuture.completedFuture("delisted"));
    assertEquals("delisted", quotes.delist("ACME").join());
    assertFalse(cache("cdi-quotes").containsKey(key("ACME")));
  }

  @Test
  void asyncCacheResult_methodReturnsNull_returnsNullAndCachesNothing() {
    quotes.answer(symbol -> null);

    assertSame(null, quotes.quote("ACME"));
    assertSame(null, quotes.quote("ACME"));
    assertEquals(2, quotes.runs());
  }
}
