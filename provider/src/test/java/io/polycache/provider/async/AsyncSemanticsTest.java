package io.polycache.provider.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.AsyncCache;
import io.polycache.async.HitMissRatioPlugin;
import io.polycache.async.TimingPlugin;
import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.internal.PolycacheCache;
import io.polycache.provider.management.CacheStatistics;
import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CompletionListenerFuture;
import javax.cache.processor.EntryProcessor;
import org.junit.jupiter.api.Test;

/**
 * Every AsyncCache operation obeys its synchronous twin: one scenario runs through the JCache API
 * on one cache and through AsyncCache on another (same configuration: a synchronous listener,
 * statistics, a read-through loader, a write-through writer, an expiry policy); the transcripts
 * (results, events, writer and loader calls, step by step) and the statistics must be equal. On
 * memory, Redis and Memcached.
 */
@RealServers
class AsyncSemanticsTest {

  @Test
  void memory_asyncApiBehavesLikeTheSyncApi() throws Exception {
    compare(URI.create("memory:async-semantics-" + UUID.randomUUID()));
  }

  @Test
  void redis_asyncApiBehavesLikeTheSyncApi(RedisServer redis) throws Exception {
    compare(redis.uri());
  }

  @Test
  void memcached_asyncApiBehavesLikeTheSyncApi(MemcachedServer memcached) throws Exception {
    compare(memcached.uri());
  }

  @Test
  void redis_withPlugins_asyncApiStillBehavesLikeTheSyncApi(RedisServer redis)
      throws Exception {
    compare(redis.uri(), true);
  }

  private void compare(URI uri) throws Exception {
    compare(uri, false);
  }

  private void compare(URI uri, boolean plugins) throws Exception {
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(uri,
        getClass().getClassLoader())) {
      Run sync = new Run(manager, false, plugins);
      Run async = new Run(manager, true, plugins);

      List<String> syncTranscript = sync.scenario();
      List<String> asyncTranscript = async.scenario();

      assertEquals(String.join("\n", syncTranscript), String.join("\n", asyncTranscript));
      assertEquals(sync.statistics(), async.statistics());
      String all = String.join("\n", syncTranscript);
      for (String expected : List.of("CREATED a=1", "UPDATED a=2 (was 1)", "REMOVED c=1",
          "update-expires get u -> null", "write a=1", "delete c", "load db1",
          "loadAll [db3]")) {
        assertTrue(all.contains(expected), "the scenario exercises " + expected + ":\n" + all);
      }
    }
  }

  /** One cache, driven through one of the two APIs, with everything it does recorded. */
  private static final class Run {
    private final Log log = new Log();
    private final Cache<String, String> cache;
    private final Cache<String, String> updateExpires;
    private final Api api;
    private final Api updateExpiresApi;

    private final boolean plugins;

    Run(CacheManager manager, boolean async, boolean plugins) {
      this.plugins = plugins;
      this.cache = manager.createCache("semantics-" + UUID.randomUUID(),
          configuration(new OneHour()));
      this.updateExpires = manager.createCache("update-expires-" + UUID.randomUUID(),
          configuration(new UpdateExpires()));
      this.api = async ? new AsyncApi(PluginWiringTest.async(cache)) : new SyncApi(cache);
      this.updateExpiresApi = async ? new AsyncApi(PluginWiringTest.async(updateExpires))
          : new SyncApi(updateExpires);
    }

    private <P extends ExpiryPolicy & Serializable> PolycacheConfiguration<String, String>
        configuration(P policy) {
      PolycacheConfiguration<String, String> configuration = new PolycacheConfiguration<>();
      configuration.setTypes(String.class, String.class);
      configuration.setStatisticsEnabled(true);
      configuration.setReadThrough(true);
      configuration.setWriteThrough(true);
      configuration.setCacheLoaderFactory(FactoryBuilder.factoryOf(new Loader(log)));
      configuration.setCacheWriterFactory(FactoryBuilder.factoryOf(new Writer(log)));
      configuration.setExpiryPolicyFactory(FactoryBuilder.factoryOf(policy));
      if (plugins) {
        configuration.addPlugin(TimingPlugin::new).addPlugin(HitMissRatioPlugin::new);
      }
      configuration.addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
          FactoryBuilder.factoryOf(new Listener(log)), null, true, true));
      return configuration;
    }

    List<String> scenario() {
      List<String> transcript = new ArrayList<>();
      step(transcript, "put a=1", () -> api.put("a", "1"));
      step(transcript, "get a", () -> api.get("a"));
      step(transcript, "get db1 (loads)", () -> api.get("db1"));
      step(transcript, "get none", () -> api.get("none"));
      step(transcript, "getAndPut a=2", () -> api.getAndPut("a", "2"));
      step(transcript, "putIfAbsent a=3", () -> api.putIfAbsent("a", "3"));
      step(transcript, "putIfAbsent b=1", () -> api.putIfAbsent("b", "1"));
      step(transcript, "getAll", () -> new TreeMap<>(api.getAll(Set.of("a", "b", "db2", "x"))));
      step(transcript, "containsKey a", () -> api.containsKey("a"));
      step(transcript, "containsKey db9", () -> api.containsKey("db9"));
      step(transcript, "replace a 2->4", () -> api.replace("a", "2", "4"));
      step(transcript, "replace a 9->5", () -> api.replace("a", "9", "5"));
      step(transcript, "replace c=1", () -> api.replace("c", "1"));
      step(transcript, "replace a=6", () -> api.replace("a", "6"));
      step(transcript, "getAndReplace a=7", () -> api.getAndReplace("a", "7"));
      step(transcript, "putAll c,d", () -> api.putAll(Map.of("c", "1", "d", "1")));
      step(transcript, "remove c", () -> api.remove("c"));
      step(transcript, "remove d=9", () -> api.remove("d", "9"));
      step(transcript, "remove d=1", () -> api.remove("d", "1"));
      step(transcript, "getAndRemove b", () -> api.getAndRemove("b"));
      step(transcript, "invoke a append", () -> api.invoke("a", (entry, args) -> {
        String old = entry.getValue();
        entry.setValue(old + "x");
        return old;
      }));
      step(transcript, "invoke e create", () -> api.invoke("e", (entry, args) -> {
        boolean existed = entry.exists();
        entry.setValue("new");
        return String.valueOf(existed);
      }));
      step(transcript, "invoke db4 read-through", () -> api.invoke("db4",
          (entry, args) -> entry.getValue()));
      step(transcript, "loadAll db3,a", () -> api.loadAll(Set.of("db3", "a"), false));
      step(transcript, "loadAll db1 replacing", () -> api.loadAll(Set.of("db1"), true));
      step(transcript, "get db3", () -> api.get("db3"));
      step(transcript, "removeAll a,e", () -> api.removeAll(Set.of("a", "e")));
      step(transcript, "removeAll", () -> api.removeAll());
      step(transcript, "get a after removeAll", () -> api.get("a"));
      step(transcript, "update-expires put u=1", () -> updateExpiresApi.put("u", "1"));
      step(transcript, "update-expires put u=2", () -> updateExpiresApi.put("u", "2"));
      step(transcript, "update-expires get u", () -> updateExpiresApi.get("u"));
      step(transcript, "update-expires containsKey u", () -> updateExpiresApi.containsKey("u"));
      return transcript;
    }

    private void step(List<String> transcript, String name, Supplier<Object> op) {
      Object result = op.get();
      transcript.add(name + " -> " + result + " | " + log.drainSorted());
    }

    String statistics() {
      return stats(cache) + " / " + stats(updateExpires);
    }

    private static String stats(Cache<String, String> cache) {
      @SuppressWarnings("unchecked")
      CacheStatistics s = cache.unwrap(PolycacheCache.class).statistics();
      return "hits=" + s.getCacheHits() + " misses=" + s.getCacheMisses() + " gets="
          + s.getCacheGets() + " puts=" + s.getCachePuts() + " removals="
          + s.getCacheRemovals();
    }
  }

  /** The operations of the scenario, through one API or the other. */
  private interface Api {
    String get(String key);

    Map<String, String> getAll(Set<String> keys);

    boolean containsKey(String key);

    String loadAll(Set<String> keys, boolean replace);

    String put(String key, String value);

    String getAndPut(String key, String value);

    String putAll(Map<String, String> entries);

    boolean putIfAbsent(String key, String value);

    boolean remove(String key);

    boolean remove(String key, String value);

    String getAndRemove(String key);

    boolean replace(String key, String oldValue, String newValue);

    boolean replace(String key, String value);

    String getAndReplace(String key, String value);

    String removeAll(Set<String> keys);

    String removeAll();

    String invoke(String key, EntryProcessor<String, String, String> processor);
  }

  private static final class SyncApi implements Api {
    private final Cache<String, String> c;

    SyncApi(Cache<String, String> c) {
      this.c = c;
    }

    @Override
    public String get(String key) {
      return c.get(key);
    }

    @Override
    public Map<String, String> getAll(Set<String> keys) {
      return c.getAll(keys);
    }

    @Override
    public boolean containsKey(String key) {
      return c.containsKey(key);
    }

    @Override
    public String loadAll(Set<String> keys, boolean replace) {
      CompletionListenerFuture done = new CompletionListenerFuture();
      c.loadAll(keys, replace, done);
      try {
        done.get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      return "done";
    }

    @Override
    public String put(String key, String value) {
      c.put(key, value);
      return "done";
    }

    @Override
    public String getAndPut(String key, String value) {
      return c.getAndPut(key, value);
    }

    @Override
    public String putAll(Map<String, String> entries) {
      c.putAll(entries);
      return "done";
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
      return c.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(String key) {
      return c.remove(key);
    }

    @Override
    public boolean remove(String key, String value) {
      return c.remove(key, value);
    }

    @Override
    public String getAndRemove(String key) {
      return c.getAndRemove(key);
    }

    @Override
    public boolean replace(String key, String oldValue, String newValue) {
      return c.replace(key, oldValue, newValue);
    }

    @Override
    public boolean replace(String key, String value) {
      return c.replace(key, value);
    }

    @Override
    public String getAndReplace(String key, String value) {
      return c.getAndReplace(key, value);
    }

    @Override
    public String removeAll(Set<String> keys) {
      c.removeAll(keys);
      return "done";
    }

    @Override
    public String removeAll() {
      c.removeAll();
      return "done";
    }

    @Override
    public String invoke(String key, EntryProcessor<String, String, String> processor) {
      return c.invoke(key, processor);
    }
  }

  private static final class AsyncApi implements Api {
    private final AsyncCache<String, String> c;

    AsyncApi(AsyncCache<String, String> c) {
      this.c = c;
    }

    private static <T> T join(CompletableFuture<T> future) {
      try {
        return future.get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    private static String done(CompletableFuture<Void> future) {
      join(future);
      return "done";
    }

    @Override
    public String get(String key) {
      return join(c.get(key));
    }

    @Override
    public Map<String, String> getAll(Set<String> keys) {
      return join(c.getAll(keys));
    }

    @Override
    public boolean containsKey(String key) {
      return join(c.containsKey(key));
    }

    @Override
    public String loadAll(Set<String> keys, boolean replace) {
      return done(c.loadAll(keys, replace));
    }

    @Override
    public String put(String key, String value) {
      return done(c.put(key, value));
    }

    @Override
    public String getAndPut(String key, String value) {
      return join(c.getAndPut(key, value));
    }

    @Override
    public String putAll(Map<String, String> entries) {
      return done(c.putAll(entries));
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
      return join(c.putIfAbsent(key, value));
    }

    @Override
    public boolean remove(String key) {
      return join(c.remove(key));
    }

    @Override
    public boolean remove(String key, String value) {
      return join(c.remove(key, value));
    }

    @Override
    public String getAndRemove(String key) {
      return join(c.getAndRemove(key));
    }

    @Override
    public boolean replace(String key, String oldValue, String newValue) {
      return join(c.replace(key, oldValue, newValue));
    }

    @Override
    public boolean replace(String key, String value) {
      return join(c.replace(key, value));
    }

    @Override
    public String getAndReplace(String key, String value) {
      return join(c.getAndReplace(key, value));
    }

    @Override
    public String removeAll(Set<String> keys) {
      return done(c.removeAll(keys));
    }

    @Override
    public String removeAll() {
      return done(c.removeAll());
    }

    @Override
    public String invoke(String key, EntryProcessor<String, String, String> processor) {
      return join(c.invoke(key, processor));
    }
  }

  /** Everything the customizations saw, in arrival order. */
  private static final class Log implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    void add(String line) {
      lines.add(line);
    }

    /** The lines since the last drain, sorted (bulk operations may report in any order). */
    synchronized List<String> drainSorted() {
      List<String> drained = new ArrayList<>(lines);
      lines.removeAll(drained);
      drained.sort(null);
      return drained;
    }
  }

  private static final class Listener implements CacheEntryCreatedListener<String, String>,
      CacheEntryUpdatedListener<String, String>, CacheEntryRemovedListener<String, String>,
      CacheEntryExpiredListener<String, String>, Serializable {
    private static final long serialVersionUID = 1L;
    private final Log log;

    Listener(Log log) {
      this.log = log;
    }

    private void record(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      for (CacheEntryEvent<? extends String, ? extends String> e : events) {
        String value = e.getEventType() == javax.cache.event.EventType.UPDATED
            ? e.getValue() + " (was " + e.getOldValue() + ")" : String.valueOf(e.getValue());
        log.add(e.getEventType() + " " + e.getKey() + "=" + value);
      }
    }

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      record(events);
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      record(events);
    }

    @Override
    public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      record(events);
    }

    @Override
    public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      record(events);
    }
  }

  /** Loads keys starting with {@code db}. */
  private static final class Loader implements CacheLoader<String, String>, Serializable {
    private static final long serialVersionUID = 1L;
    private final Log log;

    Loader(Log log) {
      this.log = log;
    }

    @Override
    public String load(String key) {
      log.add("load " + key);
      return key.startsWith("db") ? "loaded-" + key : null;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      List<String> sorted = new ArrayList<>();
      keys.forEach(sorted::add);
      sorted.sort(null);
      log.add("loadAll " + sorted);
      Map<String, String> loaded = new HashMap<>();
      for (String key : sorted) {
        if (key.startsWith("db")) {
          loaded.put(key, "loaded-" + key);
        }
      }
      return loaded;
    }
  }

  private static final class Writer implements CacheWriter<String, String>, Serializable {
    private static final long serialVersionUID = 1L;
    private final Log log;

    Writer(Log log) {
      this.log = log;
    }

    @Override
    public void write(Cache.Entry<? extends String, ? extends String> entry) {
      log.add("write " + entry.getKey() + "=" + entry.getValue());
    }

    @Override
    public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
      for (Cache.Entry<? extends String, ? extends String> entry : new ArrayList<>(entries)) {
        write(entry);
      }
      entries.clear();
    }

    @Override
    public void delete(Object key) {
      log.add("delete " + key);
    }

    @Override
    public void deleteAll(Collection<?> keys) {
      for (Object key : new ArrayList<>(keys)) {
        delete(key);
      }
      keys.clear();
    }
  }

  /** Creation: an hour; access: unchanged; update: expires at once. */
  private static final class UpdateExpires implements ExpiryPolicy, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Duration getExpiryForCreation() {
      return Duration.ONE_HOUR;
    }

    @Override
    public Duration getExpiryForAccess() {
      return null;
    }

    @Override
    public Duration getExpiryForUpdate() {
      return Duration.ZERO;
    }
  }

  /** Creation: an hour; access and update: unchanged. */
  private static final class OneHour implements ExpiryPolicy, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Duration getExpiryForCreation() {
      return Duration.ONE_HOUR;
    }

    @Override
    public Duration getExpiryForAccess() {
      return null;
    }

    @Override
    public Duration getExpiryForUpdate() {
      return null;
    }
  }
}
