package io.polycache.provider.internal;

import io.polycache.provider.event.EventDispatcher;
import io.polycache.provider.expiry.ExpiryCalculator;
import io.polycache.provider.integration.ReadThrough;
import io.polycache.provider.integration.WriteThrough;
import io.polycache.provider.management.CacheStatistics;
import io.polycache.provider.store.Store;
import java.time.Clock;
import java.util.concurrent.Executor;
import javax.cache.Cache;

/** What a {@link CacheCore} is made of; the cache builds it once from its configuration. */
record CoreParts<K, V>(
    Cache<K, V> cache,
    Store<Object, Object> store,
    Codec keys,
    Codec values,
    ExpiryCalculator expiry,
    ReadThrough<K, V> loader,
    WriteThrough<K, V> writer,
    EventDispatcher<K, V> events,
    CacheStatistics stats,
    Clock clock,
    Executor executor) {}
