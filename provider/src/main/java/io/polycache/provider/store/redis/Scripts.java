package io.polycache.provider.store.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The compare-and-set scripts. Each takes one key and returns 1 when it acted, 0 when the entry
 * was absent or had another version. Each compares the entry's tag ({@code GETRANGE key 0 9}:
 * magic, format and version; see {@link StoredValue}) with {@code ARGV[1]}, so a stale or
 * foreign value never matches and the value itself never travels through the script.
 * {@code ARGV[3]}, where present, is the new time to live in milliseconds as decimal text, or
 * empty for "never expires".
 *
 * <p>A script is sent as {@code EVALSHA}; when the server does not know it (after a restart, a
 * failover or {@code SCRIPT FLUSH}) it is sent once more as {@code EVAL}, which also caches it.
 */
enum Scripts {

  /** {@code ARGV[2]}: the new stored value, header included. */
  REPLACE("""
      if redis.call('GETRANGE', KEYS[1], 0, 9) ~= ARGV[1] then
        return 0
      end
      if ARGV[3] == '' then
        redis.call('SET', KEYS[1], ARGV[2])
      else
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
      end
      return 1
      """),

  /** No further arguments. */
  REMOVE("""
      if redis.call('GETRANGE', KEYS[1], 0, 9) ~= ARGV[1] then
        return 0
      end
      redis.call('DEL', KEYS[1])
      return 1
      """),

  /** {@code ARGV[2]}: the new version and expiry (header bytes 2 to 17), written in place. */
  TOUCH("""
      if redis.call('GETRANGE', KEYS[1], 0, 9) ~= ARGV[1] then
        return 0
      end
      redis.call('SETRANGE', KEYS[1], 2, ARGV[2])
      if ARGV[3] == '' then
        redis.call('PERSIST', KEYS[1])
      else
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
      end
      return 1
      """),

  /**
   * Writes whether or not an entry exists, choosing the expiry by whether one does, and returns
   * the replaced value (or nil). {@code ARGV[1]}: the new stored value with its creation expiry
   * in the header; {@code ARGV[2]}: the creation time to live ({@code x}: do not store,
   * {@code skip}: write only over an existing entry, leaving a foreign value as it is, empty:
   * never expires); {@code ARGV[3]}: the update time to live ({@code keep}: the replaced entry's
   * expiry, {@code x}: remove, empty: never expires); {@code ARGV[4]}: the update expiry as the 8
   * header bytes. A value not written by Polycache counts as no entry.
   */
  UPSERT("""
      local old = redis.call('GET', KEYS[1])
      local ours = old and string.len(old) >= 18 and string.byte(old, 1) == 183
      if ours then
        if ARGV[3] == 'x' then
          redis.call('DEL', KEYS[1])
        elseif ARGV[3] == 'keep' then
          redis.call('SET', KEYS[1], string.sub(ARGV[1], 1, 10) .. string.sub(old, 11, 18)
            .. string.sub(ARGV[1], 19), 'KEEPTTL')
        else
          local value = string.sub(ARGV[1], 1, 10) .. ARGV[4] .. string.sub(ARGV[1], 19)
          if ARGV[3] == '' then
            redis.call('SET', KEYS[1], value)
          else
            redis.call('SET', KEYS[1], value, 'PX', ARGV[3])
          end
        end
      elseif ARGV[2] == 'skip' then
        return old
      elseif ARGV[2] == 'x' then
        if old then
          redis.call('DEL', KEYS[1])
        end
      elseif ARGV[2] == '' then
        redis.call('SET', KEYS[1], ARGV[1])
      else
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
      end
      return old
      """);

  private final byte[] body;
  private final String sha;

  Scripts(String body) {
    this.body = body.getBytes(StandardCharsets.UTF_8);
    this.sha = sha1(this.body);
  }

  /** Runs the script on {@code key}: one {@code EVALSHA}, or two commands if it was unknown. */
  CompletionStage<Boolean> run(RedisClusterAsyncCommands<byte[], byte[]> commands, byte[] key,
      byte[]... args) {
    return this.<Long>eval(commands, ScriptOutputType.INTEGER, key, args)
        .thenApply(result -> result != null && result == 1L);
  }

  /** Runs a script that returns a value, the same way as {@link #run}. */
  CompletionStage<byte[]> runForValue(RedisClusterAsyncCommands<byte[], byte[]> commands,
      byte[] key, byte[]... args) {
    return eval(commands, ScriptOutputType.VALUE, key, args);
  }

  private <T> CompletionStage<T> eval(RedisClusterAsyncCommands<byte[], byte[]> commands,
      ScriptOutputType output, byte[] key, byte[]... args) {
    byte[][] keys = {key};
    CompletableFuture<T> first =
        commands.<T>evalsha(sha, output, keys, args).toCompletableFuture();
    return first.handle((result, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(result);
      }
      if (unwrap(failure) instanceof RedisNoScriptException) {
        return commands.<T>eval(body, output, keys, args).toCompletableFuture();
      }
      return CompletableFuture.<T>failedFuture(unwrap(failure));
    }).thenCompose(stage -> stage);
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
  }

  private static String sha1(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-1", e);
    }
  }
}
