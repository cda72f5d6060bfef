package io.polycache.provider.store.redis;

import static io.polycache.provider.store.redis.TestSpecs.key;
import static io.polycache.provider.store.redis.TestSpecs.spec;
import static io.polycache.provider.store.redis.TestSpecs.text;
import static io.polycache.provider.store.redis.TestSpecs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.polycache.provider.store.StoreEntry;
import io.polycache.testsupport.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A master, a replica and a sentinel: the backend finds the master through the sentinel, and
 * after the master dies and the sentinel promotes the replica, the same backend and store read
 * and write again, now on the former replica.
 */
class RedisSentinelTest {

  private static final String MASTER_NAME = "mymaster";
  private static final long ETERNAL = StoreEntry.ETERNAL;

  @Test
  void masterFails_sentinelPromotesTheReplica_andTheSameStoreCarriesOn() throws Exception {
    try (RedisServer master = RedisServer.startNew("--repl-diskless-sync-delay", "0");
        RedisServer replica = RedisServer.startNew("--replicaof", master.host(),
            Integer.toString(master.port()), "--repl-diskless-sync-delay", "0");
        SentinelProcess sentinel = SentinelProcess.start(MASTER_NAME, master.host(),
            master.port())) {
      SentinelProcess.await("the replica syncing with the master", Duration.ofSeconds(15),
          () -> String.valueOf(replica.command("INFO", "replication"))
              .contains("master_link_status:up"));
      SentinelProcess.await("the sentinel discovering the replica", Duration.ofSeconds(15),
          () -> healthyReplicas(sentinel) == 1);

      URI uri = URI.create("redis-sentinel://127.0.0.1:" + sentinel.port()
          + "?sentinelMasterId=" + MASTER_NAME + "&timeout=1s&connectTimeout=1s");
      try (RedisBackend backend = RedisBackend.create(uri, null)) {
        assertTrue(backend.toString().contains("#" + MASTER_NAME), backend.toString());
        RedisStore store = backend.open(spec("app", "failover"));
        byte[] k = key(store, "k");
        await(store.put(k, utf8("written to the first master"), ETERNAL));
        SentinelProcess.await("the write reaching the replica", Duration.ofSeconds(10),
            () -> replica.commandBytes(utf8("GET"), k) != null);

        master.stop();
        SentinelProcess.await("the sentinel promoting the replica", Duration.ofSeconds(30),
            () -> replica.address().equals(masterAddress(sentinel)));

        StoreEntry<Object> read = readWithin(store, k, Duration.ofSeconds(20));
        assertEquals("written to the first master", text(read.value()));
        byte[] k2 = key(store, "k2");
        await(store.put(k2, utf8("written to the new master"), ETERNAL));
        assertEquals("written to the new master", text(await(store.get(k2)).value()));
        byte[] onPromotedReplica = (byte[]) replica.commandBytes(utf8("GET"), k2);
        assertEquals("written to the new master", new String(onPromotedReplica, 18,
            onPromotedReplica.length - 18, StandardCharsets.UTF_8));
      }
    }
  }

  private static StoreEntry<Object> readWithin(RedisStore store, byte[] k, Duration deadline)
      throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    Exception last = null;
    while (System.nanoTime() - end < 0) {
      try {
        return await(store.get(k));
      } catch (ExecutionException | TimeoutException e) {
        last = e;
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
    return fail("the store did not read through the new master within " + deadline, last);
  }

  private static int healthyReplicas(SentinelProcess sentinel) {
    try {
      return sentinel.healthyReplicas(MASTER_NAME);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String masterAddress(SentinelProcess sentinel) {
    try {
      return sentinel.masterAddress(MASTER_NAME);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(5, TimeUnit.SECONDS);
  }
}
