package io.polycache.examples.spring;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * A slow catalogue lookup, cached two ways: {@link #findTitle} with Spring's {@code @Cacheable},
 * {@link #findAuthor} with the standard JSR-107 {@code @CacheResult}. Both caches are declared in
 * {@code polycache.yaml}. The counters tell how often a method really ran, that is how many
 * calls missed the cache.
 */
@Service
public class BookService {

  private static final Map<String, String> TITLES = Map.of(
      "978-1", "Java Concurrency in Practice",
      "978-2", "Effective Java");
  private static final Map<String, String> AUTHORS = Map.of(
      "978-1", "Brian Goetz",
      "978-2", "Joshua Bloch");

  private final AtomicInteger titleLookups = new AtomicInteger();
  private final AtomicInteger authorLookups = new AtomicInteger();

  /** The title of the book {@code isbn}; cached in {@code books}. Never null. */
  @Cacheable("books")
  public String findTitle(String isbn) {
    titleLookups.incrementAndGet();
    return TITLES.getOrDefault(isbn, "(unknown)");
  }

  /** The author of the book {@code isbn}; cached in {@code authors}. Never null. */
  @CacheResult(cacheName = "authors")
  public String findAuthor(String isbn) {
    authorLookups.incrementAndGet();
    return AUTHORS.getOrDefault(isbn, "(unknown)");
  }

  /** How many times {@link #findTitle} really ran. */
  public int titleLookups() {
    return titleLookups.get();
  }

  /** How many times {@link #findAuthor} really ran. */
  public int authorLookups() {
    return authorLookups.get();
  }
}
