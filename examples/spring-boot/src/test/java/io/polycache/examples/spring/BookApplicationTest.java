package io.polycache.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;

@SpringBootTest
class BookApplicationTest {

  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

  @Autowired
  private CacheManager cacheManager;

  @Autowired
  private BookService books;

  @BeforeEach
  void emptyCachesAndStatistics() throws Exception {
    for (String name : cacheManager.getCacheNames()) {
      cacheManager.getCache(name).clear();
      SERVER.invoke(statisticsName(name), "clear", null, null);
    }
  }

  @Test
  void cacheManager_isPolycacheOpenedFromTheConfigurationFile() {
    assertThat(cacheManager).isInstanceOf(JCacheCacheManager.class);
    javax.cache.CacheManager jcache = jcache();
    assertThat(jcache.getClass().getName())
        .isEqualTo("io.polycache.provider.PolycacheCacheManager");
    assertThat(jcache.getURI().toString()).endsWith("polycache.yaml");
  }

  @Test
  void cacheNames_areTheCachesDeclaredInTheFile_withoutCodeCreatingThem() {
    assertThat(cacheManager.getCacheNames()).contains("books", "authors");
    assertThat(jcache().getCacheNames()).contains("books", "authors");
  }

  @Test
  void findTitle_calledTwice_runsOnceAndTheSecondCallIsAHit() {
    int before = books.titleLookups();

    assertThat(books.findTitle("978-1")).isEqualTo("Java Concurrency in Practice");
    assertThat(books.findTitle("978-1")).isEqualTo("Java Concurrency in Practice");

    assertThat(books.titleLookups() - before).isEqualTo(1);
    assertThat(jcache().getCache("books", String.class, String.class).containsKey("978-1"))
        .isTrue();
  }

  @Test
  void findTitle_calledTwice_statisticsMBeanShowsOneHitAndOneMiss() throws Exception {
    books.findTitle("978-2");
    books.findTitle("978-2");

    ObjectName name = statisticsName("books");
    assertThat(SERVER.getAttribute(name, "CacheHits")).isEqualTo(1L);
    assertThat(SERVER.getAttribute(name, "CacheMisses")).isEqualTo(1L);
  }

  @Test
  void findAuthor_jsr107CacheResult_calledTwice_runsOnceAndIsStoredInAuthors() {
    int before = books.authorLookups();

    assertThat(books.findAuthor("978-1")).isEqualTo("Brian Goetz");
    assertThat(books.findAuthor("978-1")).isEqualTo("Brian Goetz");

    assertThat(books.authorLookups() - before).isEqualTo(1);
    assertThat(jcache().getCache("authors", String.class, String.class).containsKey("978-1"))
        .isTrue();
  }

  @Test
  void show_printsTheFileItsCachesAndAMissThenAHitPerMethod() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      BookApplication.show(jcache(), books, out);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "caches of " + jcache().getURI() + ": [books, authors]",
        "findTitle(\"978-1\") = Java Concurrency in Practice  (a miss: the method ran)",
        "findTitle(\"978-1\") = Java Concurrency in Practice  (a hit: the method did not run)",
        "findAuthor(\"978-1\") = Brian Goetz  (a miss: the method ran)",
        "findAuthor(\"978-1\") = Brian Goetz  (a hit: the method did not run)");
  }

  private javax.cache.CacheManager jcache() {
    return ((JCacheCacheManager) cacheManager).getCacheManager();
  }

  /** The statistics MBean's name, built as the JCache TCK builds it. */
  private ObjectName statisticsName(String cacheName) throws Exception {
    URI uri = jcache().getURI();
    return new ObjectName("javax.cache:type=CacheStatistics"
        + ",CacheManager=" + uri.toString().replaceAll(":|=|\n|,", ".")
        + ",Cache=" + cacheName.replaceAll(":|=|\n|,", "."));
  }
}
