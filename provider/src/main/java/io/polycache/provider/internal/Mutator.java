package io.polycache.provider.internal;

import io.polycache.provider.store.Change;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreEntry;
import io.polycache.provider.store.StoreException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs an {@link Op} atomically against a store. A local store runs it inside its own atomic
 * compute, exactly once, on the caller's thread. A remote store gets read + compare-and-set on
 * the entry's version, retried on conflict; the op then runs on the executor, never on the
 * store's I/O thread.
 *
 * <p>Normalization happens here, once for every backend: an entry whose new expiry time has
 * already passed is removed rather than written, and an expired entry the op leaves alone is
 * cleaned up.
 */
final class Mutator {

  private static final int MAX_ATTEMPTS = 100;
  private static final CompletableFuture<Boolean> TRUE = CompletableFuture.completedFuture(true);

  private final Store<Object, Object> store;
  private final Clock clock;
  private final Executor executor;
  private final String cacheName;

  Mutator(Store<Object, Object> store, Clock clock, Executor executor, String cacheName) {
    this.store = store;
    this.clock = clock;
    this.executor = executor;
    this.cacheName = cacheName;
  }

  /** Runs {@code op} on {@code key}; completes with the op, whose last run made the change. */
  <K, V, R> CompletableFuture<Op<K, V, R>> run(Object key, Op<K, V, R> op) {
    if (store.isLocal()) {
      try {
        store.compute(key, raw -> decide(op, raw));
        return CompletableFuture.completedFuture(op);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return attempt(key, op, 1);
  }

  /** Runs {@code op} on a local store, on the caller's thread; failures are thrown. */
  <K, V, R> Op<K, V, R> runNow(Object key, Op<K, V, R> op) {
    store.compute(key, raw -> decide(op, raw));
    return op;
  }

  private <K, V, R> CompletableFuture<Op<K, V, R>> attempt(Object key, Op<K, V, R> op,
      int attempt) {
    return store.get(key).thenComposeAsync(raw -> {
      Change<Object> change = decide(op, raw);
      return apply(key, raw, change).thenCompose(done -> {
        if (done) {
          return CompletableFuture.completedFuture(op);
        }
        if (attempt >= MAX_ATTEMPTS) {
          return CompletableFuture.failedFuture(new StoreException("Cache " + cacheName
              + ": gave up after " + MAX_ATTEMPTS + " conflicting concurrent updates of one key"));
        }
        return attempt(key, op, attempt + 1);
      });
    }, executor);
  }

  private <K, V, R> Change<Object> decide(Op<K, V, R> op, StoreEntry<Object> raw) {
    long now = op.clockFree && (raw == null || raw.expireAt() == StoreEntry.ETERNAL)
        ? 0L : clock.millis();
    op.begin();
    StoreEntry<Object> live = raw == null || raw.isExpiredAt(now) ? null : raw;
    if (raw != null && live == null) {
      op.expired(raw);
    }
    Change<Object> change = op.decide(live, now);
    if (change instanceof Change.Write<Object> write && write.expireAt() <= now
        || change instanceof Change.Touch<Object> touch && touch.expireAt() <= now
        || change == Change.keep() && raw != null && live == null) {
      return raw == null ? Change.keep() : Change.delete();
    }
    return change;
  }

  private CompletableFuture<Boolean> apply(Object key, StoreEntry<Object> raw,
      Change<Object> change) {
    if (change instanceof Change.Write<Object> write) {
      return raw == null ? store.putIfAbsent(key, write.value(), write.expireAt())
          : store.replace(key, raw.version(), write.value(), write.expireAt());
    }
    if (raw == null) {
      return TRUE;
    }
    if (change instanceof Change.Touch<Object> touch) {
      return store.touch(key, raw.version(), touch.expireAt());
    }
    if (change instanceof Change.Delete) {
      return store.remove(key, raw.version());
    }
    return TRUE;
  }
}
