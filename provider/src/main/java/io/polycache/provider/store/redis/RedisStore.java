package io.polycache.provider.store.redis;

import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.polycache.provider.store.KeyPage;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreEntry;
import io.polycache.provider.store.StoreException;
import io.polycache.provider.store.WriteStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The store of one cache in Redis: one Redis string per entry, under the key the core passes
 * (which starts with the cache's prefix), holding a {@link StoredValue} header (version and
 * absolute expiry) and the value bytes. Redis' own expiry is set to the same moment, so Redis
 * drops expired entries by itself.
 *
 * <p>Round trips per operation: {@code get} one {@code GET}; {@code getAll} one {@code MGET}
 * (on a cluster Lettuce sends one {@code MGET} per hash slot, pipelined per node);
 * {@code put} and {@code getAndPut} one {@code SET ... PX ... GET}; {@code putIfAbsent} one
 * {@code SET ... NX PX}; {@code remove} one {@code UNLINK}; {@code replace}, {@code touch} and
 * {@code remove(key, version)} one {@code EVALSHA} of a {@link Scripts compare-and-set script}
 * (plus one {@code EVAL} when the server lost its script cache); {@code keys} at most one
 * {@code SCAN}; {@code clear} one {@code SCAN} per 1,000 keys looked at plus one {@code UNLINK}
 * per batch found (per slot on a cluster).
 *
 * <p>Time: the time to live sent to Redis is {@code expireAt} minus the cache clock's now, so
 * Redis drops an entry when the cache's clock says it expired, whatever Redis' own clock says.
 * A write whose {@code expireAt} has already passed by that clock stores nothing: it removes the
 * key instead ({@code UNLINK}, {@code GETDEL} or the remove script), and {@code putIfAbsent} only
 * checks with {@code EXISTS}. A write never leaves an entry without a Redis expiry unless it is
 * {@link StoreEntry#ETERNAL}.
 *
 * <p>Versions: every write stores a fresh random 64-bit version ({@link ThreadLocalRandom}). A
 * compare-and-set can only be fooled if the same key got the same random version again between
 * the read and the write, a chance of about 2<sup>-64</sup> per conflicting write.
 *
 * <p>Foreign data: a value without the store header (written by another program) makes
 * {@code get} and {@code getAll} fail with a {@link RedisStoreException} that names the key,
 * and never matches a conditional write, so it stays as it was. {@code put} and
 * {@code getAndPut} are plain {@code SET}s and overwrite it ({@code getAndPut} then fails,
 * saying so, as it cannot return the old entry).
 *
 * <p>Futures complete on Lettuce's I/O threads; dependent stages must not block. Every failure
 * is a {@link RedisStoreException} naming the cache, the operation and the server.
 */
public final class RedisStore implements Store<Object, Object> {

  /** Redis expiry is capped here (about 1,000 years); the header keeps the exact expiry. */
  static final long MAX_TTL_MILLIS = 1000L * 365 * 24 * 60 * 60 * 1000;

  private static final long NO_EXPIRY = -1;
  private static final byte[] SKIP_ARGUMENT = "skip".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEEP_ARGUMENT = "keep".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] REMOVE_ARGUMENT = "x".getBytes(StandardCharsets.US_ASCII);
  private static final long ALREADY_EXPIRED = 0;
  private static final byte[] NO_TTL_ARGUMENT = new byte[0];

  private final RedisConnector connector;
  private final String cacheName;
  private final byte[] prefix;
  private final Clock clock;
  private final Failures failures;
  private volatile boolean closed;

  RedisStore(RedisConnector connector, String cacheName, byte[] prefix, Clock clock) {
    this.connector = connector;
    this.cacheName = cacheName;
    this.prefix = prefix.clone();
    this.clock = clock;
    this.failures = new Failures("Cache '" + cacheName + "'", connector.settings());
  }

  /** The bytes every key of this cache starts with. */
  public byte[] keyPrefix() {
    return prefix.clone();
  }

  @Override
  public CompletableFuture<StoreEntry<Object>> get(Object key) {
    byte[] k = bytes(key);
    return execute("get", k, c -> c.get(k), stored -> decode(k, stored));
  }

  @Override
  public CompletableFuture<List<StoreEntry<Object>>> getAll(List<Object> keys) {
    if (keys.isEmpty()) {
      return CompletableFuture.completedFuture(new ArrayList<>());
    }
    byte[][] k = new byte[keys.size()][];
    for (int i = 0; i < k.length; i++) {
      k[i] = bytes(keys.get(i));
    }
    return executeOnLink("getAll", null, link -> link.mget(k), values -> {
      List<StoreEntry<Object>> entries = new ArrayList<>(k.length);
      for (int i = 0; i < k.length; i++) {
        entries.add(decode(k[i], values.get(i)));
      }
      return entries;
    });
  }

  @Override
  public CompletableFuture<WriteStatus> put(Object key, Object value, long expireAt) {
    byte[] k = bytes(key);
    long ttl = ttl(expireAt);
    if (ttl == ALREADY_EXPIRED) {
      return execute("put", k, c -> c.unlink(k),
          removed -> removed > 0 ? WriteStatus.UPDATED : WriteStatus.CREATED);
    }
    byte[] stored = StoredValue.encode(newVersion(), expireAt, bytes(value));
    return execute("put", k,
        c -> ttl == NO_EXPIRY ? c.setGet(k, stored) : c.setGet(k, stored, new SetArgs().px(ttl)),
        old -> old == null ? WriteStatus.CREATED : WriteStatus.UPDATED);
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsent(Object key, Object value, long expireAt) {
    byte[] k = bytes(key);
    long ttl = ttl(expireAt);
    if (ttl == ALREADY_EXPIRED) {
      return execute("putIfAbsent", k, c -> c.exists(k), present -> present == 0);
    }
    byte[] stored = StoredValue.encode(newVersion(), expireAt, bytes(value));
    SetArgs args = ttl == NO_EXPIRY ? new SetArgs().nx() : new SetArgs().nx().px(ttl);
    return execute("putIfAbsent", k, c -> c.set(k, stored, args), "OK"::equals);
  }

  @Override
  public CompletableFuture<StoreEntry<Object>> getAndPut(Object key, Object value,
      long expireAt) {
    byte[] k = bytes(key);
    long ttl = ttl(expireAt);
    if (ttl == ALREADY_EXPIRED) {
      return execute("getAndPut", k, c -> c.getdel(k),
          old -> decodeReplaced(k, old, "it has been removed"));
    }
    byte[] stored = StoredValue.encode(newVersion(), expireAt, bytes(value));
    return execute("getAndPut", k,
        c -> ttl == NO_EXPIRY ? c.setGet(k, stored) : c.setGet(k, stored, new SetArgs().px(ttl)),
        old -> decodeReplaced(k, old, "the new value has replaced it"));
  }

  @Override
  public CompletableFuture<Void> write(Object key, Object value, long expireAt) {
    byte[] k = bytes(key);
    long ttl = ttl(expireAt);
    if (ttl == ALREADY_EXPIRED) {
      return execute("write", k, c -> c.unlink(k), removed -> null);
    }
    byte[] stored = StoredValue.encode(newVersion(), expireAt, bytes(value));
    return execute("write", k,
        c -> ttl == NO_EXPIRY ? c.set(k, stored) : c.set(k, stored, new SetArgs().px(ttl)),
        ok -> null);
  }

  /**
   * One command: {@code SET ... GET} when both expiries are the same time, else one script
   * that picks the expiry by whether an entry exists.
   */
  @Override
  public CompletableFuture<StoreEntry<Object>> getAndPut(Object key, Object value,
      long createExpireAt, long updateExpireAt, long now) {
    if (createExpireAt == updateExpireAt) {
      return getAndPut(key, value, createExpireAt);
    }
    byte[] k = bytes(key);
    byte[] stored = StoredValue.encode(newVersion(), createExpireAt, bytes(value));
    byte[] createTtl = scriptTtl(createExpireAt);
    byte[] updateTtl = updateExpireAt == KEEP_EXPIRY ? KEEP_ARGUMENT : scriptTtl(updateExpireAt);
    byte[] updateHeader = expiryBytes(updateExpireAt);
    return execute("getAndPut", k,
        c -> Scripts.UPSERT.runForValue(c, k, stored, createTtl, updateTtl, updateHeader),
        old -> old == null ? null : decodeReplaced(k, old, "the new value has replaced it"));
  }

  /** One script ({@code UPSERT} that creates nothing): writes only over an existing entry. */
  @Override
  public CompletableFuture<StoreEntry<Object>> getAndReplace(Object key, Object value,
      long updateExpireAt, long now) {
    byte[] k = bytes(key);
    long at = updateExpireAt == KEEP_EXPIRY ? StoreEntry.ETERNAL : updateExpireAt;
    byte[] stored = StoredValue.encode(newVersion(), at, bytes(value));
    byte[] updateTtl = updateExpireAt == KEEP_EXPIRY ? KEEP_ARGUMENT : scriptTtl(updateExpireAt);
    byte[] updateHeader = expiryBytes(at);
    return execute("getAndReplace", k,
        c -> Scripts.UPSERT.runForValue(c, k, stored, SKIP_ARGUMENT, updateTtl, updateHeader),
        old -> old == null ? null : decode(k, old));
  }

  /** One command: {@code GETDEL}. */
  @Override
  public CompletableFuture<StoreEntry<Object>> getAndRemove(Object key) {
    byte[] k = bytes(key);
    return execute("getAndRemove", k, c -> c.getdel(k),
        old -> old == null ? null : decodeReplaced(k, old, "it has been removed"));
  }

  /** Redis expires keys itself at their millisecond deadline (set with PX). */
  @Override
  public boolean expiresExactly() {
    return true;
  }

  /** A time to live for a script: {@code x} when already expired, empty for never. */
  private byte[] scriptTtl(long expireAt) {
    long ttl = ttl(expireAt);
    return ttl == ALREADY_EXPIRED ? REMOVE_ARGUMENT : ttlArgument(ttl);
  }

  private static byte[] expiryBytes(long expireAt) {
    byte[] bytes = new byte[8];
    long v = expireAt == KEEP_EXPIRY ? StoreEntry.ETERNAL : expireAt;
    for (int i = 7; i >= 0; i--) {
      bytes[i] = (byte) v;
      v >>>= 8;
    }
    return bytes;
  }

  @Override
  public CompletableFuture<Boolean> replace(Object key, Object version, Object value,
      long expireAt) {
    byte[] k = bytes(key);
    Objects.requireNonNull(value, "value");
    if (!(version instanceof Long expected)) {
      return CompletableFuture.completedFuture(false);
    }
    long ttl = ttl(expireAt);
    if (ttl == ALREADY_EXPIRED) {
      return removeVersion("replace", k, expected);
    }
    byte[] stored = StoredValue.encode(newVersion(), expireAt, bytes(value));
    return execute("replace", k,
        c -> Scripts.REPLACE.run(c, k, StoredValue.tag(expected), stored, ttlArgument(ttl)),
        acted -> acted);
  }

  @Override
  public CompletableFuture<Boolean> remove(Object key) {
    byte[] k = bytes(key);
    return execute("remove", k, c -> c.unlink(k), removed -> removed > 0);
  }

  @Override
  public CompletableFuture<Boolean> remove(Object key, Object version) {
    byte[] k = bytes(key);
    if (!(version instanceof Long expected)) {
      return CompletableFuture.completedFuture(false);
    }
    return removeVersion("remove", k, expected);
  }

  private CompletableFuture<Boolean> removeVersion(String operation, byte[] k, long expected) {
    return execute(operation, k, c -> Scripts.REMOVE.run(c, k, StoredValue.tag(expected)),
        acted -> acted);
  }

  @Override
  public CompletableFuture<Boolean> touch(Object key, Object version, long expireAt) {
    byte[] k = bytes(key);
    if (!(version instanceof Long expected)) {
      return CompletableFuture.completedFuture(false);
    }
    long ttl = ttl(expireAt);
    if (ttl == ALREADY_EXPIRED) {
      return removeVersion("touch", k, expected);
    }
    byte[] header = StoredValue.versionAndExpiry(newVersion(), expireAt);
    return execute("touch", k,
        c -> Scripts.TOUCH.run(c, k, StoredValue.tag(expected), header, ttlArgument(ttl)),
        acted -> acted);
  }

  @Override
  public CompletableFuture<KeyPage<Object>> keys(Object cursor, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    if (cursor != null && !(cursor instanceof KeyScan.Cursor c && c.owner() == this)) {
      throw new IllegalArgumentException("not a key cursor of this store: " + cursor);
    }
    return withLink("keys", null, link -> {
      KeyScan scan = new KeyScan(link, prefix);
      KeyScan.Cursor from = cursor == null ? scan.start(this) : (KeyScan.Cursor) cursor;
      CompletableFuture<KeyPage<Object>> result = new CompletableFuture<>();
      bounded(scan.page(from, limit)).whenComplete((page, failure) -> {
        if (failure != null) {
          result.completeExceptionally(failures.of("keys", scan.serverOf(from), null, failure));
        } else {
          result.complete(page);
        }
      });
      return result;
    });
  }

  @Override
  public CompletableFuture<Void> clear() {
    return withLink("clear", null, link -> {
      KeyScan scan = new KeyScan(link, prefix);
      CompletableFuture<Void> done = new CompletableFuture<>();
      clearFrom(link, scan, scan.start(this), new ConcurrentLinkedQueue<>(), done);
      return done;
    });
  }

  /**
   * One step of {@link #clear()}: scans on, unlinking what each step found while the next
   * step runs, and completes {@code done} once every node is walked and every unlink answered.
   */
  private void clearFrom(RedisLink link, KeyScan scan, KeyScan.Cursor cursor,
      Queue<CompletableFuture<Long>> unlinks, CompletableFuture<Void> done) {
    if (cursor.nodesDone()) {
      CompletableFuture.allOf(unlinks.toArray(CompletableFuture<?>[]::new))
          .whenComplete((ignored, failure) -> {
            if (failure != null) {
              done.completeExceptionally(failures.of("clear", link.servers(), null, failure));
            } else {
              done.complete(null);
            }
          });
      return;
    }
    bounded(scan.step(cursor, KeyScan.MAX_SCAN_COUNT)).whenComplete((next, failure) -> {
      if (failure != null) {
        done.completeExceptionally(failures.of("clear", scan.serverOf(cursor), null, failure));
        return;
      }
      if (!next.found().isEmpty()) {
        unlinks.add(bounded(link.commands().unlink(next.found().toArray(byte[][]::new))));
      }
      clearFrom(link, scan, new KeyScan.Cursor(next.owner(), next.nodes(), next.node(),
          next.position(), List.of()), unlinks, done);
    });
  }

  /** Marks the store closed; the backend's shared connection stays open. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "RedisStore[cache " + cacheName + ", prefix "
        + new String(prefix, StandardCharsets.UTF_8) + ", " + connector.settings().describe()
        + "]";
  }

  // ------------------------------------------------------------------------------- plumbing

  /** A command sent on the connection. */
  @FunctionalInterface
  private interface Command<T> {
    CompletionStage<T> send(RedisClusterAsyncCommands<byte[], byte[]> commands);
  }

  /** Turns a command's reply into the operation's result; may throw a StoreException. */
  @FunctionalInterface
  private interface Decoder<T, R> {
    R decode(T reply);
  }

  private <T, R> CompletableFuture<R> execute(String operation, byte[] key, Command<T> command,
      Decoder<T, R> decoder) {
    return executeOnLink(operation, key, link -> command.send(link.commands()), decoder);
  }

  /** {@link #execute(String, byte[], Command, Decoder)} of a command the link itself sends. */
  private <T, R> CompletableFuture<R> executeOnLink(String operation, byte[] key,
      Function<RedisLink, CompletionStage<T>> command, Decoder<T, R> decoder) {
    return withLink(operation, key, link -> {
      CompletableFuture<T> sent = command.apply(link).toCompletableFuture();
      CommandDeadline deadline = connector.track(sent);
      return sent.handle((reply, failure) -> {
        deadline.settle();
        if (failure != null) {
          throw failures.of(operation, key == null ? link.servers() : link.serverOf(key), key,
              failure);
        }
        try {
          return decoder.decode(reply);
        } catch (RuntimeException e) {
          throw e instanceof StoreException ? e : failures.of(operation, link.servers(), key, e);
        }
      });
    });
  }

  /**
   * Runs {@code action} on the open link, connecting first if needed; every failure, whether of
   * the connection or of the action itself, completes the result with a StoreException.
   */
  private <R> CompletableFuture<R> withLink(String operation, byte[] key,
      Function<RedisLink, CompletionStage<R>> action) {
    if (closed) {
      return CompletableFuture.failedFuture(new RedisStoreException(
          "Cache '" + cacheName + "': " + operation + " on a closed store"));
    }
    RedisLink link = connector.linkNow();
    if (link != null) {
      return run(operation, link, action);
    }
    CompletableFuture<R> result = new CompletableFuture<>();
    connector.link().whenComplete((opened, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failures.of(operation, connector.settings().servers(), key,
            failure));
        return;
      }
      run(operation, opened, action).whenComplete((value, error) -> {
        if (error != null) {
          result.completeExceptionally(Failures.unwrap(error));
        } else {
          result.complete(value);
        }
      });
    });
    return result;
  }

  private <R> CompletableFuture<R> run(String operation, RedisLink link,
      Function<RedisLink, CompletionStage<R>> action) {
    try {
      return action.apply(link).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failures.of(operation, link.servers(), null, e));
    }
  }

  /** {@code sent}, failed unless it completes within the command timeout. */
  private <T> CompletableFuture<T> bounded(CompletionStage<T> sent) {
    CompletableFuture<T> future = sent.toCompletableFuture();
    connector.track(future);
    return future;
  }

  private RedisEntry decode(byte[] key, byte[] stored) {
    return stored == null ? null : StoredValue.decode(cacheName, key, stored);
  }

  private RedisEntry decodeReplaced(byte[] key, byte[] old, String aftermath) {
    try {
      return decode(key, old);
    } catch (RedisStoreException e) {
      throw new RedisStoreException(e.getMessage() + "; " + aftermath);
    }
  }

  private long ttl(long expireAt) {
    if (expireAt == StoreEntry.ETERNAL) {
      return NO_EXPIRY;
    }
    long now = clock.millis();
    if (expireAt <= now) {
      return ALREADY_EXPIRED;
    }
    long left = expireAt - now;
    return left < 0 || left > MAX_TTL_MILLIS ? MAX_TTL_MILLIS : left;
  }

  private static byte[] ttlArgument(long ttl) {
    return ttl == NO_EXPIRY ? NO_TTL_ARGUMENT
        : Long.toString(ttl).getBytes(StandardCharsets.US_ASCII);
  }

  private static long newVersion() {
    return ThreadLocalRandom.current().nextLong();
  }

  private static byte[] bytes(Object keyOrValue) {
    Objects.requireNonNull(keyOrValue);
    if (keyOrValue instanceof byte[] bytes) {
      return bytes;
    }
    throw new IllegalArgumentException("the Redis store takes byte[] keys and values, not "
        + keyOrValue.getClass().getName());
  }
}
