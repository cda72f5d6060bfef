package io.polycache.provider.store.memcached;

import static io.polycache.provider.store.memcached.MemcachedTestSupport.await;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.bytes;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.serverExp;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.failure;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.key;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.listKeys;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.memcachedKey;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.serverHolds;
import static io.polycache.provider.store.memcached.MemcachedTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.store.StoreEntry;
import io.polycache.provider.store.WriteStatus;
import io.polycache.provider.testing.MutableClock;
import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.RealServers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Memcached store adds to the Store contract, on a real memcached. */
@RealServers
class MemcachedStoreTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private static MemcachedBackend backend;
  private static MemcachedServer server;

  private final List<MemcachedStore> stores = new ArrayList<>();
  private MutableClock clock;
  private String namespace;
  private MemcachedStore store;

  @BeforeAll
  static void connect(MemcachedServer memcached) {
    server = memcached;
    backend = MemcachedBackend.create(memcached.uri(), new Properties());
  }

  @AfterAll
  static void disconnect() {
    backend.close();
  }

  @BeforeEach
  void openStore() {
    clock = MutableClock.atSystemTime();
    namespace = "store-test-" + NAMESPACES.incrementAndGet();
    store = open("cacheA");
  }

  @AfterEach
  void clearStores() throws Exception {
    for (MemcachedStore s : stores) {
      await(s.clear());
    }
  }

  private MemcachedStore open(String cacheName) {
    MemcachedStore s = MemcachedTestSupport.open(backend, namespace, cacheName, clock);
    stores.add(s);
    return s;
  }

  private byte[] key(String userPart) {
    return MemcachedTestSupport.key(namespace, "cacheA", userPart);
  }

  private String memcachedKeyOf(byte[] logical) {
    return memcachedKey(logical, namespace, "cacheA");
  }

  // ----------------------------------------------------------------------------------- keys

  @Test
  void keysWithSpacesControlCharsNonAsciiAndOver250Bytes_roundTripAndAreListed()
      throws Exception {
    byte[] random = new byte[1_000];
    new Random(7).nextBytes(random);
    List<byte[]> keys = List.of(key("with space"), key("ctl\r\n\t\u0000\u007f"),
        key("nön-ascii ✓ 鍵"), key("%41#hash%"), key("x".repeat(300)),
        MemcachedTestSupport.key(namespace, "cacheA", random));
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(WriteStatus.CREATED, await(store.put(keys.get(i), bytes("v" + i),
          StoreEntry.ETERNAL)));
    }

    for (int i = 0; i < keys.size(); i++) {
      StoreEntry<Object> entry = await(store.get(keys.get(i)));
      assertNotNull(entry, "key " + i + " did not round-trip");
      assertEquals("v" + i, text(entry.value()));
    }
    Set<ByteBuffer> expected = new HashSet<>();
    for (byte[] k : keys) {
      expected.add(ByteBuffer.wrap(k));
    }
    assertEquals(expected, listKeys(store, 4));
    assertTrue(await(store.remove(keys.get(4))));
    assertNull(await(store.get(keys.get(4))));
  }

  @Test
  void hashedKey_supportsEveryConditionalOperation() throws Exception {
    byte[] k = key("long ".repeat(60));
    assertTrue(await(store.putIfAbsent(k, bytes("a"), StoreEntry.ETERNAL)));
    assertFalse(await(store.putIfAbsent(k, bytes("x"), StoreEntry.ETERNAL)));

    StoreEntry<Object> read = await(store.get(k));
    long expireAt = clock.millis() + 60_000;
    assertTrue(await(store.touch(k, read.version(), expireAt)));
    assertFalse(await(store.replace(k, read.version(), bytes("stale"), StoreEntry.ETERNAL)));
    read = await(store.get(k));
    assertEquals(expireAt, read.expireAt());
    assertTrue(await(store.replace(k, read.version(), bytes("b"), StoreEntry.ETERNAL)));
    assertEquals("b", text(await(store.getAndPut(k, bytes("c"), StoreEntry.ETERNAL)).value()));
    assertEquals(WriteStatus.UPDATED, await(store.put(k, bytes("d"), StoreEntry.ETERNAL)));
    assertTrue(await(store.remove(k, await(store.get(k)).version())));
    assertNull(await(store.get(k)));
  }

  @Test
  void hashCollision_isDetectedAndTheOtherKeysValueIsNeverServed() throws Exception {
    MemcachedStore colliding = MemcachedTestSupport.open(backend, namespace, "cacheA", clock,
        bytes -> new byte[32]);
    stores.add(colliding);
    byte[] first = key("a".repeat(300));
    byte[] second = key("b".repeat(300));

    await(colliding.put(first, bytes("first"), StoreEntry.ETERNAL));

    assertNull(await(colliding.get(second)), "another key's value was served");
    List<StoreEntry<Object>> both = await(colliding.getAll(List.of(first, second)));
    assertEquals("first", text(both.get(0).value()));
    assertNull(both.get(1));
    assertFalse(await(colliding.remove(second)));
    assertEquals("first", text(await(colliding.get(first)).value()));

    assertTrue(await(colliding.putIfAbsent(second, bytes("second"), StoreEntry.ETERNAL)),
        "a colliding key's item must count as absent");
    assertNull(await(colliding.get(first)));
    assertEquals("second", text(await(colliding.get(second)).value()));
    Set<ByteBuffer> listed = listKeys(colliding, 10);
    assertEquals(Set.of(ByteBuffer.wrap(second)), listed);
  }

  @Test
  void getAll_readsAKeyGivenTwiceOnce_andItsVersionsStillGuardConditionalWrites() throws Exception {
    byte[] k = key("bulk-versioned");
    await(store.put(k, bytes("v1"), StoreEntry.ETERNAL));

    List<StoreEntry<Object>> read = await(store.getAll(List.of(k, key("bulk-absent"), k)));

    assertEquals("v1", text(read.get(0).value()));
    assertNull(read.get(1));
    assertEquals("v1", text(read.get(2).value()));
    assertEquals(read.get(0).version(), read.get(2).version());
    await(store.put(k, bytes("v2"), StoreEntry.ETERNAL));
    assertFalse(await(store.replace(k, read.get(0).version(), bytes("stale"), StoreEntry.ETERNAL)),
        "a version read before another write must not win");
    StoreEntry<Object> fresh = await(store.getAll(List.of(k))).get(0);
    assertTrue(await(store.replace(k, fresh.version(), bytes("v3"), StoreEntry.ETERNAL)));
    assertEquals("v3", text(await(store.get(k)).value()));
  }

  // --------------------------------------------------------------------------------- expiry

  @Test
  void entryPastItsExpiry_isReportedExpiredThoughMemcachedStillHoldsIt() throws Exception {
    byte[] k = key("short");
    long expireAt = clock.millis() + 20;
    await(store.put(k, bytes("v"), expireAt));

    clock.advance(Duration.ofMillis(21));

    StoreEntry<Object> entry = await(store.get(k));
    assertNotNull(entry);
    assertEquals(expireAt, entry.expireAt());
    assertTrue(entry.isExpiredAt(clock.millis()));
    StoreEntry<Object> bulk = await(store.getAll(List.of(k))).get(0);
    assertTrue(bulk.isExpiredAt(clock.millis()));
    assertTrue(serverHolds(server, memcachedKeyOf(k)),
        "the server's whole-second expiry keeps the item a little longer");
    long exp = serverExp(server, memcachedKeyOf(k));
    long wallSeconds = System.currentTimeMillis() / 1000;
    assertTrue(exp > wallSeconds - 1 && exp <= wallSeconds + 3, "exp=" + exp);
  }

  @Test
  void eternalEntry_hasNoServerExpiry() throws Exception {
    byte[] k = key("eternal");
    await(store.put(k, bytes("v"), StoreEntry.ETERNAL));

    assertEquals(StoreEntry.ETERNAL, await(store.get(k)).expireAt());
    assertEquals(-1, serverExp(server, memcachedKeyOf(k)));
  }

  @Test
  void expiryOverThirtyDays_isSentAsAnAbsoluteUnixTime() throws Exception {
    byte[] k = key("forty-days");
    long expireAt = clock.millis() + Duration.ofDays(40).toMillis();
    await(store.put(k, bytes("v"), expireAt));

    StoreEntry<Object> entry = await(store.get(k));
    assertNotNull(entry, "sent as a relative time, memcached would read it as a date in 1970");
    assertEquals(expireAt, entry.expireAt());
    long expected = System.currentTimeMillis() / 1000 + Duration.ofDays(40).toSeconds();
    long exp = serverExp(server, memcachedKeyOf(k));
    assertTrue(Math.abs(exp - expected) <= 5, "exp=" + exp + ", expected about " + expected);
  }

  @Test
  void expiryInThePast_isNeverWritten() throws Exception {
    byte[] k = key("past");
    long past = clock.millis() - 1;

    await(store.put(k, bytes("never"), past));
    assertTrue(await(store.putIfAbsent(k, bytes("never"), clock.millis())));
    assertNull(await(store.getAndPut(k, bytes("never"), past)));
    assertFalse(serverHolds(server, memcachedKeyOf(k)));

    await(store.put(k, bytes("live"), StoreEntry.ETERNAL));
    assertEquals(WriteStatus.UPDATED, await(store.put(k, bytes("gone"), past)));
    assertFalse(serverHolds(server, memcachedKeyOf(k)), "an already expired put removes");

    await(store.put(k, bytes("live"), StoreEntry.ETERNAL));
    Object version = await(store.get(k)).version();
    assertTrue(await(store.touch(k, version, past)));
    assertFalse(serverHolds(server, memcachedKeyOf(k)), "an already expired touch removes");

    await(store.put(k, bytes("live"), StoreEntry.ETERNAL));
    version = await(store.get(k)).version();
    assertTrue(await(store.replace(k, version, bytes("gone"), past)));
    assertFalse(serverHolds(server, memcachedKeyOf(k)), "an already expired replace removes");
  }

  // ------------------------------------------------------------------------ keys and clear

  @Test
  void keysAndClear_ofOneCache_leaveOtherCachesAndForeignKeysAlone() throws Exception {
    MemcachedStore other = open("cacheB");
    List<CompletableFuture<WriteStatus>> writes = new ArrayList<>();
    Set<ByteBuffer> mine = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      byte[] k = key("k" + i);
      mine.add(ByteBuffer.wrap(k));
      writes.add(store.put(k, bytes("v" + i), StoreEntry.ETERNAL));
    }
    byte[] otherKey = MemcachedTestSupport.key(namespace, "cacheB", "k1");
    writes.add(other.put(otherKey, bytes("b"), StoreEntry.ETERNAL));
    for (CompletableFuture<WriteStatus> write : writes) {
      await(write);
    }
    String foreign = "foreign-" + namespace;
    assertEquals(List.of("STORED"), server.command("set " + foreign + " 0 0 1", bytes("f")));

    assertEquals(mine, listKeys(store, 100));
    await(store.clear());

    assertTrue(listKeys(store, 100).isEmpty());
    assertNull(await(store.get(key("k1"))));
    assertEquals("b", text(await(other.get(otherKey)).value()));
    assertEquals(Set.of(ByteBuffer.wrap(otherKey)), listKeys(other, 10));
    assertTrue(serverHolds(server, foreign));
    server.command("delete " + foreign);
  }

  @Test
  void foreignBytesUnderTheCachePrefix_failOnlyThatKey() throws Exception {
    byte[] good = key("good");
    await(store.put(good, bytes("fine"), StoreEntry.ETERNAL));
    byte[] bad = key("bad");
    String badKey = memcachedKeyOf(bad);
    assertEquals(List.of("STORED"), server.command("set " + badKey + " 0 0 5", bytes("hello")));

    MemcachedStoreException e = failure(store.get(bad));

    assertTrue(e.getMessage().contains(badKey), e.getMessage());
    assertTrue(e.getMessage().contains("Polycache did not write"), e.getMessage());
    assertTrue(e.getMessage().contains("cacheA"), e.getMessage());
    assertEquals("fine", text(await(store.get(good)).value()));
    assertArrayEquals(bytes("hello"), bytes(server.command("get " + badKey).get(1)));
  }

  @Test
  void serverWithDumpingDisabled_failsListingWithAClearError_andStillStores() throws Exception {
    try (MemcachedServer noDump = MemcachedServer.startNew("-X");
        MemcachedBackend noDumpBackend = MemcachedBackend.create(noDump.uri(), null)) {
      MemcachedStore s = MemcachedTestSupport.open(noDumpBackend, namespace, "cacheA", clock);
      await(s.put(key("k"), bytes("v"), StoreEntry.ETERNAL));

      MemcachedStoreException listing = failure(s.keys(null, 10));
      MemcachedStoreException clearing = failure(s.clear());

      assertTrue(listing.getMessage().contains("-X"), listing.getMessage());
      assertTrue(listing.getMessage().contains(noDump.address()), listing.getMessage());
      assertTrue(clearing.getMessage().contains("-X"), clearing.getMessage());
      assertEquals("v", text(await(s.get(key("k"))).value()));
    }
  }
}
