package io.polycache.benchmarks.client;

import io.polycache.benchmarks.Dataset.KeySet;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * One target's non-blocking API: each call sends its command and returns the library's own
 * future without waiting. The benchmark keeps many calls in flight and then waits on all of them.
 */
public interface AsyncClient extends AutoCloseable {

  Future<?> get(String key);

  Future<?> put(String key, String value);

  Future<?> getAll(KeySet keys);

  /** Stores every entry before measurement and waits until they are stored; not measured. */
  void preload(Map<String, String> entries);

  @Override
  void close();
}
