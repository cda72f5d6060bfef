package io.polycache.provider.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.AsyncCache;
import io.polycache.async.CacheCall;
import io.polycache.async.CacheOperation;
import io.polycache.async.CachePlugin;
import io.polycache.async.HitMissRatioPlugin;
import io.polycache.async.TimingPlugin;
import io.polycache.provider.configuration.PolycacheConfiguration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins see every operation exactly once, through the JCache API and through AsyncCache alike,
 * with the operation, keys, outcome and time; they cannot break an operation; they are attached
 * by configuration (object and file) and reachable by {@code unwrap}.
 */
class PluginWiringTest {

  private static final Set<String> NOT_OPERATIONS = Set.of("iterator", "forEach", "spliterator",
      "getName", "getCacheManager", "getConfiguration", "close", "isClosed", "unwrap",
      "registerCacheEntryListener", "deregisterCacheEntryListener", "synchronous");

  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager(
        URI.create("memory:plugin-wiring-" + UUID.randomUUID()), getClass().getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private Cache<String, Long> cache(CachePlugin... plugins) {
    PolycacheConfiguration<String, Long> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, Long.class);
    for (CachePlugin plugin : plugins) {
      configuration.addPlugin(shared(plugin));
    }
    return manager.createCache("c-" + UUID.randomUUID(), configuration);
  }

  /** A factory handing out one given instance, so the test can read what it recorded. */
  static Factory<CachePlugin> shared(CachePlugin plugin) {
    return () -> plugin;
  }

  @Test
  void everySyncOperation_runsBeforeAndAfterExactlyOnce_notAsAsync() throws Exception {
    Recorder recorder = new Recorder();
    Cache<String, Long> cache = cache(recorder);
    int checked = 0;
    for (Method method : Cache.class.getMethods()) {
      if (NOT_OPERATIONS.contains(method.getName())) {
        continue;
      }
      cache.put("k", 1L);
      recorder.clear();

      invoke(method, cache);

      recorder.assertOneCall(method, false);
      checked++;
    }
    assertEquals(19, checked, "Cache data operations checked");
  }

  @Test
  void everyAsyncOperation_runsBeforeAndAfterExactlyOnce_asAsync() throws Exception {
    Recorder recorder = new Recorder();
    Cache<String, Long> cache = cache(recorder);
    @SuppressWarnings("unchecked")
    AsyncCache<String, Long> async = cache.unwrap(AsyncCache.class);
    int checked = 0;
    for (Method method : AsyncCache.class.getMethods()) {
      if (NOT_OPERATIONS.contains(method.getName())) {
        continue;
      }
      cache.put("k", 1L);
      recorder.clear();

      Object future = invoke(method, async);
      ((CompletableFuture<?>) future).handle((r, e) -> null).get(5, TimeUnit.SECONDS);

      recorder.assertOneCall(method, true);
      checked++;
    }
    assertEquals(28, checked, "AsyncCache operations checked");
  }

  @Test
  void afterHook_seesKeysResultAndElapsedTime() {
    Recorder recorder = new Recorder();
    Cache<String, Long> cache = cache(recorder);
    cache.put("a", 1L);
    cache.put("b", 2L);
    recorder.clear();

    cache.getAll(Set.of("a", "b", "c"));
    async(cache).get("a").join();

    CacheCall getAll = recorder.after.get(0);
    assertEquals(CacheOperation.GET_ALL, getAll.operation());
    assertEquals(Set.of("a", "b", "c"), Set.copyOf(getAll.keys()));
    assertNull(getAll.key());
    assertEquals(Map.of("a", 1L, "b", 2L), getAll.result());
    assertNull(getAll.error());
    assertTrue(getAll.elapsedNanos() > 0);
    assertEquals(cache.getName(), getAll.cacheName());
    CacheCall get = recorder.after.get(1);
    assertEquals("a", get.key());
    assertEquals(1L, get.result());
    assertTrue(get.isAsync());
  }

  @Test
  void failedOperation_reachesAfterWithItsError_syncAndAsync() {
    Recorder recorder = new Recorder();
    Cache<String, Long> cache = cache(recorder);
    EntryProcessor<String, Long, Long> failing = (entry, args) -> {
      throw new IllegalArgumentException("boom");
    };

    assertThrows(EntryProcessorException.class, () -> cache.invoke("k", failing));
    CompletableFuture<Long> async = async(cache).invoke("k", failing);
    assertTrue(async.isCompletedExceptionally());

    assertEquals(2, recorder.after.size());
    for (CacheCall call : recorder.after) {
      assertInstanceOf(EntryProcessorException.class, call.error());
      assertNull(call.result());
    }
  }

  @Test
  void callRefusedByArgumentChecks_reachesNoPlugin() {
    Recorder recorder = new Recorder();
    Cache<String, Long> cache = cache(recorder);

    assertThrows(NullPointerException.class, () -> cache.get(null));
    assertTrue(async(cache).put("k", null).isCompletedExceptionally());

    assertTrue(recorder.before.isEmpty());
    assertTrue(recorder.after.isEmpty());
  }

  @Test
  void throwingPlugin_neverBreaksTheOperation_andTheNextPluginStillRuns() {
    Recorder recorder = new Recorder();
    Cache<String, Long> cache = cache(new Throwing(), recorder);
    @SuppressWarnings("unchecked")
    AsyncCache<String, Long> async = cache.unwrap(AsyncCache.class);

    cache.put("k", 7L);
    assertEquals(7L, cache.get("k"));
    assertEquals(7L, async.get("k").join());
    assertEquals(8L, async.increment("k", 1).join());

    assertEquals(4, recorder.before.size());
    assertEquals(4, recorder.after.size());
  }

  @Test
  void timingPlugin_countsSyncAndAsyncCallsPerOperation() {
    PolycacheConfiguration<String, Long> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, Long.class);
    configuration.addPlugin(TimingPlugin::new);
    Cache<String, Long> cache = manager.createCache("timed", configuration);
    @SuppressWarnings("unchecked")
    AsyncCache<String, Long> async = cache.unwrap(AsyncCache.class);

    cache.put("k", 1L);
    cache.get("k");
    async.get("k").join();
    async.get("missing").join();
    cache.remove("k");
    cache.remove("k", 2L);

    TimingPlugin timing = cache.unwrap(TimingPlugin.class);
    TimingPlugin.Stats gets = timing.stats("get");
    assertEquals(3, gets.count());
    assertTrue(gets.maxNanos() > 0);
    assertTrue(gets.meanNanos() > 0 && gets.meanNanos() <= gets.maxNanos());
    assertEquals(1, timing.stats(CacheOperation.PUT).count());
    assertEquals(2, timing.stats("remove").count());
    assertEquals(1, timing.stats(CacheOperation.REMOVE_IF_EQUAL).count());
    assertEquals(Set.of(CacheOperation.PUT, CacheOperation.GET, CacheOperation.REMOVE,
        CacheOperation.REMOVE_IF_EQUAL), timing.snapshot().keySet());
  }

  @Test
  void hitMissRatioPlugin_countsGetAndGetAllPerKey() {
    HitMissRatioPlugin ratio = new HitMissRatioPlugin();
    Cache<String, Long> cache = cache(ratio);
    cache.put("a", 1L);

    cache.get("a");
    cache.get("b");
    async(cache).getAll(Set.of("a", "b", "c")).join();

    assertEquals(2, ratio.hits());
    assertEquals(3, ratio.misses());
    assertEquals(0.4, ratio.ratio(), 1e-9);
  }

  @Test
  void unwrap_withoutThatPlugin_isRefused() {
    Cache<String, Long> cache = cache();
    assertThrows(IllegalArgumentException.class, () -> cache.unwrap(TimingPlugin.class));
  }

  @Test
  void closeablePlugin_isClosedWithItsCache() {
    ClosingPlugin plugin = new ClosingPlugin();
    Cache<String, Long> cache = cache(plugin);
    cache.close();
    assertEquals(1, plugin.closed.get());
  }

  @Test
  void failingPluginFactory_failsCreateCacheNamingTheCache() {
    PolycacheConfiguration<String, Long> configuration = new PolycacheConfiguration<>();
    configuration.addPlugin(() -> {
      throw new IllegalStateException("no plugin today");
    });
    CacheException e = assertThrows(CacheException.class,
        () -> manager.createCache("refused", configuration));
    assertTrue(e.getMessage().contains("refused"), e.getMessage());
    assertTrue(e.getMessage().contains("no plugin today"), e.getMessage());
  }

  @Test
  void configurationCopy_keepsThePlugins() {
    PolycacheConfiguration<String, Long> configuration = new PolycacheConfiguration<>();
    Factory<CachePlugin> timing = TimingPlugin::new;
    configuration.setPlugins(List.of(timing));

    PolycacheConfiguration<String, Long> copy = new PolycacheConfiguration<>(configuration);

    assertEquals(List.of(timing), copy.getPlugins());
    assertEquals(configuration, copy);
    assertEquals(configuration.hashCode(), copy.hashCode());
    assertNotEquals(configuration, new PolycacheConfiguration<String, Long>());
    Cache<String, Long> cache = manager.createCache("copied", configuration);
    @SuppressWarnings("unchecked")
    PolycacheConfiguration<String, Long> used =
        cache.getConfiguration(PolycacheConfiguration.class);
    assertFalse(used.getPlugins().isEmpty());
  }

  @Test
  void fileConfiguration_pluginsByClassName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plugins.yaml");
    Files.writeString(file, "backend: memory:file-plugins-" + UUID.randomUUID() + "\n"
        + "caches:\n"
        + "  books:\n"
        + "    keyType: java.lang.String\n"
        + "    valueType: java.lang.String\n"
        + "    plugins:\n"
        + "      - io.polycache.async.TimingPlugin\n"
        + "      - io.polycache.async.HitMissRatioPlugin\n");
    try (CacheManager fromFile = Caching.getCachingProvider().getCacheManager(file.toUri(),
        getClass().getClassLoader())) {
      Cache<String, String> books = fromFile.getCache("books", String.class, String.class);
      books.put("978-1", "Dune");
      books.get("978-1");
      books.get("978-2");

      assertEquals(2, books.unwrap(TimingPlugin.class).stats("get").count());
      assertEquals(1, books.unwrap(HitMissRatioPlugin.class).hits());
    }
  }

  @Test
  void fileConfiguration_notAPlugin_namesTheFileAndPlace(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad-plugin.yaml");
    Files.writeString(file, "caches:\n"
        + "  books:\n"
        + "    plugins: [io.polycache.async.TimingPlugin, java.lang.String]\n");
    CacheException e = assertThrows(CacheException.class, () -> Caching.getCachingProvider()
        .getCacheManager(file.toUri(), getClass().getClassLoader()));
    assertTrue(e.getMessage().contains("bad-plugin.yaml"), e.getMessage());
    assertTrue(e.getMessage().contains("caches.books.plugins[1]"), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.String is not a io.polycache.async.CachePlugin"),
        e.getMessage());
  }

  // ---------------------------------------------------------------------------- helpers

  @SuppressWarnings("unchecked")
  static <K, V> AsyncCache<K, V> async(Cache<K, V> cache) {
    return cache.unwrap(AsyncCache.class);
  }

  /** Calls {@code method} on {@code target} with sample arguments; failures are fine. */
  private static Object invoke(Method method, Object target) throws IllegalAccessException {
    Type[] types = method.getGenericParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = sample(types[i], method.getParameterTypes()[i]);
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      return null;
    }
  }

  private static Object sample(Type type, Class<?> erased) {
    if (type instanceof TypeVariable) {
      return ((TypeVariable<?>) type).getName().equals("K") ? "k" : (Object) 2L;
    }
    if (erased == Set.class) {
      return Set.of("k", "other");
    }
    if (erased == Map.class) {
      return Map.of("k", 3L);
    }
    if (erased == boolean.class) {
      return true;
    }
    if (erased == long.class) {
      return 1L;
    }
    if (erased == Duration.class) {
      return Duration.ofMinutes(1);
    }
    if (erased == String.class) {
      return "k";
    }
    if (erased == CompletionListener.class) {
      return null;
    }
    if (erased == EntryProcessor.class) {
      return (EntryProcessor<String, Long, Long>) (entry, args) -> entry.getValue();
    }
    if (erased == Object[].class) {
      return new Object[0];
    }
    throw new AssertionError("no sample for " + type);
  }

  /** Records every hook call. */
  static final class Recorder implements CachePlugin {
    final List<CacheCall> before = new CopyOnWriteArrayList<>();
    final List<CacheCall> after = new CopyOnWriteArrayList<>();

    @Override
    public void before(CacheCall call) {
      before.add(call);
    }

    @Override
    public void after(CacheCall call) {
      after.add(call);
    }

    void clear() {
      before.clear();
      after.clear();
    }

    void assertOneCall(Method method, boolean async) {
      String name = method.getName() + "/" + method.getParameterCount();
      assertEquals(1, before.size(), name + " before: " + before);
      assertEquals(1, after.size(), name + " after: " + after);
      CacheCall call = after.get(0);
      assertSame(before.get(0), call, name);
      assertEquals(method.getName(), call.operation().methodName(), name);
      assertEquals(async, call.isAsync(), name);
      assertTrue(call.elapsedNanos() > 0, name);
      Collection<?> keys = call.keys();
      switch (call.operation().scope()) {
        case KEY:
          assertEquals(List.of("k"), List.copyOf(keys), name);
          break;
        case KEYS:
          assertFalse(keys.isEmpty(), name);
          break;
        default:
          assertTrue(keys.isEmpty(), name);
      }
      if (method.getName().equals("remove") && method.getParameterCount() == 2) {
        assertEquals(CacheOperation.REMOVE_IF_EQUAL, call.operation());
      }
      if (method.getName().equals("replace")) {
        boolean ifEqual = method.getParameterCount() == 3
            && method.getParameterTypes()[2] != Duration.class;
        assertEquals(ifEqual ? CacheOperation.REPLACE_IF_EQUAL : CacheOperation.REPLACE,
            call.operation(), name);
      }
      if (method.getName().equals("removeAll") && method.getParameterCount() == 0) {
        assertEquals(CacheOperation.REMOVE_ALL_ENTRIES, call.operation());
      }
    }
  }

  /** Fails in every hook. */
  static final class Throwing implements CachePlugin {
    @Override
    public void before(CacheCall call) {
      throw new IllegalStateException("before fails");
    }

    @Override
    public void after(CacheCall call) {
      throw new IllegalStateException("after fails");
    }
  }

  static final class ClosingPlugin implements CachePlugin, AutoCloseable {
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }
}
