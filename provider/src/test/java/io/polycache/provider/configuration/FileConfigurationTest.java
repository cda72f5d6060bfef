package io.polycache.provider.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConfigurationTest {

  private final CachingProvider provider = Caching.getCachingProvider();

  @Test
  @SuppressWarnings("unchecked")
  void classpathYaml_declaredCachesExistAsSoonAsTheManagerOpens() {
    URI uri = URI.create("classpath:config/app.yaml");
    try (CacheManager manager = provider.getCacheManager(uri, getClass().getClassLoader())) {
      assertEquals(uri, manager.getURI());
      Cache<String, String> books = manager.getCache("books", String.class, String.class);
      assertNotNull(books);
      books.put("978-1", "Dune");
      assertEquals("Dune", books.get("978-1"));
      PolycacheConfiguration<?, ?> config = books.getConfiguration(PolycacheConfiguration.class);
      assertTrue(config.isStatisticsEnabled());
      assertEquals(1000, config.getMaximumEntries());
      ExpiryPolicy expiry = config.getExpiryPolicyFactory().create();
      assertTrue(expiry instanceof CreatedExpiryPolicy);
      assertEquals(10 * 60_000L, expiry.getExpiryForCreation().getTimeUnit()
          .toMillis(expiry.getExpiryForCreation().getDurationAmount()));

      Cache<Object, Object> sessions = manager.getCache("sessions");
      PolycacheConfiguration<?, ?> sessionConfig =
          sessions.getConfiguration(PolycacheConfiguration.class);
      assertFalse(sessionConfig.isStoreByValue());
      assertEquals(Duration.ofMillis(500), sessionConfig.getOperationTimeout());
      assertTrue(sessionConfig.getExpiryPolicyFactory().create() instanceof AccessedExpiryPolicy);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void fileUriToJson_declaresItsCaches(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cache.json");
    try (var in = getClass().getResourceAsStream("/config/app.json")) {
      Files.copy(in, file);
    }
    URI uri = file.toUri();
    try (CacheManager manager = provider.getCacheManager(uri, getClass().getClassLoader())) {
      assertEquals(uri, manager.getURI());
      Cache<String, Long> prices = manager.getCache("prices", String.class, Long.class);
      assertNotNull(prices);
      assertTrue(prices.getConfiguration(PolycacheConfiguration.class).isManagementEnabled());
    }
  }

  @Test
  void unknownOption_namesFilePlaceAndProblem_andTheManagerDoesNotOpen() {
    CacheException e = assertThrows(CacheException.class, () -> provider.getCacheManager(
        URI.create("classpath:config/unknown-option.yaml"), getClass().getClassLoader()));
    assertTrue(e.getMessage().contains("classpath:config/unknown-option.yaml"), e.getMessage());
    assertTrue(e.getMessage().contains("caches.books.ttll"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown option"), e.getMessage());
    assertTrue(e.getMessage().contains("ttl"), e.getMessage());
  }

  @Test
  void wrongType_namesThePlaceAndTheExpectedType() {
    CacheException e = assertThrows(CacheException.class, () -> provider.getCacheManager(
        URI.create("classpath:config/wrong-type.yaml"), getClass().getClassLoader()));
    assertTrue(e.getMessage().contains("caches.books.maximumEntries"), e.getMessage());
    assertTrue(e.getMessage().contains("whole number"), e.getMessage());
  }

  @Test
  void unknownBackend_isRefusedWithTheFileNamed() {
    CacheException e = assertThrows(CacheException.class, () -> provider.getCacheManager(
        URI.create("classpath:config/unknown-backend.yaml"), getClass().getClassLoader()));
    assertTrue(e.getMessage().contains("unknown-backend.yaml, at backend"), e.getMessage());
    assertTrue(e.getMessage().contains("floppy://drive-a"), e.getMessage());
  }

  @Test
  void unloadableClass_namesTheClassAndPlace() {
    CacheException e = assertThrows(CacheException.class, () -> provider.getCacheManager(
        URI.create("classpath:config/bad-class.yaml"), getClass().getClassLoader()));
    assertTrue(e.getMessage().contains("caches.books.valueType"), e.getMessage());
    assertTrue(e.getMessage().contains("com.example.NoSuchClass"), e.getMessage());
  }

  @Test
  void malformedYaml_namesTheLine() {
    CacheException e = assertThrows(CacheException.class, () -> provider.getCacheManager(
        URI.create("classpath:config/bad-yaml.yaml"), getClass().getClassLoader()));
    assertTrue(e.getMessage().contains("bad-yaml.yaml"), e.getMessage());
    assertTrue(e.getMessage().contains("line"), e.getMessage());
  }

  @Test
  void missingFile_saysItCannotBeRead() {
    CacheException e = assertThrows(CacheException.class, () -> provider.getCacheManager(
        URI.create("classpath:config/none.yaml"), getClass().getClassLoader()));
    assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
  }

  @Test
  void managerOptions_fromQueryWinOverProperties() {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("polycache.namespace", "from-properties");
    properties.setProperty("polycache.serializer", "json");
    ManagerOptions options = ManagerOptions.of(
        URI.create("memory:x?namespace=from-query&timeout=250ms"), properties);
    assertEquals("from-query", options.namespace());
    assertEquals("json", options.serializer());
    assertEquals(Duration.ofMillis(250), options.operationTimeout());
  }

  @Test
  void durations_acceptTheDocumentedForms() {
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofSeconds(2), Durations.parse("2s"));
    assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
    assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    assertEquals(Duration.ofDays(1), Durations.parse("1d"));
    assertEquals(Duration.ofMillis(1500), Durations.parse("1500"));
    assertEquals(Duration.ofSeconds(2), Durations.parse("PT2S"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
    assertTrue(e.getMessage().contains("500ms"), e.getMessage());
  }

  @Test
  void getUri_returnsTheUriExactlyAsGiven() {
    URI uri = URI.create("memory:exact?namespace=a&timeout=3s");
    try (CacheManager manager = provider.getCacheManager(uri, getClass().getClassLoader())) {
      assertEquals(uri.toString(), manager.getURI().toString());
    }
  }
}
