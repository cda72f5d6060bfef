package io.polycache.provider.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.cache.CacheException;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

/**
 * What the cache annotations of one method say, read once by reflection: the operation, the
 * cache name, the key and value parameters, the exception rules and whether the method is
 * asynchronous. Building one enforces the specification's rules for the annotations, so that
 * {@link PolycacheCdiExtension} can report a misuse at deployment instead of at the first call.
 * Immutable.
 */
final class MethodShape {

  /** The four operations, one per interceptor. */
  enum Kind { RESULT, PUT, REMOVE, REMOVE_ALL }

  static final List<Class<? extends Annotation>> CACHE_ANNOTATIONS =
      List.of(CacheResult.class, CachePut.class, CacheRemove.class, CacheRemoveAll.class);

  final Method method;
  final Kind kind;
  final Annotation annotation;
  /** The class-level {@code @CacheDefaults}, or null. */
  final CacheDefaults defaults;
  final String cacheName;
  final Set<Annotation> methodAnnotations;
  final List<InvocationParameter.Slot> parameters;
  final int[] keyPositions;
  /** The position of the {@code @CacheValue} parameter, or -1. */
  final int valuePosition;
  /** {@code @CacheResult(skipGet)}. */
  final boolean skipGet;
  /** {@code afterInvocation} of {@code @CachePut}, {@code @CacheRemove}, {@code @CacheRemoveAll}. */
  final boolean afterInvocation;
  /**
   * Which failures are cached ({@code @CacheResult}), still put ({@code @CachePut}) or still
   * evict ({@code @CacheRemove}, {@code @CacheRemoveAll}).
   */
  final ExceptionFilter exceptions;
  /** Whether the method returns {@code CompletableFuture} or {@code CompletionStage}. */
  final boolean async;

  /**
   * The shape of {@code method} as called on an instance of {@code targetClass}, or null when
   * neither the method nor the class carries a cache annotation. A method annotation wins over a
   * class annotation; {@code @CacheDefaults} is looked up from {@code targetClass} upwards.
   *
   * @throws CacheException when the annotations break a rule of the specification; the message
   *     names the method and the rule
   */
  static MethodShape of(Method method, Class<?> targetClass) {
    Annotation annotation = cacheAnnotation(method, targetClass);
    return annotation == null ? null : new MethodShape(method, targetClass, annotation);
  }

  private MethodShape(Method method, Class<?> targetClass, Annotation annotation) {
    this.method = method;
    this.annotation = annotation;
    this.defaults = findDefaults(targetClass);
    String named;
    if (annotation instanceof CacheResult result) {
      kind = Kind.RESULT;
      named = result.cacheName();
      skipGet = result.skipGet();
      afterInvocation = false;
      exceptions = ExceptionFilter.of(result.cachedExceptions(), result.nonCachedExceptions(),
          true);
    } else if (annotation instanceof CachePut put) {
      kind = Kind.PUT;
      named = put.cacheName();
      skipGet = false;
      afterInvocation = put.afterInvocation();
      exceptions = ExceptionFilter.of(put.cacheFor(), put.noCacheFor(), false);
    } else if (annotation instanceof CacheRemove remove) {
      kind = Kind.REMOVE;
      named = remove.cacheName();
      skipGet = false;
      afterInvocation = remove.afterInvocation();
      exceptions = ExceptionFilter.of(remove.evictFor(), remove.noEvictFor(), false);
    } else {
      CacheRemoveAll removeAll = (CacheRemoveAll) annotation;
      kind = Kind.REMOVE_ALL;
      named = removeAll.cacheName();
      skipGet = false;
      afterInvocation = removeAll.afterInvocation();
      exceptions = ExceptionFilter.of(removeAll.evictFor(), removeAll.noEvictFor(), false);
    }
    this.cacheName = cacheName(named, defaults, method);
    this.methodAnnotations = Collections.unmodifiableSet(
        new LinkedHashSet<>(List.of(method.getAnnotations())));

    Class<?>[] types = method.getParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    List<InvocationParameter.Slot> slots = new ArrayList<>(types.length);
    List<Integer> marked = new ArrayList<>();
    int value = -1;
    for (int i = 0; i < types.length; i++) {
      Set<Annotation> own = Collections.unmodifiableSet(new LinkedHashSet<>(
          List.of(annotations[i])));
      slots.add(new InvocationParameter.Slot(types[i], own, i));
      for (Annotation a : annotations[i]) {
        if (a instanceof CacheKey) {
          marked.add(i);
        } else if (a instanceof CacheValue) {
          if (value >= 0) {
            throw misuse(method, "has more than one @CacheValue parameter");
          }
          value = i;
        }
      }
    }
    if (kind == Kind.PUT && value < 0) {
      throw misuse(method, "is a @CachePut method without a @CacheValue parameter; mark the"
          + " parameter whose value is to be cached");
    }
    if (kind != Kind.PUT && value >= 0) {
      throw misuse(method, "has a @CacheValue parameter, which only a @CachePut method may have");
    }
    this.parameters = List.copyOf(slots);
    this.valuePosition = value;
    this.keyPositions = keyPositions(types.length, marked, value);

    Class<?> returned = method.getReturnType();
    this.async = returned == CompletableFuture.class || returned == CompletionStage.class;
    if (kind == Kind.RESULT && !async && CompletionStage.class.isAssignableFrom(returned)) {
      throw misuse(method, "returns " + returned.getName() + "; a @CacheResult method that"
          + " returns a future must declare CompletableFuture or CompletionStage, so that the"
          + " completed value is cached instead of the future");
    }
  }

  private static int[] keyPositions(int count, List<Integer> marked, int value) {
    if (!marked.isEmpty()) {
      return marked.stream().filter(i -> i != value).mapToInt(Integer::intValue).toArray();
    }
    int[] all = new int[value >= 0 ? count - 1 : count];
    int next = 0;
    for (int i = 0; i < count; i++) {
      if (i != value) {
        all[next++] = i;
      }
    }
    return all;
  }

  private static Annotation cacheAnnotation(Method method, Class<?> targetClass) {
    Annotation found = single(method.getAnnotations(), method);
    for (Class<?> c = targetClass; found == null && c != null && c != Object.class;
        c = c.getSuperclass()) {
      found = single(c.getDeclaredAnnotations(), method);
    }
    return found;
  }

  private static Annotation single(Annotation[] annotations, Method method) {
    Annotation found = null;
    for (Annotation a : annotations) {
      if (CACHE_ANNOTATIONS.contains(a.annotationType())) {
        if (found != null) {
          throw misuse(method, "has both @" + found.annotationType().getSimpleName() + " and @"
              + a.annotationType().getSimpleName() + "; a method may carry one cache annotation");
        }
        found = a;
      }
    }
    return found;
  }

  private static CacheDefaults findDefaults(Class<?> targetClass) {
    for (Class<?> c = targetClass; c != null && c != Object.class; c = c.getSuperclass()) {
      CacheDefaults defaults = c.getDeclaredAnnotation(CacheDefaults.class);
      if (defaults != null) {
        return defaults;
      }
    }
    return null;
  }

  /**
   * The annotation's name, else {@code @CacheDefaults}', else the specification's default
   * {@code com.example.Books.find(java.lang.String,int)}.
   */
  static String cacheName(String named, CacheDefaults defaults, Method method) {
    if (!named.isEmpty()) {
      return named;
    }
    if (defaults != null && !defaults.cacheName().isEmpty()) {
      return defaults.cacheName();
    }
    StringJoiner types = new StringJoiner(",", method.getName() + "(", ")");
    for (Class<?> type : method.getParameterTypes()) {
      types.add(type.getName());
    }
    return method.getDeclaringClass().getName() + "." + types;
  }

  static CacheException misuse(Method method, String problem) {
    return new CacheException(method.getDeclaringClass().getName() + "." + method.getName()
        + " " + problem);
  }

  @Override
  public String toString() {
    return "@" + annotation.annotationType().getSimpleName() + " " + method + " on cache "
        + cacheName;
  }
}
