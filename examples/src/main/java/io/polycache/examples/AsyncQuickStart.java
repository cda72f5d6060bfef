package io.polycache.examples;

import io.polycache.async.AsyncCache;
import io.polycache.async.KeyExistsException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * The asynchronous API: {@code cache.unwrap(AsyncCache.class)} gives a {@link CompletableFuture}
 * twin of every cache operation, plus what the standard lacks: a time-to-live per write, add
 * (write if absent, fail otherwise), counters and removal by key prefix. On the memory backend
 * used here the futures are complete when the methods return; on Redis and Memcached the same
 * code runs without blocking a thread per call.
 */
public final class AsyncQuickStart {

  private AsyncQuickStart() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  static void run(PrintStream out) throws Exception {
    URI uri = URI.create("memory:async-quickstart");
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(uri, null)) {
      Cache<String, String> users = manager.createCache("users",
          new MutableConfiguration<String, String>().setTypes(String.class, String.class));
      @SuppressWarnings("unchecked")
      AsyncCache<String, String> async = users.unwrap(AsyncCache.class);

      // writes return futures; compose them like any CompletableFuture
      CompletableFuture<Void> written = CompletableFuture.allOf(
          async.put("user:1:name", "Ada"),
          async.put("user:1:session", "s-123", Duration.ofMinutes(30)),   // a TTL for this write
          async.put("user:2:name", "Grace"));
      written.join();

      async.get("user:1:name").thenAccept(name -> out.println("get user:1:name -> " + name))
          .join();
      Map<String, String> names = async.getAll(Set.of("user:1:name", "user:2:name", "user:3:name"))
          .join();
      out.println("getAll -> " + new TreeMap<>(names));

      // add: write only if absent, fail clearly otherwise (aiocache's add)
      try {
        async.add("user:1:name", "Someone else", null).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof KeyExistsException) {
          out.println("add user:1:name -> KeyExistsException, the entry was kept");
        }
      }

      // removal by prefix fires REMOVED events and calls the writer like removeAll
      int removed = async.removeByPrefix("user:1:").join();
      out.println("removeByPrefix(\"user:1:\") -> " + removed + " entries");

      Cache<String, Long> counters = manager.createCache("counters",
          new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
      @SuppressWarnings("unchecked")
      AsyncCache<String, Long> hits = counters.unwrap(AsyncCache.class);
      hits.increment("page:/home", 1).join();
      long total = hits.increment("page:/home", 41).join();
      out.println("increment page:/home -> " + total);

      // the synchronous API sees the same entries
      out.println("synchronous().get(\"user:2:name\") -> " + async.synchronous().get("user:2:name"));
    }
  }
}
