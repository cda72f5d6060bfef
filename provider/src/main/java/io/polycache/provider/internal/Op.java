package io.polycache.provider.internal;

import io.polycache.provider.event.EntryEvent;
import io.polycache.provider.store.Change;
import io.polycache.provider.store.StoreEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One atomic read-modify-write of one key: given the live entry (or none), it decides the
 * {@link Change} and records its result, statistics and events. A remote store may run
 * {@link #decide} more than once (compare-and-set retries), so every run starts from
 * {@link #begin} and only the last run's record counts.
 */
abstract class Op<K, V, R> {

  final K key;
  /**
   * Set when the op's decision cannot depend on the time (an eternal cache, no per-call TTL):
   * the Mutator then skips reading the clock for an entry that never expires.
   */
  boolean clockFree;
  R result;
  int hits;
  int misses;
  int puts;
  int removals;
  List<EntryEvent<K, V>> events;

  Op(K key) {
    this.key = key;
  }

  /** Clears the record of an earlier run. */
  final void begin() {
    result = null;
    hits = 0;
    misses = 0;
    puts = 0;
    removals = 0;
    if (events != null) {
      events.clear();
    }
  }

  /** Told of an expired entry found in place of a live one, before {@link #decide}. */
  abstract void expired(StoreEntry<Object> raw);

  /** Decides what to do with {@code live}, the unexpired entry or {@code null}. */
  abstract Change<Object> decide(StoreEntry<Object> live, long now);

  final void event(EntryEvent<K, V> event) {
    if (events == null) {
      events = new ArrayList<>(2);
    }
    events.add(event);
  }
}
