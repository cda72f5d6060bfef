package io.polycache.provider.store.memcached;

import static io.polycache.provider.store.memcached.MemcachedTestSupport.await;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.bytes;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.failure;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.key;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.memcachedKey;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.store.StoreEntry;
import io.polycache.provider.testing.MutableClock;
import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.ServerName;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.ConnectionObserver;
import org.junit.jupiter.api.Test;

/** Oversized values, dead servers and credentials, on real memcached processes. */
@RealServers
class MemcachedFailureTest {

  private static final String NS = "failure-test";

  private final MutableClock clock = MutableClock.atSystemTime();

  @Test
  void oversizedValue_isRefusedClearly_andThePreviousValueStays() throws Exception {
    try (MemcachedServer small = MemcachedServer.startNew("-I", "1m");
        MemcachedBackend backend = MemcachedBackend.create(small.uri(), null)) {
      MemcachedStore store = MemcachedTestSupport.open(backend, NS, "big", clock);
      byte[] k = key(NS, "big", "k");
      await(store.put(k, bytes("small"), StoreEntry.ETERNAL));
      byte[] huge = new byte[1024 * 1024 + 1];

      MemcachedStoreException put = failure(store.put(k, huge, StoreEntry.ETERNAL));
      Object version = await(store.get(k)).version();
      MemcachedStoreException replace = failure(store.replace(k, version, huge,
          StoreEntry.ETERNAL));

      assertTrue(put.getMessage().contains("value of 1048577 bytes exceeds the memcached item"
          + " size limit"), put.getMessage());
      assertTrue(replace.getMessage().contains("exceeds the memcached item size limit"),
          replace.getMessage());
      assertEquals("small", text(await(store.get(k)).value()));

      int largest = 1024 * 1024 - memcachedKey(k, NS, "big").length() - ItemFormat.HEADER
          - ItemFormat.ITEM_OVERHEAD;
      await(store.put(k, new byte[largest], StoreEntry.ETERNAL));
      assertEquals(largest, ((byte[]) await(store.get(k)).value()).length,
          "the largest value the limit allows must fit the server");
    }
  }

  @Test
  void stoppedServer_failsWithinTheTimeoutNamingIt_andTheSameBackendRecovers(
      MemcachedServer memcached) throws Exception {
    URI uri = URI.create(memcached.uri() + "?timeout=500ms&maxReconnectDelay=1s");
    try (MemcachedBackend backend = MemcachedBackend.create(uri, null)) {
      MemcachedStore store = MemcachedTestSupport.open(backend, NS, "outage", clock);
      byte[] k = key(NS, "outage", "k");
      await(store.put(k, bytes("v"), StoreEntry.ETERNAL));
      CountDownLatch reconnected = new CountDownLatch(1);
      backend.client().addObserver(new ConnectionObserver() {
        @Override
        public void connectionEstablished(SocketAddress address, int reconnectCount) {
          if (reconnectCount > 0) {
            reconnected.countDown();
          }
        }

        @Override
        public void connectionLost(SocketAddress address) {}
      });

      memcached.stop();
      long start = System.nanoTime();
      MemcachedStoreException e = failure(store.get(k));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertTrue(millis < 3_000, "took " + millis + " ms");
      assertTrue(e.getMessage().contains(memcached.address()), e.getMessage());
      memcached.start();
      assertTrue(reconnected.await(15, TimeUnit.SECONDS), "the client did not reconnect");
      assertNull(await(store.get(k)), "a restarted memcached is empty");
      await(store.put(k, bytes("again"), StoreEntry.ETERNAL));
      assertEquals("again", text(await(store.get(k)).value()));
    } finally {
      memcached.start();
    }
  }

  @Test
  void hungServer_failsEveryCallAfterTheTimeoutNamingIt_andAnswersAgainOnceItResumes()
      throws Exception {
    try (MemcachedServer hung = MemcachedServer.startNew();
        MemcachedBackend backend = MemcachedBackend.create(
            URI.create(hung.uri() + "?timeout=300ms"), null)) {
      MemcachedStore store = MemcachedTestSupport.open(backend, NS, "hung", clock);
      byte[] k = key(NS, "hung", "k");
      await(store.put(k, bytes("v"), StoreEntry.ETERNAL));

      hung.pause();
      List<CompletableFuture<?>> calls = new ArrayList<>();
      long start = System.nanoTime();
      try {
        calls.add(store.get(k));
        calls.add(store.getAll(List.of(k, key(NS, "hung", "other"))));
        calls.add(store.write(key(NS, "hung", "written"), bytes("w"), StoreEntry.ETERNAL));
        for (int i = 0; i < 100; i++) {
          calls.add(store.get(key(NS, "hung", "k" + i)));
        }
        for (CompletableFuture<?> call : calls) {
          MemcachedStoreException e = failure(call);
          assertTrue(e.getMessage().contains("memcached server " + hung.address()
              + " did not answer") && e.getMessage().contains("within 300 ms"), e.getMessage());
        }
      } finally {
        hung.resume();
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertTrue(millis >= 300, "failed after " + millis + " ms, before the timeout");
      assertTrue(millis < 2_000, "took " + millis + " ms");
      assertEquals("v", text(await(store.get(k)).value()));
      assertEquals(2, await(store.getAll(List.of(k, key(NS, "hung", "absent")))).size());
    }
  }

  @Test
  void oneOfTwoServersStopped_keysOnTheOtherKeepWorking(MemcachedServer first,
      @ServerName("b") MemcachedServer second) throws Exception {
    URI uri = URI.create("memcached://" + first.address() + "," + second.address()
        + "?timeout=500ms");
    try (MemcachedBackend backend = MemcachedBackend.create(uri, null)) {
      MemcachedStore store = MemcachedTestSupport.open(backend, NS, "pair", clock);
      byte[] onFirst = keyServedBy(backend, first, "first-");
      byte[] onSecond = keyServedBy(backend, second, "second-");
      await(store.put(onFirst, bytes("1"), StoreEntry.ETERNAL));
      await(store.put(onSecond, bytes("2"), StoreEntry.ETERNAL));
      List<StoreEntry<Object>> both = await(store.getAll(List.of(onSecond, onFirst)));
      assertEquals("2", text(both.get(0).value()));
      assertEquals("1", text(both.get(1).value()));

      second.stop();

      MemcachedStoreException e = failure(store.get(onSecond));
      assertTrue(e.getMessage().contains(second.address()), e.getMessage());
      MemcachedStoreException spanning = failure(store.getAll(List.of(onFirst, onSecond)));
      assertTrue(spanning.getMessage().contains(second.address()), spanning.getMessage());
      assertEquals("1", text(await(store.getAll(List.of(onFirst))).get(0).value()));
      assertEquals("1", text(await(store.get(onFirst)).value()));
      await(store.put(onFirst, bytes("1b"), StoreEntry.ETERNAL));
      assertEquals("1b", text(await(store.get(onFirst)).value()));
      assertTrue(await(store.remove(onFirst)));
    } finally {
      second.start();
    }
  }

  private static byte[] keyServedBy(MemcachedBackend backend, MemcachedServer server,
      String stem) {
    for (int i = 0; i < 1_000; i++) {
      byte[] k = key(NS, "pair", stem + i);
      SocketAddress node = backend.client().getNodeLocator()
          .getPrimary(memcachedKey(k, NS, "pair")).getSocketAddress();
      if (((InetSocketAddress) node).getPort() == server.port()) {
        return k;
      }
    }
    throw new AssertionError("no key of 1,000 hashes to " + server.address());
  }

  @Test
  void password_isNeverShown_evenWhenTheServerIsUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI uri = URI.create("memcached://admin:Sup3rSecret@127.0.0.1:" + port + "?timeout=200ms");
    try (MemcachedBackend backend = MemcachedBackend.create(uri, null)) {
      MemcachedStore store = MemcachedTestSupport.open(backend, NS, "auth", clock);

      MemcachedStoreException e = failure(store.get(key(NS, "auth", "k")));
      MemcachedStoreException listing = failure(store.keys(null, 10));

      assertFalse(backend.toString().contains("Sup3rSecret"), backend.toString());
      assertTrue(backend.toString().contains("admin@127.0.0.1:" + port), backend.toString());
      assertFalse(backend.options().toString().contains("Sup3rSecret"));
      assertFalse(e.getMessage().contains("Sup3rSecret"), e.getMessage());
      assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
      assertFalse(listing.getMessage().contains("Sup3rSecret"), listing.getMessage());
      assertEquals("admin", backend.options().username());
      assertTrue(Arrays.equals(bytes("Sup3rSecret"), bytes(backend.options().password())));
    }
  }
}
