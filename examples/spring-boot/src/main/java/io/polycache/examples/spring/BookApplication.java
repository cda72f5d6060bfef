package io.polycache.examples.spring;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application whose cache abstraction runs on Polycache. The only wiring is
 * {@code spring.cache.jcache.config=classpath:polycache.yaml} in {@code application.properties}:
 * Spring Boot hands that file's URI to the JCache provider, and Polycache creates the caches the
 * file declares. {@link BookService} uses both Spring's {@code @Cacheable} and the JSR-107
 * {@code @CacheResult}.
 */
@SpringBootApplication
@EnableCaching
public class BookApplication {

  public static void main(String[] args) {
    try (ConfigurableApplicationContext context =
        SpringApplication.run(BookApplication.class, args)) {
      show(context.getBean(javax.cache.CacheManager.class), context.getBean(BookService.class),
          System.out);
    }
  }

  static void show(javax.cache.CacheManager cacheManager, BookService books, PrintStream out) {
    List<String> names = new ArrayList<>();
    cacheManager.getCacheNames().forEach(names::add);
    out.println("caches of " + cacheManager.getURI() + ": " + names);
    for (int call = 1; call <= 2; call++) {
      int before = books.titleLookups();
      String title = books.findTitle("978-1");
      out.println("findTitle(\"978-1\") = " + title + "  "
          + outcome(books.titleLookups() > before));
    }
    for (int call = 1; call <= 2; call++) {
      int before = books.authorLookups();
      String author = books.findAuthor("978-1");
      out.println("findAuthor(\"978-1\") = " + author + "  "
          + outcome(books.authorLookups() > before));
    }
  }

  private static String outcome(boolean methodRan) {
    return methodRan ? "(a miss: the method ran)" : "(a hit: the method did not run)";
  }
}
