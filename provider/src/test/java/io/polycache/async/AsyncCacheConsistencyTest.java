package io.polycache.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.cache.Cache;
import javax.cache.integration.CompletionListener;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncCache} keeps step with {@link Cache}: every {@code Cache} method has a twin of the
 * same name and parameter types returning a {@code CompletableFuture} of its (boxed) return type,
 * except the deliberate gaps in {@link #GAPS}. {@code loadAll}'s {@code CompletionListener} is
 * the one parameter a twin drops: the future replaces it.
 */
class AsyncCacheConsistencyTest {

  /** The {@code Cache} methods with no async twin, and why. The only list of them. */
  private static final Map<String, String> GAPS = Map.ofEntries(
      Map.entry("iterator", "lazy paging over the cache, each page a bulk read; an async"
          + " iterator is a different API (a Flow.Publisher) that nothing asks for yet"),
      Map.entry("forEach", "inherited from Iterable: iteration, see iterator"),
      Map.entry("spliterator", "inherited from Iterable: iteration, see iterator"),
      Map.entry("getName", "a local property, no I/O: synchronous().getName()"),
      Map.entry("getCacheManager", "a local property, no I/O: synchronous().getCacheManager()"),
      Map.entry("getConfiguration", "a local property, no I/O:"
          + " synchronous().getConfiguration(type)"),
      Map.entry("close", "the cache's lifecycle, not a data operation: synchronous().close()"),
      Map.entry("isClosed", "a local flag: synchronous().isClosed()"),
      Map.entry("unwrap", "AsyncCache.unwrap means the backend's native client;"
          + " synchronous().unwrap(type) gives the provider's objects"),
      Map.entry("registerCacheEntryListener", "listeners are registered locally, no I/O:"
          + " synchronous().registerCacheEntryListener(...)"),
      Map.entry("deregisterCacheEntryListener", "listeners are registered locally, no I/O:"
          + " synchronous().deregisterCacheEntryListener(...)"));

  @Test
  void everyCacheMethod_hasAnAsyncTwinOrIsAListedGap() {
    List<String> missing = new ArrayList<>();
    for (Method method : Cache.class.getMethods()) {
      if (GAPS.containsKey(method.getName())) {
        continue;
      }
      Method twin = twinOf(method);
      if (twin == null) {
        missing.add(signature(method));
        continue;
      }
      assertEquals(CompletableFuture.class, twin.getReturnType(), signature(twin));
      Type expected = boxed(method.getGenericReturnType());
      Type actual = ((ParameterizedType) twin.getGenericReturnType()).getActualTypeArguments()[0];
      assertEquals(expected.getTypeName(), actual.getTypeName(),
          "the twin of " + signature(method) + " must return CompletableFuture<"
              + expected.getTypeName() + ">");
      assertEquals(typeNames(genericParameters(method)), typeNames(twin.getGenericParameterTypes()),
          "generic parameters of the twin of " + signature(method));
    }
    if (!missing.isEmpty()) {
      fail("javax.cache.Cache methods without an AsyncCache twin (add one, or list the method"
          + " in GAPS with the reason): " + missing);
    }
  }

  @Test
  void gaps_nameOnlyMethodsThatExistOnCache() {
    List<String> cacheMethods = Arrays.stream(Cache.class.getMethods()).map(Method::getName)
        .collect(Collectors.toList());
    for (String gap : GAPS.keySet()) {
      assertTrue(cacheMethods.contains(gap), "GAPS lists " + gap + ", which Cache lacks");
    }
  }

  @Test
  void gaps_haveNoAsyncTwinOfTheSameSignature() {
    for (Method method : Cache.class.getMethods()) {
      if (GAPS.containsKey(method.getName()) && !method.getName().equals("unwrap")) {
        assertEquals(null, twinOf(method), "GAPS lists " + signature(method)
            + " but AsyncCache has a twin: remove it from GAPS");
      }
    }
  }

  @Test
  void everyAsyncOperation_isACacheTwinOrADocumentedExtension() {
    List<String> extensions = List.of("add", "increment", "expire", "removeByPrefix",
        "synchronous", "unwrap");
    for (Method method : AsyncCache.class.getMethods()) {
      if (extensions.contains(method.getName())) {
        continue;
      }
      boolean twin = Arrays.stream(Cache.class.getMethods())
          .anyMatch(m -> m.getName().equals(method.getName()));
      assertTrue(twin, "AsyncCache." + method.getName() + " is neither a Cache twin nor a listed"
          + " extension");
    }
  }

  /** The twin: same name, same parameters (loadAll without its CompletionListener). */
  private static Method twinOf(Method method) {
    Class<?>[] parameters = erasedParameters(method);
    try {
      return AsyncCache.class.getMethod(method.getName(), parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Class<?>[] erasedParameters(Method method) {
    return Arrays.stream(method.getParameterTypes())
        .filter(type -> type != CompletionListener.class).toArray(Class<?>[]::new);
  }

  private static Type[] genericParameters(Method method) {
    Type[] generic = method.getGenericParameterTypes();
    Class<?>[] erased = method.getParameterTypes();
    List<Type> kept = new ArrayList<>();
    for (int i = 0; i < generic.length; i++) {
      if (erased[i] != CompletionListener.class) {
        kept.add(generic[i]);
      }
    }
    return kept.toArray(Type[]::new);
  }

  private static List<String> typeNames(Type[] types) {
    return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.toList());
  }

  private static Type boxed(Type type) {
    if (type == void.class) {
      return Void.class;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    return type;
  }

  private static String signature(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName()
        + Arrays.stream(method.getGenericParameterTypes()).map(Type::getTypeName)
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
