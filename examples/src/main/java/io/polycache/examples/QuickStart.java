package io.polycache.examples;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The quick start: a cache on the embedded memory backend, with only the standard JCache API.
 * It shows a miss and a hit, a listener event, an entry that expires, and the statistics that
 * JMX (and so Micrometer) reads. No server is needed.
 */
public final class QuickStart {

  private QuickStart() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  static void run(PrintStream out) throws Exception {
    URI uri = URI.create("memory:quickstart");
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(uri, null)) {
      MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class)
          .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
              new Duration(TimeUnit.MILLISECONDS, 300)))
          .setStatisticsEnabled(true)
          .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
              FactoryBuilder.factoryOf(new PrintingListener()), null, true, true));
      Cache<String, String> greetings = manager.createCache("greetings", config);

      out.println("get(\"en\") before any put: " + greetings.get("en") + "  (a miss)");
      greetings.put("en", "Hello");
      greetings.put("fr", "Bonjour");
      out.println("get(\"en\") after put: " + greetings.get("en") + "  (a hit)");
      greetings.put("en", "Hello, world");

      // every entry lives 300 ms after its creation
      Thread.sleep(400);
      out.println("get(\"fr\") after 400 ms: " + greetings.get("fr") + "  (expired)");

      MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
      ObjectName stats = new ObjectName(
          "javax.cache:type=CacheStatistics,CacheManager=memory.quickstart,Cache=greetings");
      out.println("statistics: hits=" + jmx.getAttribute(stats, "CacheHits")
          + " misses=" + jmx.getAttribute(stats, "CacheMisses")
          + " puts=" + jmx.getAttribute(stats, "CachePuts"));
    }
  }

  /** Prints every creation and update; synchronous, so it runs before put returns. */
  static final class PrintingListener implements CacheEntryCreatedListener<String, String>,
      CacheEntryUpdatedListener<String, String>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      for (CacheEntryEvent<? extends String, ? extends String> e : events) {
        System.out.println("  event: CREATED " + e.getKey() + " = " + e.getValue());
      }
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      for (CacheEntryEvent<? extends String, ? extends String> e : events) {
        System.out.println("  event: UPDATED " + e.getKey() + " = " + e.getValue()
            + " (was " + e.getOldValue() + ")");
      }
    }
  }
}
