package io.polycache.provider.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.AsyncCache;
import io.polycache.async.CacheCall;
import io.polycache.async.CacheOperation;
import io.polycache.async.CachePlugin;
import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;

/**
 * On Redis and Memcached, where futures complete on I/O threads: every call is seen once, and
 * {@code after} hooks never run on an I/O thread; an async future completes after its hooks.
 */
@RealServers
class RemotePluginTest {

  @Test
  void redis_hooksRunOncePerCall_andNeverOnAnIoThread(RedisServer redis) throws Exception {
    check(redis.uri());
  }

  @Test
  void memcached_hooksRunOncePerCall_andNeverOnAnIoThread(MemcachedServer memcached)
      throws Exception {
    check(memcached.uri());
  }

  private void check(URI server) throws Exception {
    ThreadRecorder recorder = new ThreadRecorder();
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(server,
        getClass().getClassLoader())) {
      PolycacheConfiguration<String, String> configuration = new PolycacheConfiguration<>();
      configuration.setTypes(String.class, String.class);
      configuration.addPlugin(() -> recorder);
      Cache<String, String> cache = manager.createCache("plugins-" + UUID.randomUUID(),
          configuration);
      AsyncCache<String, String> async = PluginWiringTest.async(cache);

      cache.put("a", "1");
      cache.get("a");
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(async.get("a"));
        calls.add(async.put("k" + i, "v"));
      }
      calls.add(async.getAll(Set.of("a", "k1")));
      for (CompletableFuture<?> call : calls) {
        call.get(10, TimeUnit.SECONDS);
      }

      assertEquals(2 + calls.size(), recorder.after.size(),
          "one after per call, the hook done when the future is");
      assertEquals(recorder.before.size(), recorder.after.size());
      assertEquals(200, recorder.after.stream()
          .filter(c -> c.operation() == CacheOperation.GET && c.isAsync()).count());
      for (String thread : recorder.threads) {
        assertFalse(thread.toLowerCase().contains("lettuce")
            || thread.toLowerCase().contains("eventloop")
            || thread.startsWith("Memcached IO"), "an after hook ran on " + thread);
      }
      assertTrue(recorder.after.stream().allMatch(c -> c.error() == null));
    }
  }

  static final class ThreadRecorder implements CachePlugin {
    final List<CacheCall> before = new CopyOnWriteArrayList<>();
    final List<CacheCall> after = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void before(CacheCall call) {
      before.add(call);
    }

    @Override
    public void after(CacheCall call) {
      after.add(call);
      threads.add(Thread.currentThread().getName());
    }
  }
}
