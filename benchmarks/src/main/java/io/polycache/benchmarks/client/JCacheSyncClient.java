package io.polycache.benchmarks.client;

import io.polycache.benchmarks.Dataset.KeySet;
import java.util.Map;
import javax.cache.Cache;

/** A {@link javax.cache.Cache} of any provider; closing it closes what opened the cache. */
final class JCacheSyncClient implements SyncClient {

  private final Cache<String, String> cache;
  private final AutoCloseable owner;

  JCacheSyncClient(Cache<String, String> cache, AutoCloseable owner) {
    this.cache = cache;
    this.owner = owner;
  }

  @Override
  public Object get(String key) {
    return cache.get(key);
  }

  @Override
  public void put(String key, String value) {
    cache.put(key, value);
  }

  @Override
  public Object getAll(KeySet keys) {
    return cache.getAll(keys.set());
  }

  @Override
  public void preload(Map<String, String> entries) {
    cache.putAll(entries);
  }

  @Override
  public void close() {
    Closing.close(owner);
  }
}
