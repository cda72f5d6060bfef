package io.polycache.benchmarks.client;

import io.polycache.benchmarks.Dataset.KeySet;
import java.util.Map;

/**
 * One target's blocking API, reduced to the four calls the workloads make. Each implementation
 * calls its library the way that library's own documentation does; results are returned in the
 * library's own shape so nothing is converted on the measured path.
 */
public interface SyncClient extends AutoCloseable {

  Object get(String key);

  void put(String key, String value);

  Object getAll(KeySet keys);

  /** Stores every entry before measurement; not measured. */
  void preload(Map<String, String> entries);

  @Override
  void close();
}
