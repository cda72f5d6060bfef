package io.polycache.provider.store.redis;

import static io.polycache.provider.store.redis.TestSpecs.key;
import static io.polycache.provider.store.redis.TestSpecs.spec;
import static io.polycache.provider.store.redis.TestSpecs.text;
import static io.polycache.provider.store.redis.TestSpecs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.polycache.provider.store.StoreEntry;
import io.polycache.provider.store.WriteStatus;
import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** A server that goes away and comes back, one that is down from the start, and passwords. */
@RealServers
class RedisOutageTest {

  private static final long ETERNAL = StoreEntry.ETERNAL;
  private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(15);

  @Test
  void serverStopped_getFailsWithinTheTimeoutNamingTheServer_andTheSameStoreRecovers(
      RedisServer redis) throws Exception {
    try (RedisBackend backend = RedisBackend.create(
        URI.create(redis.uri() + "?timeout=500ms&connectTimeout=500ms"), null)) {
      RedisStore store = backend.open(spec("app", "outage"));
      byte[] k = key(store, "k");
      await(store.put(k, utf8("before"), ETERNAL));

      redis.stop();
      long start = System.nanoTime();
      RedisStoreException failure = failure(store.get(k));
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertTrue(tookMillis < 3_000, "the failure took " + tookMillis + " ms");
      assertTrue(failure.getMessage().contains(redis.address()), failure.getMessage());
      assertTrue(failure.getMessage().contains("Cache 'outage'"), failure.getMessage());

      redis.start();
      awaitWorking(store, k);
      assertEquals("after", text(await(store.get(k)).value()));
    }
  }

  @Test
  void hungServer_failsEveryCallAfterTheTimeoutNamingIt_andAnswersAgainOnceItResumes()
      throws Exception {
    try (RedisServer hung = RedisServer.startNew();
        RedisBackend backend = RedisBackend.create(
            URI.create(hung.uri() + "?timeout=300ms&connectTimeout=500ms"), null)) {
      RedisStore store = backend.open(spec("app", "hung"));
      byte[] k = key(store, "k");
      await(store.put(k, utf8("v"), ETERNAL));
      Object version = await(store.get(k)).version();

      hung.pause();
      List<CompletableFuture<?>> calls = new ArrayList<>();
      long start = System.nanoTime();
      try {
        calls.add(store.get(k));
        calls.add(store.getAll(List.of(k, key(store, "other"))));
        calls.add(store.write(key(store, "written"), utf8("w"), ETERNAL));
        calls.add(store.replace(k, version, utf8("script"), ETERNAL));
        calls.add(store.keys(null, 10));
        calls.add(store.clear());
        for (int i = 0; i < 100; i++) {
          calls.add(store.get(key(store, "k" + i)));
        }
        for (CompletableFuture<?> call : calls) {
          RedisStoreException e = failure(call);
          assertTrue(e.getMessage().contains("got no answer from Redis at " + hung.address()
              + " within 300 ms"), e.getMessage());
        }
      } finally {
        hung.resume();
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertTrue(millis >= 300, "failed after " + millis + " ms, before the timeout");
      assertTrue(millis < 2_000, "took " + millis + " ms");
      awaitWorking(store, k);
      assertEquals("after", text(await(store.get(k)).value()));
    }
  }

  @Test
  void serverDownWhenTheBackendIsCreated_failsFast_thenConnectsOnceItIsUp(RedisServer redis)
      throws Exception {
    redis.stop();
    try (RedisBackend backend = RedisBackend.create(
        URI.create(redis.uri() + "?timeout=500ms&connectTimeout=500ms"), null)) {
      RedisStore store = backend.open(spec("app", "late"));
      byte[] k = key(store, "k");

      long start = System.nanoTime();
      RedisStoreException failure = failure(store.get(k));
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertTrue(tookMillis < 3_000, "the failure took " + tookMillis + " ms");
      assertTrue(failure.getMessage().contains(redis.address()), failure.getMessage());

      redis.start();
      awaitWorking(store, k);
    }
  }

  @Test
  void password_neverAppearsInToStringOrFailures() throws Exception {
    try (RedisServer secured = RedisServer.startNew()) {
      secured.command("CONFIG", "SET", "requirepass", "s3cret");
      URI uri = URI.create("redis://:s3cret@" + secured.address() + "?timeout=500ms");
      try (RedisBackend backend = RedisBackend.create(uri, null)) {
        assertFalse(backend.toString().contains("s3cret"), backend.toString());
        assertTrue(backend.toString().contains(secured.address()), backend.toString());
        RedisStore store = backend.open(spec("app", "secret"));
        byte[] k = key(store, "k");
        assertEquals(WriteStatus.CREATED, await(store.put(k, utf8("v"), ETERNAL)));
        assertFalse(store.toString().contains("s3cret"), store.toString());

        secured.stop();
        RedisStoreException failure = failure(store.get(k));

        assertTrue(failure.getMessage().contains(secured.address()), failure.getMessage());
        assertNoSecret(failure, "s3cret");
      }
    }
  }

  @Test
  void wrongPassword_failureNamesTheServerButNotThePassword(RedisServer redis) throws Exception {
    redis.command("CONFIG", "SET", "requirepass", "right-one");
    try {
      URI uri = URI.create("redis://:wrong-one@" + redis.address() + "?timeout=500ms");
      try (RedisBackend backend = RedisBackend.create(uri, null)) {
        RedisStore store = backend.open(spec("app", "secret"));

        RedisStoreException failure = failure(store.get(key(store, "k")));

        assertTrue(failure.getMessage().contains(redis.address()), failure.getMessage());
        assertNoSecret(failure, "wrong-one");
      }
    } finally {
      redis.stop(); // the next test gets a fresh process, without the password
    }
  }

  @Test
  void passwordFromProperties_isUsed_andNeverShown() throws Exception {
    try (RedisServer secured = RedisServer.startNew()) {
      secured.command("CONFIG", "SET", "requirepass", "pr0p-secret");
      Properties properties = new Properties();
      properties.setProperty("polycache.redis.password", "pr0p-secret");
      try (RedisBackend backend = RedisBackend.create(secured.uri(), properties)) {
        RedisStore store = backend.open(spec("app", "secret"));

        assertEquals(WriteStatus.CREATED, await(store.put(key(store, "k"), utf8("v"), ETERNAL)));
        assertFalse(backend.toString().contains("pr0p-secret"), backend.toString());
        assertTrue(backend.connection().isOpen());
      }
    }
  }

  @Test
  void closedBackend_failsOperationsAndRefusesNewStores(RedisServer redis) throws Exception {
    RedisBackend backend = RedisBackend.create(redis.uri(), null);
    RedisStore store = backend.open(spec("app", "closing"));
    await(store.put(key(store, "k"), utf8("v"), ETERNAL));

    backend.close();

    RedisStoreException failure = failure(store.get(key(store, "k")));
    assertTrue(failure.getMessage().contains("closed"), failure.getMessage());
    assertThrows(IllegalStateException.class, () -> backend.open(spec("app", "other")));
  }

  /** Polls, within a deadline, until a write and a read through {@code store} succeed. */
  private static void awaitWorking(RedisStore store, byte[] k) throws Exception {
    long deadline = System.nanoTime() + RECOVERY_DEADLINE.toNanos();
    Exception last = null;
    while (System.nanoTime() - deadline < 0) {
      try {
        await(store.put(k, utf8("after"), ETERNAL));
        await(store.get(k));
        return;
      } catch (ExecutionException e) {
        last = e;
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
    }
    fail("the store did not recover within " + RECOVERY_DEADLINE, last);
  }

  private static void assertNoSecret(Throwable failure, String secret) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(secret), "leaked in " + t);
      assertFalse(t.toString().contains(secret), "leaked in " + t);
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(5, TimeUnit.SECONDS);
  }

  private static RedisStoreException failure(CompletableFuture<?> future) {
    ExecutionException thrown = assertThrows(ExecutionException.class,
        () -> future.get(5, TimeUnit.SECONDS));
    return assertInstanceOf(RedisStoreException.class, thrown.getCause());
  }
}
