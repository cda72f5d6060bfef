package io.polycache.provider.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plays the cache core's part for the contract suite: puts the cache's key prefix in front of
 * every key and takes it off the keys a walk lists. The suite uses the same key for two caches,
 * as the core's user keys are; only the prefix tells the caches apart on a server. Used by
 * the contract tests of every store that keeps bytes.
 */
public final class PrefixedStore implements Store<Object, Object> {

  private final Store<Object, Object> store;
  private final byte[] prefix;

  public PrefixedStore(byte[] prefix, Store<Object, Object> store) {
    this.store = store;
    this.prefix = prefix.clone();
  }

  private byte[] full(Object key) {
    byte[] tail = (byte[]) key;
    byte[] full = Arrays.copyOf(prefix, prefix.length + tail.length);
    System.arraycopy(tail, 0, full, prefix.length, tail.length);
    return full;
  }

  @Override
  public CompletableFuture<StoreEntry<Object>> get(Object key) {
    return store.get(full(key));
  }

  @Override
  public CompletableFuture<List<StoreEntry<Object>>> getAll(List<Object> keys) {
    List<Object> full = new ArrayList<>(keys.size());
    for (Object key : keys) {
      full.add(full(key));
    }
    return store.getAll(full);
  }

  @Override
  public CompletableFuture<WriteStatus> put(Object key, Object value, long expireAt) {
    return store.put(full(key), value, expireAt);
  }

  @Override
  public CompletableFuture<Boolean> putIfAbsent(Object key, Object value, long expireAt) {
    return store.putIfAbsent(full(key), value, expireAt);
  }

  @Override
  public CompletableFuture<Boolean> replace(Object key, Object version, Object value,
      long expireAt) {
    return store.replace(full(key), version, value, expireAt);
  }

  @Override
  public CompletableFuture<StoreEntry<Object>> getAndPut(Object key, Object value,
      long expireAt) {
    return store.getAndPut(full(key), value, expireAt);
  }

  @Override
  public CompletableFuture<Boolean> remove(Object key) {
    return store.remove(full(key));
  }

  @Override
  public CompletableFuture<Boolean> remove(Object key, Object version) {
    return store.remove(full(key), version);
  }

  @Override
  public CompletableFuture<Boolean> touch(Object key, Object version, long expireAt) {
    return store.touch(full(key), version, expireAt);
  }

  @Override
  public CompletableFuture<KeyPage<Object>> keys(Object cursor, int limit) {
    return store.keys(cursor, limit).thenApply(page -> {
      List<Object> stripped = new ArrayList<>(page.keys().size());
      for (Object key : page.keys()) {
        byte[] bytes = (byte[]) key;
        stripped.add(Arrays.copyOfRange(bytes, prefix.length, bytes.length));
      }
      return new KeyPage<>(stripped, page.next());
    });
  }

  @Override
  public CompletableFuture<Void> clear() {
    return store.clear();
  }

  @Override
  public void close() {
    store.close();
  }
}
