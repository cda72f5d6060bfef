package io.polycache.provider.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.Extension;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheKeyInvocationContext;
import javax.cache.annotation.CacheMethodDetails;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import javax.cache.annotation.GeneratedCacheKey;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** How the extension registers the interceptors, and what it refuses at deployment. */
class PolycacheCdiExtensionTest {

  /** Counts the keys it generates, that is how often an interceptor ran. */
  public static class CountingKeys implements CacheKeyGenerator {
    static final AtomicInteger GENERATED = new AtomicInteger();

    @Override
    public GeneratedCacheKey generateCacheKey(
        CacheKeyInvocationContext<? extends Annotation> context) {
      GENERATED.incrementAndGet();
      return new DefaultCacheKeyGenerator().generateCacheKey(context);
    }
  }

  @ApplicationScoped
  public static class Counted {
    @CacheResult(cacheName = "cdi-counted", cacheKeyGenerator = CountingKeys.class)
    public String value(String key) {
      return "value of " + key;
    }
  }

  /** Every method cached by the class annotation, except the one with its own annotation. */
  @ApplicationScoped
  @CacheResult(cacheName = "cdi-class-level")
  public static class Directory {
    private final AtomicInteger runs = new AtomicInteger();

    public int runs() {
      return runs.get();
    }

    public String phone(String name) {
      return name + " #" + runs.incrementAndGet();
    }

    @CacheRemove(cacheName = "cdi-class-level")
    public void forget(String name) {
      runs.incrementAndGet();
    }
  }

  /** An application's choice of CacheManager for every annotated method naming no factory. */
  @ApplicationScoped
  public static class ApplicationResolverFactory implements CacheResolverFactory {
    static final URI MANAGER = URI.create("memory:cdi-application");

    private final DefaultCacheResolverFactory resolvers = new DefaultCacheResolverFactory(
        Caching.getCachingProvider().getCacheManager(MANAGER, null));

    @Override
    public CacheResolver getCacheResolver(CacheMethodDetails<? extends Annotation> details) {
      return resolvers.getCacheResolver(details);
    }

    @Override
    public CacheResolver getExceptionCacheResolver(CacheMethodDetails<CacheResult> details) {
      return resolvers.getExceptionCacheResolver(details);
    }
  }

  @ApplicationScoped
  public static class Plain {
    @CacheResult(cacheName = "cdi-app-manager")
    public String value(String key) {
      return "value of " + key;
    }
  }

  /** An application's key generator: keys by the upper-cased first argument. */
  @ApplicationScoped
  public static class UpperCaseKeys implements CacheKeyGenerator {
    @Override
    public GeneratedCacheKey generateCacheKey(
        CacheKeyInvocationContext<? extends Annotation> context) {
      return DefaultGeneratedCacheKey.of(
          context.getKeyParameters()[0].getValue().toString().toUpperCase(Locale.ROOT));
    }
  }

  @ApplicationScoped
  public static class Codes {
    @CacheResult(cacheName = "cdi-app-keys")
    public String describe(String code) {
      return "code " + code;
    }
  }

  @SessionScoped
  public static class Basket implements Serializable {
    private static final long serialVersionUID = 1L;

    @CacheResult(cacheName = "cdi-basket")
    public String price(String item) {
      return "price of " + item;
    }
  }

  @ApplicationScoped
  public static class PutWithoutValue {
    @CachePut(cacheName = "cdi-broken")
    public void save(String key, String value) {}
  }

  @ApplicationScoped
  public static class TwoAnnotations {
    @CacheResult(cacheName = "cdi-broken")
    @CacheRemove(cacheName = "cdi-broken")
    public String both(String key) {
      return key;
    }
  }

  @ApplicationScoped
  public static class ValueOnResult {
    @CacheResult(cacheName = "cdi-broken")
    public String result(String key, @CacheValue String value) {
      return value;
    }
  }

  /** A future type whose instances the interceptor cannot create. */
  public static class Promise<T> extends CompletableFuture<T> {}

  @ApplicationScoped
  public static class OwnFutureType {
    @CacheResult(cacheName = "cdi-broken")
    public Promise<String> result(String key) {
      return new Promise<>();
    }
  }

  @Test
  void extension_isRegisteredForServiceLoading() {
    assertTrue(ServiceLoader.load(Extension.class).stream()
        .anyMatch(p -> p.type() == PolycacheCdiExtension.class));
  }

  @Test
  void interceptorClassesAlsoAddedAsBeans_stillRunOncePerCall() {
    Cdi.destroy("cdi-counted");
    try (WeldContainer container = Cdi.start(Counted.class, CacheResultInterceptor.class,
        CachePutInterceptor.class, CacheRemoveInterceptor.class,
        CacheRemoveAllInterceptor.class)) {
      Counted counted = container.select(Counted.class).get();
      CountingKeys.GENERATED.set(0);

      counted.value("a");
      counted.value("a");

      assertEquals(2, CountingKeys.GENERATED.get());
    }
  }

  @Test
  void classLevelCacheResult_cachesEveryMethod_andAMethodAnnotationWins() {
    Cdi.destroy("cdi-class-level");
    try (WeldContainer container = Cdi.start(Directory.class)) {
      Directory directory = container.select(Directory.class).get();

      String first = directory.phone("ann");
      assertEquals(first, directory.phone("ann"));
      directory.forget("ann");

      assertEquals(2, directory.runs());
      assertFalse(Cdi.cache("cdi-class-level").containsKey(Cdi.key("ann")));
    }
  }

  @Test
  void applicationCacheResolverFactoryBean_servesMethodsThatNameNoFactory() {
    Cdi.destroy("cdi-app-manager");
    try (WeldContainer container = Cdi.start(Plain.class, ApplicationResolverFactory.class)) {
      container.select(Plain.class).get().value("a");

      CacheManager application = Caching.getCachingProvider()
          .getCacheManager(ApplicationResolverFactory.MANAGER, null);
      assertEquals("value of a", application.getCache("cdi-app-manager").get(Cdi.key("a")));
      assertNull(Cdi.cache("cdi-app-manager"));
    }
  }

  @Test
  void applicationCacheKeyGeneratorBean_servesMethodsThatNameNoGenerator() {
    Cdi.destroy("cdi-app-keys");
    try (WeldContainer container = Cdi.start(Codes.class, UpperCaseKeys.class)) {
      Codes codes = container.select(Codes.class).get();

      codes.describe("ab");
      String second = codes.describe("AB");

      assertEquals("code ab", second);
      assertEquals("code ab", Cdi.cache("cdi-app-keys").get(Cdi.key("AB")));
    }
  }

  @Test
  void sessionScopedBean_deploys_becauseTheInterceptorsArePassivationCapable() {
    try (WeldContainer container = Cdi.start(Basket.class)) {
      assertTrue(container.isRunning());
    }
  }

  @Test
  void cachePutWithoutCacheValue_failsDeploymentNamingTheMethod() {
    assertDeploymentFails(PutWithoutValue.class,
        PutWithoutValue.class.getName() + ".save is a @CachePut method without a @CacheValue");
  }

  @Test
  void twoCacheAnnotationsOnOneMethod_failDeploymentNamingTheMethod() {
    assertDeploymentFails(TwoAnnotations.class, ".both has both @CacheResult and @CacheRemove");
  }

  @Test
  void cacheValueOnACacheResultMethod_failsDeployment() {
    assertDeploymentFails(ValueOnResult.class,
        ".result has a @CacheValue parameter, which only a @CachePut method may have");
  }

  @Test
  void cacheResultReturningAnotherFutureType_failsDeployment() {
    assertDeploymentFails(OwnFutureType.class, "must declare CompletableFuture or"
        + " CompletionStage");
  }

  private static void assertDeploymentFails(Class<?> bean, String expected) {
    RuntimeException failure = assertThrows(RuntimeException.class, () -> Cdi.start(bean));
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertTrue(messages.toString().contains(expected), messages::toString);
  }
}
