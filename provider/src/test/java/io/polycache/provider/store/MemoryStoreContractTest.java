package io.polycache.provider.store;

import io.polycache.provider.store.memory.MemoryStore;
import io.polycache.provider.store.memory.MemoryStoreOptions;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/**
 * The Store contract on the memory store, in both of its modes: a plain concurrent map, and
 * Caffeine with per-entry expiry on the injected clock.
 */
class MemoryStoreContractTest {

  @Nested
  class PlainMap extends MemoryContract {
    @Override
    boolean expiring() {
      return false;
    }
  }

  @Nested
  class CaffeineExpiring extends MemoryContract {
    @Override
    boolean expiring() {
      return true;
    }
  }

  /** The hooks both modes share: string keys and values, one fresh store per cache name. */
  abstract static class MemoryContract extends LocalStoreContractTest {

    abstract boolean expiring();

    @Override
    protected Store<Object, Object> newStore(Clock clock, String cacheName) {
      return new MemoryStore<>(new MemoryStoreOptions(0, 0, kv -> 1, expiring(), clock, () -> {}));
    }

    @Override
    protected Object key(int i) {
      return "key-" + i;
    }

    @Override
    protected Object value(String text) {
      return text;
    }

    @Override
    protected String text(Object value) {
      return (String) value;
    }
  }
}
