package io.polycache.provider.store.redis;

import static io.polycache.provider.store.redis.TestSpecs.key;
import static io.polycache.provider.store.redis.TestSpecs.spec;
import static io.polycache.provider.store.redis.TestSpecs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.store.StoreEntry;
import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves each store operation's cost on a standalone server from {@code INFO commandstats}: the
 * commands the server ran during the operation, and nothing else.
 */
@RealServers
class RedisRoundTripTest {

  private static final long ETERNAL = StoreEntry.ETERNAL;

  private final RedisServer redis;
  private RedisBackend backend;
  private RedisStore store;
  private byte[] k;

  RedisRoundTripTest(RedisServer redis) {
    this.redis = redis;
  }

  @BeforeEach
  void open() throws Exception {
    redis.flushAll();
    backend = RedisBackend.create(redis.uri(), null);
    store = backend.open(spec("app", "rt"));
    k = key(store, "k");
    await(store.put(k, utf8("v"), ETERNAL));
    // the scripts are cached on the server from here on, as in any warm application
    await(store.replace(k, await(store.get(k)).version(), utf8("v"), ETERNAL));
    await(store.touch(k, await(store.get(k)).version(), ETERNAL));
    await(store.remove(k, 0L));
  }

  @AfterEach
  void close() {
    backend.close();
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(5, TimeUnit.SECONDS);
  }

  @Test
  void get_isOneGet() throws Exception {
    assertEquals(Map.of("get", 1L), commandsRunBy(() -> store.get(k)));
  }

  @Test
  void get_ofAnAbsentKey_isOneGet() throws Exception {
    assertEquals(Map.of("get", 1L), commandsRunBy(() -> store.get(key(store, "absent"))));
  }

  @Test
  void put_isOneSet() throws Exception {
    assertEquals(Map.of("set", 1L),
        commandsRunBy(() -> store.put(k, utf8("w"), System.currentTimeMillis() + 60_000)));
  }

  @Test
  void putIfAbsent_isOneSet() throws Exception {
    assertEquals(Map.of("set", 1L), commandsRunBy(
        () -> store.putIfAbsent(key(store, "new"), utf8("w"), System.currentTimeMillis() + 60_000)));
  }

  @Test
  void getAndPut_isOneSet() throws Exception {
    assertEquals(Map.of("set", 1L), commandsRunBy(() -> store.getAndPut(k, utf8("w"), ETERNAL)));
  }

  @Test
  void getAll_ofHundredKeys_isOneMget() throws Exception {
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      byte[] each = key(store, "k" + i);
      keys.add(each);
      if (i % 2 == 0) {
        await(store.put(each, utf8("v" + i), ETERNAL));
      }
    }

    assertEquals(Map.of("mget", 1L), commandsRunBy(() -> store.getAll(keys)));
  }

  @Test
  void remove_isOneUnlink() throws Exception {
    assertEquals(Map.of("unlink", 1L), commandsRunBy(() -> store.remove(k)));
  }

  @Test
  void replace_isOneEvalsha() throws Exception {
    Object version = await(store.get(k)).version();

    assertOneScript(commandsRunBy(() -> store.replace(k, version, utf8("w"), ETERNAL)),
        "getrange", "set");
  }

  @Test
  void removeVersion_isOneEvalsha() throws Exception {
    Object version = await(store.get(k)).version();

    assertOneScript(commandsRunBy(() -> store.remove(k, version)), "getrange", "del");
  }

  @Test
  void touch_isOneEvalsha() throws Exception {
    Object version = await(store.get(k)).version();

    assertOneScript(commandsRunBy(
        () -> store.touch(k, version, System.currentTimeMillis() + 60_000)),
        "getrange", "setrange", "pexpire");
  }

  @Test
  void keysPage_isOneScan() throws Exception {
    assertEquals(Map.of("scan", 1L), commandsRunBy(() -> store.keys(null, 10)));
  }

  @Test
  void burstOfGets_reachesTheServerInFewReads() throws Exception {
    int burst = 1_000;
    long readsBefore = serverStat("total_reads_processed");
    List<CompletableFuture<StoreEntry<Object>>> sent = new ArrayList<>(burst);
    for (int i = 0; i < burst; i++) {
      sent.add(store.get(k));
    }
    for (CompletableFuture<StoreEntry<Object>> each : sent) {
      await(each);
    }
    long reads = serverStat("total_reads_processed") - readsBefore;

    assertTrue(reads < burst / 10, "the server read " + burst + " commands in " + reads
        + " reads; commands the client holds together should leave in shared writes");
  }

  @Test
  void writesSentJustBeforeClose_stillReachTheServer() throws Exception {
    int burst = 1_000;
    long expected = (Long) redis.command("DBSIZE") + burst;
    for (int i = 0; i < burst; i++) {
      store.put(key(store, "before-close-" + i), utf8("v"), ETERNAL);
    }
    backend.close();

    // the server may read the closed connection's last bytes after this test's next command
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    long keys = (Long) redis.command("DBSIZE");
    while (keys < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
      keys = (Long) redis.command("DBSIZE");
    }
    assertEquals(expected, keys, "keys on the server after " + burst + " puts and a close");
  }

  /** A counter from the server's {@code INFO stats}. */
  private long serverStat(String name) {
    for (String line : String.valueOf(redis.command("INFO", "stats")).split("\r?\n")) {
      if (line.startsWith(name + ":")) {
        return Long.parseLong(line.substring(name.length() + 1).trim());
      }
    }
    throw new AssertionError("INFO stats has no " + name);
  }

  /**
   * Asserts that the client sent exactly one {@code EVALSHA}. Redis counts the commands a
   * script runs inside the server as well; those are {@code inScript}, once each.
   */
  private static void assertOneScript(Map<String, Long> ran, String... inScript) {
    Map<String, Long> expected = new HashMap<>();
    expected.put("evalsha", 1L);
    for (String command : inScript) {
      expected.put(command, 1L);
    }
    assertEquals(expected, ran);
  }

  /** An operation to measure. */
  private interface Operation {
    CompletableFuture<?> start();
  }

  /** The commands (lower case, with their call counts) the server ran for {@code operation}. */
  private Map<String, Long> commandsRunBy(Operation operation) throws Exception {
    Map<String, Long> before = commandCalls();
    await(operation.start());
    Map<String, Long> after = commandCalls();
    Map<String, Long> delta = new HashMap<>();
    after.forEach((command, calls) -> {
      long ran = calls - before.getOrDefault(command, 0L);
      if (ran != 0 && !command.equals("info")) {
        delta.put(command, ran);
      }
    });
    return delta;
  }

  private Map<String, Long> commandCalls() {
    Map<String, Long> calls = new HashMap<>();
    for (String line : String.valueOf(redis.command("INFO", "commandstats")).split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String command = line.substring("cmdstat_".length(), line.indexOf(':'));
        String stats = line.substring(line.indexOf(':') + 1);
        for (String field : stats.split(",")) {
          if (field.startsWith("calls=")) {
            calls.put(command, Long.parseLong(field.substring("calls=".length())));
          }
        }
      }
    }
    return calls;
  }
}
