package io.polycache.provider.annotation;

import static io.polycache.provider.annotation.Cdi.cache;
import static io.polycache.provider.annotation.Cdi.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheInvocationContext;
import javax.cache.annotation.CacheInvocationParameter;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheKeyInvocationContext;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import javax.cache.annotation.GeneratedCacheKey;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @CacheDefaults}, and what resolver factories and key generators are handed. */
class CacheDefaultsAndSpiTest {

  /** Records what it is asked for and resolves in the default manager. */
  public static class RecordingResolverFactory implements CacheResolverFactory {
    static final List<CacheMethodDetails<? extends Annotation>> DETAILS =
        new CopyOnWriteArrayList<>();
    static final List<CacheInvocationContext<? extends Annotation>> CALLS =
        new CopyOnWriteArrayList<>();

    private final DefaultCacheResolverFactory resolvers = new DefaultCacheResolverFactory();

    @Override
    public CacheResolver getCacheResolver(CacheMethodDetails<? extends Annotation> details) {
      DETAILS.add(details);
      CacheResolver resolver = resolvers.getCacheResolver(details);
      return new CacheResolver() {
        @Override
        public <K, V> javax.cache.Cache<K, V> resolveCache(
            CacheInvocationContext<? extends Annotation> context) {
          CALLS.add(context);
          return resolver.resolveCache(context);
        }
      };
    }

    @Override
    public CacheResolver getExceptionCacheResolver(CacheMethodDetails<CacheResult> details) {
      return resolvers.getExceptionCacheResolver(details);
    }
  }

  /** Keys by the lower-cased first key parameter, and records each context. */
  public static class CaseInsensitiveKeys implements CacheKeyGenerator {
    static final List<CacheKeyInvocationContext<? extends Annotation>> CALLS =
        new CopyOnWriteArrayList<>();

    @Override
    public GeneratedCacheKey generateCacheKey(
        CacheKeyInvocationContext<? extends Annotation> context) {
      CALLS.add(context);
      return DefaultGeneratedCacheKey.of(
          context.getKeyParameters()[0].getValue().toString().toLowerCase(Locale.ROOT));
    }
  }

  /** Class-level defaults: one cache, the recording factory and the case-insensitive keys. */
  @ApplicationScoped
  @CacheDefaults(cacheName = "cdi-shelf-defaults",
      cacheResolverFactory = RecordingResolverFactory.class,
      cacheKeyGenerator = CaseInsensitiveKeys.class)
  public static class Library {
    private final AtomicInteger runs = new AtomicInteger();

    public int runs() {
      return runs.get();
    }

    public void reset() {
      runs.set(0);
    }

    @CacheResult
    public String find(String isbn) {
      return isbn + " #" + runs.incrementAndGet();
    }

    @CacheResult(cacheName = "cdi-shelf-named", cacheKeyGenerator = DefaultCacheKeyGenerator.class)
    public String findElsewhere(String isbn) {
      return isbn + " #" + runs.incrementAndGet();
    }

    @CachePut
    public void shelve(int shelf, @CacheKey String isbn, @CacheValue String title) {
      runs.incrementAndGet();
    }
  }

  private static WeldContainer container;
  private static Library library;

  @BeforeAll
  static void startContainer() {
    container = Cdi.start(Library.class);
    library = container.select(Library.class).get();
  }

  @AfterAll
  static void stopContainer() {
    container.close();
  }

  @BeforeEach
  void emptyCachesAndRecords() {
    Cdi.destroy("cdi-shelf-defaults", "cdi-shelf-named");
    library.reset();
    RecordingResolverFactory.CALLS.clear();
    CaseInsensitiveKeys.CALLS.clear();
  }

  @Test
  void cacheDefaults_bareAnnotation_usesTheClassCacheNameAndKeyGenerator() {
    library.find("ISBN-1");
    String second = library.find("isbn-1");

    assertEquals("ISBN-1 #1", second);
    assertEquals(1, library.runs());
    assertEquals("ISBN-1 #1", cache("cdi-shelf-defaults").get(key("isbn-1")));
  }

  @Test
  void cacheDefaults_methodAttributes_winOverTheClassDefaults() {
    library.findElsewhere("ISBN-1");
    library.findElsewhere("isbn-1");

    assertEquals(2, library.runs());
    assertNotNull(cache("cdi-shelf-named").get(key("ISBN-1")));
    assertNull(cache("cdi-shelf-defaults"));
  }

  @Test
  void resolverFactory_isAskedOncePerMethodWithItsDetails() {
    library.find("a");
    library.find("b");
    library.find("c");

    List<CacheMethodDetails<? extends Annotation>> forFind = RecordingResolverFactory.DETAILS
        .stream().filter(d -> d.getMethod().getName().equals("find")).toList();
    assertEquals(1, forFind.size());
    CacheMethodDetails<? extends Annotation> details = forFind.get(0);
    assertEquals("cdi-shelf-defaults", details.getCacheName());
    assertInstanceOf(CacheResult.class, details.getCacheAnnotation());
    assertTrue(details.getAnnotations().contains(details.getCacheAnnotation()));
    assertEquals(3, RecordingResolverFactory.CALLS.size());
  }

  @Test
  void invocationContext_describesTheCallToResolverAndKeyGenerator() throws Exception {
    library.shelve(7, "ISBN-1", "Effective Java");

    CacheInvocationContext<? extends Annotation> resolved =
        RecordingResolverFactory.CALLS.get(0);
    CacheKeyInvocationContext<? extends Annotation> keyed = CaseInsensitiveKeys.CALLS.get(0);
    assertEquals(Library.class.getMethod("shelve", int.class, String.class, String.class),
        keyed.getMethod());
    assertEquals("cdi-shelf-defaults", keyed.getCacheName());
    assertInstanceOf(CachePut.class, keyed.getCacheAnnotation());
    assertInstanceOf(Library.class, keyed.getTarget());
    assertSame(keyed.getTarget(), resolved.getTarget());

    CacheInvocationParameter[] all = keyed.getAllParameters();
    assertEquals(3, all.length);
    assertArrayEquals(new Object[] {7, "ISBN-1", "Effective Java"},
        Arrays.stream(all).map(CacheInvocationParameter::getValue).toArray());
    assertArrayEquals(new Object[] {int.class, String.class, String.class},
        Arrays.stream(all).map(CacheInvocationParameter::getRawType).toArray());
    assertArrayEquals(new int[] {0, 1, 2},
        Arrays.stream(all).mapToInt(CacheInvocationParameter::getParameterPosition).toArray());

    CacheInvocationParameter[] keys = keyed.getKeyParameters();
    assertEquals(1, keys.length);
    assertEquals(1, keys[0].getParameterPosition());
    assertInstanceOf(CacheKey.class, keys[0].getAnnotations().iterator().next());
    CacheInvocationParameter value = keyed.getValueParameter();
    assertEquals(2, value.getParameterPosition());
    assertEquals("Effective Java", value.getValue());
    assertInstanceOf(CacheValue.class, value.getAnnotations().iterator().next());

    assertNotNull(keyed.unwrap(InvocationContext.class));
    assertThrows(IllegalArgumentException.class, () -> keyed.unwrap(String.class));
    assertEquals("Effective Java", cache("cdi-shelf-defaults").get(key("isbn-1")));
  }

  @Test
  void invocationContext_withoutCacheKeyMarks_keysByEveryParameterButTheValue() {
    library.find("ISBN-1");

    CacheKeyInvocationContext<? extends Annotation> keyed = CaseInsensitiveKeys.CALLS.get(0);
    assertEquals(1, keyed.getKeyParameters().length);
    assertEquals("ISBN-1", keyed.getKeyParameters()[0].getValue());
    assertNull(keyed.getValueParameter());
  }
}
