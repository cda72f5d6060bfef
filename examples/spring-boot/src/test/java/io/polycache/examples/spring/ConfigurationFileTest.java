package io.polycache.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** The URIs Spring Boot hands to the provider, and what a wrong file does to start-up. */
class ConfigurationFileTest {

  private static final ClassLoader LOADER = ConfigurationFileTest.class.getClassLoader();

  @Test
  void getCacheManager_misspeltOption_failsNamingTheFileThePlaceAndTheProblem() throws Exception {
    URI uri = ConfigurationFileTest.class.getResource("/bad-polycache.yaml").toURI();

    assertThatThrownBy(() -> Caching.getCachingProvider().getCacheManager(uri, LOADER, null))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining(uri.toString())
        .hasMessageContaining("caches.books.ttll")
        .hasMessageContaining("unknown option");
  }

  @Test
  void springBootStartup_misspeltOption_failsWithThePolycacheMessageAsRootCause() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(BookApplication.class);

    assertThatThrownBy(
        () -> app.run("--spring.cache.jcache.config=classpath:bad-polycache.yaml").close())
        .satisfies(e -> {
          Throwable root = NestedExceptionUtils.getRootCause(e);
          assertThat(root).isInstanceOf(CacheException.class);
          assertThat(root.getMessage())
              .contains("bad-polycache.yaml", "caches.books.ttll", "unknown option");
        });
  }

  /** Run from a jar, Spring Boot's {@code Resource.getURI()} is a {@code jar:} URI. */
  @Test
  void getCacheManager_jarUri_opensWithTheCachesTheFileDeclares(@TempDir Path dir)
      throws Exception {
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("config/polycache.yaml"));
      writeUtf8(out, "backend: memory:jar-test\ncaches:\n  shelves:\n    ttl: 1m\n");
      out.closeEntry();
    }
    URI uri = URI.create("jar:" + jar.toUri() + "!/config/polycache.yaml");

    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(uri, LOADER)) {
      assertThat(manager.getURI()).isEqualTo(uri);
      assertThat(manager.getCacheNames()).containsExactly("shelves");
    }
  }

  private static void writeUtf8(OutputStream out, String text) throws Exception {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
