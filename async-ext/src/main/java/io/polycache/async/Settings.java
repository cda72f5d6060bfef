package io.polycache.async;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/** What a {@link CachedFunction.Builder} was told; each cached function keeps its own copy. */
record Settings<K, V>(
    AsyncCache<K, V> cache,
    String name,
    Duration ttl,
    KeyBuilder<? extends K> keys,
    Predicate<? super V> skip,
    Lease lease,
    Executor executor,
    Duration cacheTimeout) {

  /** The cross-JVM lock: where its keys live, how long it is held, how long waiters poll. */
  record Lease(AsyncCache<String, String> locks, Duration duration, Duration maxWait) {}
}
