package io.polycache.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a real {@code redis-server}, started for this class on a free loopback
 * port. Spring Boot opens {@code polycache-redis.yaml}, the file the {@code redis} profile uses,
 * with its {@code backend:} pointed at that server; the caches then live in Redis as
 * {@code bookshop:<cache>:<isbn>}. The context closes with the class, before the server stops.
 */
@SpringBootTest
@RealServers
@DirtiesContext
class BookApplicationRedisTest {

  private static RedisServer redis;
  private static Path configuration;

  @Autowired
  private CacheManager cacheManager;

  @Autowired
  private BookService books;

  @BeforeAll
  static void writeConfigurationForThisServer(RedisServer server, @TempDir Path dir)
      throws Exception {
    redis = server;
    String shipped;
    try (InputStream in = BookApplicationRedisTest.class
        .getResourceAsStream("/polycache-redis.yaml")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(shipped).contains("backend: redis://127.0.0.1:6379\n");
    configuration = dir.resolve("polycache-redis.yaml");
    Files.writeString(configuration,
        shipped.replace("redis://127.0.0.1:6379", server.uri().toString()));
  }

  @DynamicPropertySource
  static void jcacheConfiguration(DynamicPropertyRegistry registry) {
    registry.add("spring.cache.jcache.config", () -> configuration.toUri().toString());
  }

  @BeforeEach
  void emptyRedis() {
    redis.flushAll();
  }

  @Test
  void cacheManager_isPolycacheOpenedFromTheRedisFile() {
    javax.cache.CacheManager jcache = ((JCacheCacheManager) cacheManager).getCacheManager();

    assertThat(jcache.getClass().getName())
        .isEqualTo("io.polycache.provider.PolycacheCacheManager");
    assertThat(jcache.getURI()).isEqualTo(configuration.toUri());
    assertThat(jcache.getCacheNames()).contains("books", "authors");
  }

  @Test
  void findTitle_springCacheable_storesInRedisAndTheSecondCallIsAHit() {
    int before = books.titleLookups();

    assertThat(books.findTitle("978-1")).isEqualTo("Java Concurrency in Practice");
    assertThat(books.findTitle("978-1")).isEqualTo("Java Concurrency in Practice");

    assertThat(books.titleLookups() - before).isEqualTo(1);
    assertThat(redis.command("EXISTS", "bookshop:books:978-1")).isEqualTo(1L);
  }

  @Test
  void findAuthor_jsr107CacheResult_storesInRedisAndTheSecondCallIsAHit() {
    int before = books.authorLookups();

    assertThat(books.findAuthor("978-2")).isEqualTo("Joshua Bloch");
    assertThat(books.findAuthor("978-2")).isEqualTo("Joshua Bloch");

    assertThat(books.authorLookups() - before).isEqualTo(1);
    assertThat(redis.command("EXISTS", "bookshop:authors:978-2")).isEqualTo(1L);
  }

  @Test
  void cachedEntries_carryTheFilesTtlAsRedisExpiry() {
    books.findTitle("978-2");
    books.findAuthor("978-1");

    assertThat((Long) redis.command("PTTL", "bookshop:books:978-2"))
        .isPositive().isLessThanOrEqualTo(10 * 60 * 1000L);
    assertThat((Long) redis.command("PTTL", "bookshop:authors:978-1"))
        .isGreaterThan(10 * 60 * 1000L).isLessThanOrEqualTo(60 * 60 * 1000L);
  }

  @Test
  void keyDeletedInRedis_nextCallMissesAndRunsTheMethodAgain() {
    books.findTitle("978-1");
    int before = books.titleLookups();

    redis.command("DEL", "bookshop:books:978-1");
    books.findTitle("978-1");

    assertThat(books.titleLookups() - before).isEqualTo(1);
    assertThat(redis.command("EXISTS", "bookshop:books:978-1")).isEqualTo(1L);
  }
}
