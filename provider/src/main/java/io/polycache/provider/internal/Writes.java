package io.polycache.provider.internal;

import io.polycache.provider.event.EntryEvent;
import io.polycache.provider.expiry.ExpiryCalculator;
import io.polycache.provider.store.Change;
import io.polycache.provider.store.StoreEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The mutating operations of one cache, each an atomic {@link Op} on one key: it reads the live
 * entry, calls the writer and the expiry policy exactly as the spec asks, decides the change and
 * records statistics and events, which {@link CacheCore#finish} applies once the change is made.
 * A writer failure aborts the op before anything is stored.
 */
final class Writes<K, V> {

  private final CacheCore<K, V> core;
  private final SingleStep<K, V> single;

  Writes(CacheCore<K, V> core) {
    this.core = core;
    this.single = new SingleStep<>(core);
  }

  private <R> CompletableFuture<R> timed(CompletableFuture<R> result, Timing timing) {
    long start = core.stats.start();
    return start == 0 ? result : result.whenComplete((r, e) -> timing.record(core, start));
  }

  /** Runs {@code step} now; a check or writer failure it throws fails the returned future. */
  private static <R> CompletableFuture<R> attempt(
      java.util.function.Supplier<CompletableFuture<R>> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private boolean listening() {
    return core.listening();
  }

  /** The expiry time for writing over {@code live} at {@code now} (update rules). */
  private long updateExpiry(StoreEntry<Object> live, long now) {
    long at = core.expiry.forUpdate(now);
    return at == ExpiryCalculator.UNCHANGED ? live.expireAt() : at;
  }

  /** The expiry time a per-call time-to-live gives a write at {@code now}. */
  static long ttlExpiry(Duration ttl, long now) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("a time-to-live must not be negative: " + ttl);
    }
    long millis = ttl.toMillis();
    long at = now + millis;
    return at < now || at >= StoreEntry.ETERNAL ? StoreEntry.ETERNAL - 1 : at;
  }

  /** Creates or updates: the shared body of put, getAndPut and putAll's per-key step. */
  private Change<Object> write(Op<K, V, ?> op, StoreEntry<Object> live, long now, V value,
      Object storeValue) {
    return write(op, live, now, value, storeValue, null);
  }

  /**
   * Creates or updates; a non-null {@code ttl} replaces the expiry policy for this write (the
   * policy is then not called).
   */
  private Change<Object> write(Op<K, V, ?> op, StoreEntry<Object> live, long now, V value,
      Object storeValue, Duration ttl) {
    if (live == null) {
      long at = ttl != null ? ttlExpiry(ttl, now) : core.expiry.forCreation(now);
      if (at > now) {
        op.puts = 1;
        if (listening()) {
          op.event(EntryEvent.created(core.cache, op.key, value));
        }
      }
      return Change.write(storeValue, at);
    }
    op.puts = 1;
    if (listening()) {
      op.event(EntryEvent.updated(core.cache, op.key, value, core.value(live, op.key)));
    }
    return Change.write(storeValue, ttl != null ? ttlExpiry(ttl, now) : updateExpiry(live, now));
  }

  private <R> CompletableFuture<R> run(K key, Object storeKey, Op<K, V, R> op, Timing timing) {
    long start = core.stats.start();
    CompletableFuture<R> result = core.finish(core.mutator.run(storeKey, op));
    return start == 0 ? result : result.whenComplete((r, e) -> timing.record(core, start));
  }

  /** Which average an operation's time goes to. */
  enum Timing {
    GET, PUT, REMOVE, GET_AND_PUT, GET_AND_REMOVE;

    void record(CacheCore<?, ?> core, long start) {
      switch (this) {
        case GET:
          core.stats.recordGetTime(start);
          break;
        case PUT:
          core.stats.recordPutTime(start);
          break;
        case REMOVE:
          core.stats.recordRemoveTime(start);
          break;
        case GET_AND_PUT:
          core.stats.recordGetTime(start);
          core.stats.recordPutTime(start);
          break;
        default:
          core.stats.recordGetTime(start);
          core.stats.recordRemoveTime(start);
          break;
      }
    }
  }

  /**
   * {@code put} on a local store, on the caller's thread without futures. With every entry
   * eternal, no writer and no listener, whether the key held an entry changes nothing, so the
   * value is written without reading the old entry.
   */
  public void putNow(K key, V value) {
    long start = core.stats.start();
    Object storeKey = core.keys.encode(key);
    Object storeValue = core.values.encode(value);
    if (core.expiry.isEternal() && !core.writer.isActive() && !listening()) {
      core.store.putNow(storeKey, storeValue, StoreEntry.ETERNAL);
      core.stats.record(0, 0, 1, 0);
      if (start != 0) {
        core.stats.recordPutTime(start);
      }
      return;
    }
    Op<K, V, Void> op = core.new CoreOp<Void>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        core.writer.write(key, value);
        return write(this, live, now, value, storeValue);
      }
    };
    op.clockFree = core.expiry.isEternal();
    core.finishNow(core.mutator.runNow(storeKey, op));
    if (start != 0) {
      core.stats.recordPutTime(start);
    }
  }

  /** {@code put}; a non-null {@code ttl} replaces the expiry policy for this write. */
  public CompletableFuture<Void> put(K key, V value, Duration ttl) {
    Object storeKey = core.keys.encode(key);
    Object storeValue = core.values.encode(value);
    if (single.applies()) {
      long start = core.stats.start();
      // without the old value, the single step completes with null: no stage to drop it
      @SuppressWarnings("unchecked")
      CompletableFuture<Void> done = (CompletableFuture<Void>) (CompletableFuture<?>) attempt(
          () -> single.put(key, storeKey, value, storeValue, ttl, false));
      return start == 0 ? done : done.whenComplete((r, e) -> Timing.PUT.record(core, start));
    }
    return run(key, storeKey, core.new CoreOp<Void>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        core.writer.write(key, value);
        return write(this, live, now, value, storeValue, ttl);
      }
    }, Timing.PUT);
  }

  /** {@code getAndPut}; a non-null {@code ttl} replaces the expiry policy for this write. */
  public CompletableFuture<V> getAndPut(K key, V value, Duration ttl) {
    Object storeKey = core.keys.encode(key);
    Object storeValue = core.values.encode(value);
    if (single.applies()) {
      return timed(attempt(() -> single.put(key, storeKey, value, storeValue, ttl, true)),
          Timing.GET_AND_PUT);
    }
    return run(key, storeKey, core.new CoreOp<V>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        core.writer.write(key, value);
        if (live == null) {
          misses = 1;
        } else {
          hits = 1;
          result = core.value(live, key);
        }
        return write(this, live, now, value, storeValue, ttl);
      }
    }, Timing.GET_AND_PUT);
  }

  /**
   * {@code putIfAbsent}; a non-null {@code ttl} replaces the expiry policy for the entry it
   * creates.
   */
  public CompletableFuture<Boolean> putIfAbsent(K key, V value, Duration ttl) {
    Object storeKey = core.keys.encode(key);
    Object storeValue = core.values.encode(value);
    if (single.appliesToPutIfAbsent(ttl)) {
      return timed(attempt(() -> single.putIfAbsent(key, storeKey, value, storeValue, ttl)),
          Timing.PUT);
    }
    return run(key, storeKey, core.new CoreOp<Boolean>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        if (live != null) {
          hits = 1;
          result = false;
          return Change.keep();
        }
        misses = 1;
        core.writer.write(key, value);
        result = true;
        return write(this, null, now, value, storeValue, ttl);
      }
    }, Timing.PUT);
  }

  /**
   * {@code putAll}: the writer's {@code writeAll} first; only the entries it wrote are stored,
   * then its failure (if any) is rethrown.
   */
  /** {@code putAll}; a non-null {@code ttl} replaces the expiry policy for every write. */
  public CompletableFuture<Void> putAll(Map<? extends K, ? extends V> entries, Duration ttl) {
    long start = core.stats.start();
    Map<K, V> copy = new LinkedHashMap<>(entries);
    Map<K, Object[]> encoded = new LinkedHashMap<>();
    copy.forEach((k, v) -> encoded.put(k, new Object[] {core.keys.encode(k),
        core.values.encode(v)}));
    Set<K> written = new HashSet<>();
    RuntimeException failure = null;
    try {
      core.writer.writeAll(copy, written);
    } catch (RuntimeException e) {
      failure = e;
    }
    List<CompletableFuture<Void>> all = new ArrayList<>(written.size());
    for (Map.Entry<K, V> entry : copy.entrySet()) {
      K key = entry.getKey();
      if (!written.contains(key)) {
        continue;
      }
      V value = entry.getValue();
      Object[] kv = encoded.get(key);
      if (single.applies()) {
        all.add(single.putWritten(key, kv[0], value, kv[1], ttl));
        continue;
      }
      all.add(core.finish(core.mutator.run(kv[0], core.new CoreOp<Void>(key) {
        @Override
        Change<Object> decide(StoreEntry<Object> live, long now) {
          return write(this, live, now, value, kv[1], ttl);
        }
      })));
    }
    CompletableFuture<Void> stored = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    if (start != 0) {
      stored = stored.whenComplete((r, e) -> core.stats.recordPutTime(start));
    }
    RuntimeException writerFailure = failure;
    return writerFailure == null ? stored : stored.thenCompose(ignored ->
        CompletableFuture.failedFuture(writerFailure));
  }

  public CompletableFuture<Boolean> remove(K key) {
    Object storeKey = core.keys.encode(key);
    if (single.appliesToRemoves()) {
      return timed(attempt(() -> single.remove(key, storeKey)), Timing.REMOVE);
    }
    return run(key, storeKey, core.new CoreOp<Boolean>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        core.writer.delete(key);
        result = live != null;
        if (live == null) {
          return Change.keep();
        }
        removals = 1;
        if (listening()) {
          event(EntryEvent.removed(core.cache, key, core.value(live, key)));
        }
        return Change.delete();
      }
    }, Timing.REMOVE);
  }

  public CompletableFuture<Boolean> remove(K key, V expected) {
    Object storeKey = core.keys.encode(key);
    return run(key, storeKey, core.new CoreOp<Boolean>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        result = false;
        if (live == null) {
          misses = 1;
          return Change.keep();
        }
        hits = 1;
        V current = core.value(live, key);
        if (!current.equals(expected)) {
          long at = core.expiry.forAccess(now);
          return at == ExpiryCalculator.UNCHANGED ? Change.keep() : Change.touch(at);
        }
        core.writer.delete(key);
        result = true;
        removals = 1;
        if (listening()) {
          event(EntryEvent.removed(core.cache, key, current));
        }
        return Change.delete();
      }
    }, Timing.REMOVE);
  }

  public CompletableFuture<V> getAndRemove(K key) {
    Object storeKey = core.keys.encode(key);
    if (single.appliesToRemoves()) {
      return timed(attempt(() -> single.getAndRemove(key, storeKey)), Timing.GET_AND_REMOVE);
    }
    return run(key, storeKey, core.new CoreOp<V>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        core.writer.delete(key);
        if (live == null) {
          misses = 1;
          return Change.keep();
        }
        hits = 1;
        removals = 1;
        result = core.value(live, key);
        if (listening()) {
          event(EntryEvent.removed(core.cache, key, result));
        }
        return Change.delete();
      }
    }, Timing.GET_AND_REMOVE);
  }

  public CompletableFuture<Boolean> replace(K key, V expected, V value) {
    Object storeKey = core.keys.encode(key);
    Object storeValue = core.values.encode(value);
    return run(key, storeKey, core.new CoreOp<Boolean>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        result = false;
        if (live == null) {
          misses = 1;
          return Change.keep();
        }
        hits = 1;
        V current = core.value(live, key);
        if (!current.equals(expected)) {
          long at = core.expiry.forAccess(now);
          return at == ExpiryCalculator.UNCHANGED ? Change.keep() : Change.touch(at);
        }
        core.writer.write(key, value);
        result = true;
        return write(this, live, now, value, storeValue);
      }
    }, Timing.PUT);
  }

  /** {@code replace}; a non-null {@code ttl} replaces the expiry policy for this write. */
  public CompletableFuture<Boolean> replaceExisting(K key, V value, Duration ttl) {
    Object storeKey = core.keys.encode(key);
    Object storeValue = core.values.encode(value);
    if (single.appliesToReplace()) {
      return timed(attempt(() -> single.<Boolean>replace(key, storeKey, value, storeValue, ttl,
          false)), Timing.PUT);
    }
    return run(key, storeKey, core.new CoreOp<Boolean>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        result = live != null;
        if (live == null) {
          misses = 1;
          return Change.keep();
        }
        hits = 1;
        core.writer.write(key, value);
        return write(this, live, now, value, storeValue, ttl);
      }
    }, Timing.PUT);
  }

  public CompletableFuture<V> getAndReplace(K key, V value) {
    Object storeKey = core.keys.encode(key);
    Object storeValue = core.values.encode(value);
    if (single.appliesToReplace()) {
      return timed(attempt(() -> single.<V>replace(key, storeKey, value, storeValue, null,
          true)), Timing.GET_AND_PUT);
    }
    return run(key, storeKey, core.new CoreOp<V>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        if (live == null) {
          misses = 1;
          return Change.keep();
        }
        hits = 1;
        result = core.value(live, key);
        core.writer.write(key, value);
        return write(this, live, now, value, storeValue);
      }
    }, Timing.GET_AND_PUT);
  }

  /**
   * {@code removeAll(keys)}: the writer's {@code deleteAll} first; only the keys it deleted are
   * removed, then its failure (if any) is rethrown.
   */
  public CompletableFuture<Integer> removeAll(Collection<? extends K> requested) {
    long start = core.stats.start();
    List<K> keyList = new ArrayList<>(new LinkedHashSet<K>(requested));
    if (keyList.isEmpty()) {
      return CompletableFuture.completedFuture(0);
    }
    Set<K> deleted = new HashSet<>();
    RuntimeException failure = null;
    try {
      core.writer.deleteAll(keyList, deleted);
    } catch (RuntimeException e) {
      failure = e;
    }
    List<CompletableFuture<Boolean>> all = new ArrayList<>();
    for (K key : keyList) {
      if (!deleted.contains(key)) {
        continue;
      }
      all.add(core.finish(core.mutator.run(core.keys.encode(key), core.new CoreOp<Boolean>(key) {
        @Override
        Change<Object> decide(StoreEntry<Object> live, long now) {
          result = live != null;
          if (live == null) {
            return Change.keep();
          }
          removals = 1;
          if (listening()) {
            event(EntryEvent.removed(core.cache, key, core.value(live, key)));
          }
          return Change.delete();
        }
      })));
    }
    CompletableFuture<Integer> removed = CompletableFuture.allOf(
        all.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
          int count = 0;
          for (CompletableFuture<Boolean> one : all) {
            count += one.join() ? 1 : 0;
          }
          return count;
        });
    if (start != 0) {
      removed = removed.whenComplete((r, e) -> core.stats.recordRemoveTime(start));
    }
    RuntimeException writerFailure = failure;
    return writerFailure == null ? removed : removed.thenCompose(ignored ->
        CompletableFuture.failedFuture(writerFailure));
  }

  /** {@code removeAll()}: every live key, with the writer and events of {@code removeAll(keys)}. */
  public CompletableFuture<Integer> removeAll() {
    return core.liveKeys().thenCompose(this::removeAll);
  }

  /** Removes the live entries whose key as text starts with {@code prefix}; counts them. */
  public CompletableFuture<Integer> removeByPrefix(String prefix) {
    return core.liveKeys().thenCompose(keys -> {
      List<K> matching = new ArrayList<>();
      for (K key : keys) {
        if (String.valueOf(key).startsWith(prefix)) {
          matching.add(key);
        }
      }
      return removeAll(matching);
    });
  }

  /**
   * Adds {@code delta} to the number under {@code key} (creating it when absent) in one atomic
   * op, with the writer, events and statistics of a put.
   */
  public CompletableFuture<Long> increment(K key, long delta, Class<?> valueType) {
    Object storeKey = core.keys.encode(key);
    return run(key, storeKey, core.new CoreOp<Long>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        Object current = live == null ? null : core.value(live, key);
        long next;
        if (current == null) {
          misses = 1;
          next = delta;
        } else if (current instanceof Long || current instanceof Integer
            || current instanceof Short || current instanceof Byte) {
          hits = 1;
          next = Math.addExact(((Number) current).longValue(), delta);
        } else {
          throw new ClassCastException("Cache " + core.name + ": the value under " + key
              + " is a " + current.getClass().getName() + ", not a whole number");
        }
        result = next;
        @SuppressWarnings("unchecked")
        V value = (V) (valueType == Integer.class || current instanceof Integer
            ? (Object) Integer.valueOf(Math.toIntExact(next)) : (Object) Long.valueOf(next));
        core.writer.write(key, value);
        return write(this, live, now, value, core.values.encode(value));
      }
    }, Timing.PUT);
  }

  /**
   * Sets one entry's expiry to {@code ttl} from now ({@code null}: never); completes with
   * whether there was an entry. Calls no expiry policy and fires no event.
   */
  public CompletableFuture<Boolean> expire(K key, Duration ttl) {
    Object storeKey = core.keys.encode(key);
    return run(key, storeKey, core.new CoreOp<Boolean>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        result = live != null;
        if (live == null) {
          return Change.keep();
        }
        return Change.touch(ttl == null ? StoreEntry.ETERNAL : ttlExpiry(ttl, now));
      }
    }, Timing.PUT);
  }

  /** {@code invoke}: the processor runs inside the atomic op, on a {@link MutableEntryImpl}. */
  public <T> CompletableFuture<T> invoke(K key,
      Function<MutableEntryImpl<K, V>, T> processor) {
    Object storeKey = core.keys.encode(key);
    return run(key, storeKey, core.new CoreOp<T>(key) {
      @Override
      Change<Object> decide(StoreEntry<Object> live, long now) {
        MutableEntryImpl<K, V> entry = new MutableEntryImpl<>(key,
            live == null ? null : core.value(live, key), core.loader);
        result = processor.apply(entry);
        if (live == null) {
          misses = 1;
        } else {
          hits = 1;
        }
        return apply(this, entry, live, now);
      }
    }, Timing.GET);
  }

  private Change<Object> apply(Op<K, V, ?> op, MutableEntryImpl<K, V> entry,
      StoreEntry<Object> live, long now) {
    K key = op.key;
    switch (entry.operation()) {
      case ACCESS: {
        long at = core.expiry.forAccess(now);
        return at == ExpiryCalculator.UNCHANGED ? Change.keep() : Change.touch(at);
      }
      case LOAD: {
        long at = core.expiry.forCreation(now);
        if (at > now && listening()) {
          op.event(EntryEvent.created(core.cache, key, entry.getValue()));
        }
        return Change.write(core.values.encode(entry.getValue()), at);
      }
      case CREATE:
      case UPDATE: {
        V value = entry.getValue();
        core.writer.write(key, value);
        return write(op, live, now, value, core.values.encode(value));
      }
      case REMOVE: {
        core.writer.delete(key);
        if (live == null) {
          return Change.keep();
        }
        op.removals = 1;
        if (listening()) {
          op.event(EntryEvent.removed(core.cache, key, core.value(live, key)));
        }
        return Change.delete();
      }
      default:
        return Change.keep();
    }
  }
}
