package io.polycache.examples;

import io.polycache.async.AsyncCache;
import io.polycache.async.CacheCall;
import io.polycache.async.CacheOperation;
import io.polycache.async.CachePlugin;
import io.polycache.async.HitMissRatioPlugin;
import io.polycache.async.TimingPlugin;
import io.polycache.provider.configuration.PolycacheConfiguration;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;

/**
 * Plugins see every operation of a cache, through the JCache API and through AsyncCache alike:
 * here the built-in timing and hit/miss plugins, and an audit plugin of our own that records
 * every write. Plugins are attached per cache by configuration (or {@code plugins:} in a
 * configuration file) and read back with {@code cache.unwrap(TimingPlugin.class)}.
 */
public final class PluginExample {

  private PluginExample() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Records which keys were written, and by which API. */
  static final class AuditPlugin implements CachePlugin {
    final List<String> writes = new CopyOnWriteArrayList<>();

    @Override
    public void after(CacheCall call) {
      CacheOperation operation = call.operation();
      if (call.error() == null && (operation == CacheOperation.PUT
          || operation == CacheOperation.PUT_ALL || operation == CacheOperation.REMOVE)) {
        writes.add((call.isAsync() ? "async " : "sync ") + operation.methodName() + " "
            + call.keys());
      }
    }
  }

  static void run(PrintStream out) throws Exception {
    URI uri = URI.create("memory:plugin-example");
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(uri, null)) {
      AuditPlugin audit = new AuditPlugin();
      PolycacheConfiguration<String, String> configuration =
          new PolycacheConfiguration<String, String>()
              .addPlugin(TimingPlugin::new)          // one instance per cache
              .addPlugin(HitMissRatioPlugin::new)
              .addPlugin(() -> audit);              // or share an instance you hold
      configuration.setTypes(String.class, String.class);
      Cache<String, String> books = manager.createCache("books", configuration);
      @SuppressWarnings("unchecked")
      AsyncCache<String, String> async = books.unwrap(AsyncCache.class);

      books.put("978-0", "Dune");
      async.put("978-1", "Emma").join();
      books.get("978-0");                           // hit
      books.get("978-9");                           // miss
      async.get("978-1").join();                    // hit
      async.getAll(Set.of("978-0", "978-7")).join(); // one hit, one miss
      books.remove("978-0");

      TimingPlugin timing = books.unwrap(TimingPlugin.class);
      HitMissRatioPlugin ratio = books.unwrap(HitMissRatioPlugin.class);
      out.println("get: " + timing.stats("get").count() + " calls, max "
          + timing.stats("get").max().toNanos() + " ns");
      out.println("put: " + timing.stats("put").count() + " calls");
      out.println("getAll: " + timing.stats(CacheOperation.GET_ALL).count() + " call");
      out.println("hits=" + ratio.hits() + " misses=" + ratio.misses()
          + " ratio=" + String.format("%.2f", ratio.ratio()));
      audit.writes.forEach(line -> out.println("audit: " + line));
    }
  }
}
