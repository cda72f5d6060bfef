package io.polycache.provider.annotation;

import static io.polycache.provider.annotation.Cdi.cache;
import static io.polycache.provider.annotation.Cdi.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheResult;
import javax.cache.configuration.CompleteConfiguration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CacheResultInterceptionTest {

  static final String DEFAULT_NAME = Catalogue.class.getName()
      + ".edition(java.lang.String,int)";

  /** A slow catalogue; every method counts the calls that really ran. */
  @ApplicationScoped
  public static class Catalogue {
    private final AtomicInteger runs = new AtomicInteger();

    public int runs() {
      return runs.get();
    }

    public void reset() {
      runs.set(0);
    }

    @CacheResult(cacheName = "cdi-titles")
    public String title(String isbn) {
      return "title of " + isbn + " #" + runs.incrementAndGet();
    }

    @CacheResult
    public String edition(String isbn, int edition) {
      return isbn + " ed. " + edition + " #" + runs.incrementAndGet();
    }

    @CacheResult(cacheName = "cdi-localized")
    public String localized(@CacheKey String isbn, Locale locale) {
      return isbn + " in " + locale + " #" + runs.incrementAndGet();
    }

    @CacheResult(cacheName = "cdi-missing")
    public String missing(String isbn) {
      runs.incrementAndGet();
      return null;
    }

    @CacheResult(cacheName = "cdi-titles", skipGet = true)
    public String refresh(String isbn) {
      return "fresh title of " + isbn + " #" + runs.incrementAndGet();
    }

    @CacheResult(cacheName = "cdi-prices", exceptionCacheName = "cdi-price-failures",
        cachedExceptions = IllegalArgumentException.class,
        nonCachedExceptions = NumberFormatException.class)
    public Integer price(String text) {
      runs.incrementAndGet();
      if (text.isEmpty()) {
        throw new IllegalArgumentException("no price");
      }
      return Integer.valueOf(text);
    }

    @CacheResult(cacheName = "cdi-prices", exceptionCacheName = "cdi-price-failures",
        skipGet = true)
    public Integer repriced(String text) {
      runs.incrementAndGet();
      if (text.isEmpty()) {
        throw new IllegalStateException("still no price");
      }
      return Integer.valueOf(text);
    }

    @CacheResult(cacheName = "cdi-stock")
    public int stock(String isbn) {
      runs.incrementAndGet();
      throw new IllegalStateException("warehouse down");
    }
  }

  private static WeldContainer container;
  private static Catalogue catalogue;

  @BeforeAll
  static void startContainer() {
    container = Cdi.start(Catalogue.class);
    catalogue = container.select(Catalogue.class).get();
  }

  @AfterAll
  static void stopContainer() {
    container.close();
  }

  @BeforeEach
  void emptyCaches() {
    Cdi.destroy("cdi-titles", DEFAULT_NAME, "cdi-localized", "cdi-missing", "cdi-prices",
        "cdi-price-failures", "cdi-stock");
    catalogue.reset();
  }

  @Test
  void cacheResult_secondCallWithEqualArguments_isAHitThatSkipsTheMethod() {
    String first = catalogue.title("978-1");
    String second = catalogue.title("978-1");

    assertEquals("title of 978-1 #1", first);
    assertEquals(first, second);
    assertEquals(1, catalogue.runs());
    assertEquals(first, cache("cdi-titles").get(key("978-1")));
  }

  @Test
  void cacheResult_otherArguments_areAnotherKey() {
    catalogue.title("978-1");
    catalogue.title("978-2");

    assertEquals(2, catalogue.runs());
  }

  @Test
  void cacheResult_noCacheName_usesTheSpecificationsDefaultName() {
    catalogue.edition("978-1", 2);
    catalogue.edition("978-1", 2);

    assertEquals(1, catalogue.runs());
    assertEquals("978-1 ed. 2 #1", cache(DEFAULT_NAME).get(key("978-1", 2)));
  }

  @Test
  void cacheResult_cacheKeyParameter_keysOnlyByTheMarkedParameters() {
    String english = catalogue.localized("978-1", Locale.ENGLISH);
    String french = catalogue.localized("978-1", Locale.FRENCH);

    assertEquals(english, french);
    assertEquals(1, catalogue.runs());
    assertTrue(cache("cdi-localized").containsKey(key("978-1")));
  }

  @Test
  void cacheResult_nullResult_isNotCachedSoTheNextCallRunsAgain() {
    assertNull(catalogue.missing("978-1"));
    assertNull(catalogue.missing("978-1"));

    assertEquals(2, catalogue.runs());
    assertFalse(cache("cdi-missing").containsKey(key("978-1")));
  }

  @Test
  void cacheResult_skipGet_alwaysRunsAndCachesTheNewValue() {
    catalogue.title("978-1");

    String refreshed = catalogue.refresh("978-1");

    assertEquals("fresh title of 978-1 #2", refreshed);
    assertEquals(refreshed, catalogue.title("978-1"));
    assertEquals(2, catalogue.runs());
  }

  @Test
  void cacheResult_cachedExceptionType_isRethrownFromTheExceptionCacheWithoutRunning() {
    IllegalArgumentException first =
        assertThrows(IllegalArgumentException.class, () -> catalogue.price(""));
    IllegalArgumentException second =
        assertThrows(IllegalArgumentException.class, () -> catalogue.price(""));

    assertEquals(1, catalogue.runs());
    assertEquals(first.getMessage(), second.getMessage());
    assertInstanceOf(IllegalArgumentException.class, cache("cdi-price-failures").get(key("")));
    assertFalse(cache("cdi-prices").containsKey(key("")));
  }

  @Test
  void cacheResult_nonCachedExceptionSubtype_isNotCachedAndRunsAgain() {
    assertThrows(NumberFormatException.class, () -> catalogue.price("x"));
    assertThrows(NumberFormatException.class, () -> catalogue.price("x"));

    assertEquals(2, catalogue.runs());
    assertFalse(cache("cdi-price-failures").containsKey(key("x")));
  }

  @Test
  void cacheResult_success_isCachedInTheValueCacheNotTheExceptionCache() {
    assertEquals(12, catalogue.price("12"));
    assertEquals(12, catalogue.price("12"));

    assertEquals(1, catalogue.runs());
    assertEquals(12, cache("cdi-prices").get(key("12")));
    assertFalse(cache("cdi-price-failures").containsKey(key("12")));
  }

  @Test
  void cacheResult_skipGet_skipsTheExceptionCheckButStillCachesTheFailure() {
    assertThrows(IllegalArgumentException.class, () -> catalogue.price(""));

    assertThrows(IllegalStateException.class, () -> catalogue.repriced(""));

    assertEquals(2, catalogue.runs());
    assertInstanceOf(IllegalStateException.class, cache("cdi-price-failures").get(key("")));
  }

  @Test
  void cacheResult_noExceptionCacheName_failureIsNotCached() {
    assertThrows(IllegalStateException.class, () -> catalogue.stock("978-1"));
    assertThrows(IllegalStateException.class, () -> catalogue.stock("978-1"));

    assertEquals(2, catalogue.runs());
  }

  @Test
  void cacheResult_missingCache_isCreatedWithTheDefaultMutableConfiguration() {
    assertNull(cache("cdi-titles"));

    catalogue.title("978-1");

    @SuppressWarnings("unchecked")
    CompleteConfiguration<Object, Object> configuration =
        cache("cdi-titles").getConfiguration(CompleteConfiguration.class);
    assertEquals(Object.class, configuration.getKeyType());
    assertEquals(Object.class, configuration.getValueType());
    assertTrue(configuration.isStoreByValue());
    assertFalse(configuration.isReadThrough());
  }

  @Test
  void cacheResult_cacheDestroyedBetweenCalls_isFoundAgainAndMisses() {
    catalogue.title("978-1");
    Cdi.destroy("cdi-titles");

    catalogue.title("978-1");

    assertEquals(2, catalogue.runs());
    assertNotNull(cache("cdi-titles"));
  }

  @Test
  void cacheResult_manyCalls_readTheMethodsAnnotationsOnce() {
    CachingInvoker invoker = container.getBeanManager()
        .getExtension(PolycacheCdiExtension.class).invoker(container.getBeanManager());
    catalogue.title("978-1");
    int known = invoker.knownMethods();

    for (int i = 0; i < 100; i++) {
      catalogue.title("978-" + i);
    }

    assertEquals(known, invoker.knownMethods());
    assertSame(invoker, container.getBeanManager().getExtension(PolycacheCdiExtension.class)
        .invoker(container.getBeanManager()));
  }
}
