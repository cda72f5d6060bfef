package io.polycache.provider.store.redis;

import static io.polycache.provider.store.redis.TestSpecs.key;
import static io.polycache.provider.store.redis.TestSpecs.spec;
import static io.polycache.provider.store.redis.TestSpecs.text;
import static io.polycache.provider.store.redis.TestSpecs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.store.KeyPage;
import io.polycache.provider.store.StoreEntry;
import io.polycache.provider.store.StoreSpec;
import io.polycache.provider.store.WriteStatus;
import io.polycache.provider.testing.MutableClock;
import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Redis store does beyond the shared contract: its layout in Redis, and foreign data. */
@RealServers
class RedisStoreTest {

  private static final long ETERNAL = StoreEntry.ETERNAL;

  private final RedisServer redis;
  private RedisBackend backend;
  private MutableClock clock;
  private RedisStore store;

  RedisStoreTest(RedisServer redis) {
    this.redis = redis;
  }

  @BeforeEach
  void open() {
    redis.flushAll();
    backend = RedisBackend.create(redis.uri(), null);
    clock = MutableClock.atSystemTime();
    store = backend.open(spec("app", "users", clock));
  }

  @AfterEach
  void close() {
    backend.close();
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(5, TimeUnit.SECONDS);
  }

  /** The StoreException a failed future carries. */
  static RedisStoreException failure(CompletableFuture<?> future) {
    ExecutionException thrown = assertThrows(ExecutionException.class,
        () -> future.get(5, TimeUnit.SECONDS));
    return assertInstanceOf(RedisStoreException.class, thrown.getCause());
  }

  // ------------------------------------------------------------------------ layout in Redis

  @Test
  void put_storesHeaderThenValue_underTheKeyAsGiven() throws Exception {
    byte[] k = key(store, "42");
    long expireAt = clock.millis() + 60_000;

    await(store.put(k, utf8("hello"), expireAt));

    byte[] raw = (byte[]) redis.commandBytes(utf8("GET"), utf8("app:users:42"));
    assertEquals(18 + 5, raw.length);
    assertEquals((byte) 0xB7, raw[0]);
    assertEquals(1, raw[1]);
    ByteBuffer header = ByteBuffer.wrap(raw);
    RedisEntry read = (RedisEntry) await(store.get(k));
    assertEquals(read.version().longValue(), header.getLong(2));
    assertEquals(expireAt, header.getLong(10));
    assertEquals("hello", new String(raw, 18, 5, StandardCharsets.UTF_8));
  }

  @Test
  void put_withExpiry_setsRedisTtlFromTheCacheClock() throws Exception {
    byte[] k = key(store, "k");

    await(store.put(k, utf8("v"), clock.millis() + 10_000));

    long ttl = (Long) redis.command("PTTL", "app:users:k");
    assertTrue(ttl > 8_000 && ttl <= 10_000, "PTTL " + ttl);
  }

  @Test
  void put_eternal_hasNoRedisExpiry() throws Exception {
    byte[] k = key(store, "k");
    await(store.put(k, utf8("v"), clock.millis() + 10_000));

    await(store.put(k, utf8("v"), ETERNAL));

    assertEquals(-1L, redis.command("PTTL", "app:users:k"));
  }

  @Test
  void writes_withExpireAtAlreadyPassed_storeNothing() throws Exception {
    byte[] k = key(store, "k");
    long past = clock.millis() - 1;
    await(store.put(k, utf8("v"), ETERNAL));

    assertEquals(WriteStatus.UPDATED, await(store.put(k, utf8("w"), past)));
    assertEquals(0L, redis.command("EXISTS", "app:users:k"));
    assertEquals(WriteStatus.CREATED, await(store.put(k, utf8("w"), clock.millis())));
    assertTrue(await(store.putIfAbsent(k, utf8("w"), past)));
    assertNull(await(store.getAndPut(k, utf8("w"), past)));

    assertEquals(0L, redis.command("EXISTS", "app:users:k"));
  }

  @Test
  void getAndPut_withExpireAtAlreadyPassed_returnsAndRemovesTheOldEntry() throws Exception {
    byte[] k = key(store, "k");
    await(store.put(k, utf8("old"), ETERNAL));

    StoreEntry<Object> old = await(store.getAndPut(k, utf8("new"), clock.millis() - 5));

    assertEquals("old", text(old.value()));
    assertEquals(0L, redis.command("EXISTS", "app:users:k"));
  }

  @Test
  void touch_rewritesVersionAndExpiryInPlace_andSetsTheRedisTtl() throws Exception {
    byte[] k = key(store, "k");
    await(store.put(k, utf8("payload"), ETERNAL));
    StoreEntry<Object> before = await(store.get(k));
    long expireAt = clock.millis() + 30_000;

    assertTrue(await(store.touch(k, before.version(), expireAt)));

    StoreEntry<Object> after = await(store.get(k));
    assertEquals("payload", text(after.value()));
    assertEquals(expireAt, after.expireAt());
    assertFalse(before.version().equals(after.version()), "a touch is a write: new version");
    long ttl = (Long) redis.command("PTTL", "app:users:k");
    assertTrue(ttl > 28_000 && ttl <= 30_000, "PTTL " + ttl);
  }

  @Test
  void replace_toExpireAtAlreadyPassed_removesTheEntry() throws Exception {
    byte[] k = key(store, "k");
    await(store.put(k, utf8("v"), ETERNAL));
    Object version = await(store.get(k)).version();

    assertTrue(await(store.replace(k, version, utf8("w"), clock.millis() - 1)));

    assertEquals(0L, redis.command("EXISTS", "app:users:k"));
  }

  @Test
  void conditionalWrites_withAForeignVersionToken_failWithoutARoundTrip() throws Exception {
    byte[] k = key(store, "k");
    await(store.put(k, utf8("v"), ETERNAL));

    assertFalse(await(store.replace(k, "not a version", utf8("w"), ETERNAL)));
    assertFalse(await(store.remove(k, new Object())));
    assertFalse(await(store.touch(k, 42, ETERNAL)));

    assertEquals("v", text(await(store.get(k)).value()));
  }

  @Test
  void replace_afterScriptFlush_reloadsTheScript() throws Exception {
    byte[] k = key(store, "k");
    await(store.put(k, utf8("v"), ETERNAL));
    await(store.replace(k, await(store.get(k)).version(), utf8("w"), ETERNAL));
    redis.command("SCRIPT", "FLUSH");

    assertTrue(await(store.replace(k, await(store.get(k)).version(), utf8("x"), ETERNAL)));

    assertEquals("x", text(await(store.get(k)).value()));
  }

  // ------------------------------------------------------------------------- foreign data

  @Test
  void get_valueWrittenByAnotherProgram_failsNamingTheKey_andOtherKeysStillRead()
      throws Exception {
    byte[] good = key(store, "good");
    await(store.put(good, utf8("fine"), ETERNAL));
    redis.command("SET", "app:users:bad", "hello");

    RedisStoreException e = failure(store.get(key(store, "bad")));

    assertTrue(e.getMessage().contains("\"app:users:bad\""), e.getMessage());
    assertTrue(e.getMessage().contains("not written by Polycache"), e.getMessage());
    assertTrue(e.getMessage().contains("Cache 'users'"), e.getMessage());
    assertEquals("fine", text(await(store.get(good)).value()));
    assertEquals("hello", redis.command("GET", "app:users:bad"), "the foreign value is untouched");
  }

  @Test
  void getAll_includingAForeignValue_failsNamingThatKey() throws Exception {
    byte[] good = key(store, "good");
    await(store.put(good, utf8("fine"), ETERNAL));
    redis.command("SET", "app:users:bad", "hello");

    RedisStoreException e = failure(store.getAll(List.of(good, key(store, "bad"))));

    assertTrue(e.getMessage().contains("\"app:users:bad\""), e.getMessage());
  }

  @Test
  void get_foreignValueUnderABinaryKey_namesTheKeyInHex() throws Exception {
    byte[] k = key(store, "x");
    k[k.length - 1] = (byte) 0xFF;
    redis.commandBytes(utf8("SET"), k, utf8("hello"));

    RedisStoreException e = failure(store.get(k));

    assertTrue(e.getMessage().contains("0x6170703a75736572733aff"), e.getMessage());
  }

  @Test
  void get_valueOfANewerFormat_saysSo() throws Exception {
    byte[] k = key(store, "k");
    byte[] raw = StoredValue.encode(1, ETERNAL, utf8("v"));
    raw[1] = 9;
    redis.commandBytes(utf8("SET"), k, raw);

    RedisStoreException e = failure(store.get(k));

    assertTrue(e.getMessage().contains("format 9"), e.getMessage());
  }

  @Test
  void conditionalWrites_onAForeignValue_neverMatchAndLeaveIt() throws Exception {
    byte[] k = key(store, "bad");
    redis.command("SET", "app:users:bad", "hello, world, long enough");

    assertFalse(await(store.replace(k, 0L, utf8("w"), ETERNAL)));
    assertFalse(await(store.remove(k, 0L)));
    assertFalse(await(store.touch(k, 0L, ETERNAL)));

    assertEquals("hello, world, long enough", redis.command("GET", "app:users:bad"));
  }

  @Test
  void get_keyOfAnotherType_failsQuotingRedisAnswer() throws Exception {
    redis.command("HSET", "app:users:h", "field", "value");

    RedisStoreException e = failure(store.get(key(store, "h")));

    assertTrue(e.getMessage().contains("WRONGTYPE"), e.getMessage());
    assertTrue(e.getMessage().contains(redis.address()), e.getMessage());
  }

  // ------------------------------------------------------------------------ keys and clear

  @Test
  void clear_leavesOtherCachesNamespacesAndForeignKeysAlone() throws Exception {
    RedisStore otherCache = backend.open(spec("app", "orders"));
    RedisStore longerName = backend.open(spec("app", "users2"));
    RedisStore otherNamespace = backend.open(spec("other", "users"));
    for (RedisStore s : List.of(store, otherCache, longerName, otherNamespace)) {
      for (int i = 0; i < 300; i++) {
        await(s.put(key(s, "k" + i), utf8("v"), ETERNAL));
      }
    }
    redis.command("SET", "foreign", "x");
    redis.command("SET", "app:users", "no trailing colon");

    await(store.clear());

    assertEquals(0L, redis.command("EXISTS", "app:users:k0"));
    assertEquals(0, count(store));
    assertEquals("x", redis.command("GET", "foreign"));
    assertEquals("no trailing colon", redis.command("GET", "app:users"));
    for (RedisStore s : List.of(otherCache, longerName, otherNamespace)) {
      assertEquals(300, count(s), s.toString());
    }
    assertEquals(300L * 3 + 2, redis.command("DBSIZE"));
  }

  @Test
  void keys_pagesNeverExceedTheLimit_andListOnlyThisCache() throws Exception {
    RedisStore other = backend.open(spec("app", "orders"));
    for (int i = 0; i < 250; i++) {
      await(store.put(key(store, "k" + i), utf8("v"), ETERNAL));
      await(other.put(key(other, "k" + i), utf8("v"), ETERNAL));
    }

    Set<String> listed = new HashSet<>();
    Object cursor = null;
    do {
      KeyPage<Object> page = await(store.keys(cursor, 7));
      assertTrue(page.keys().size() <= 7, "page of " + page.keys().size());
      for (Object k : page.keys()) {
        assertTrue(listed.add(text(k)), "listed twice: " + text(k));
      }
      cursor = page.next();
    } while (cursor != null);

    assertEquals(250, listed.size());
    assertTrue(listed.stream().allMatch(k -> k.startsWith("app:users:k")), listed.toString());
  }

  @Test
  void keys_cursorOfAnotherStore_isRefused() throws Exception {
    RedisStore other = backend.open(spec("app", "orders"));
    for (int i = 0; i < 5; i++) {
      await(other.put(key(other, "k" + i), utf8("v"), ETERNAL));
    }
    Object foreignCursor = await(other.keys(null, 1)).next();
    assertNotNull(foreignCursor);

    assertThrows(IllegalArgumentException.class, () -> store.keys(foreignCursor, 1));
    assertThrows(IllegalArgumentException.class, () -> store.keys(null, 0));
  }

  @Test
  void closedStore_failsWithAStoreException_andTheBackendServesOthers() throws Exception {
    RedisStore other = backend.open(spec("app", "orders"));

    store.close();

    assertTrue(failure(store.get(key(store, "k"))).getMessage().contains("closed"));
    assertEquals(WriteStatus.CREATED, await(other.put(key(other, "k"), utf8("v"), ETERNAL)));
  }

  @Test
  void open_withoutKeyPrefix_isRefused() {
    StoreSpec spec = new StoreSpec("c", new byte[0], new PolycacheConfiguration<>(), true,
        () -> {});

    assertThrows(IllegalArgumentException.class, () -> backend.open(spec));
  }

  private static int count(RedisStore s) throws Exception {
    List<Object> all = new ArrayList<>();
    Object cursor = null;
    do {
      KeyPage<Object> page = await(s.keys(cursor, 100));
      all.addAll(page.keys());
      cursor = page.next();
    } while (cursor != null);
    return all.size();
  }
}
