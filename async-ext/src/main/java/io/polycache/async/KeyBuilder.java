package io.polycache.async;

import java.util.List;

/**
 * Builds the cache key under which a function's result is kept, from the function's name and
 * the arguments of one call (aiocache's {@code key_builder}). {@link CachedFunction} uses it; so
 * can applications that need the key themselves, for instance to invalidate one result with
 * {@code cache.remove(keys.build("OrderService.find", List.of(42L)))}.
 *
 * <p>A key builder must be a pure function: equal names and equal arguments give equal keys,
 * in every JVM that shares the cache and across restarts; different calls should give different
 * keys (a collision serves one call's result to the other).
 *
 * @param <K> the key type, the cache's
 */
@FunctionalInterface
public interface KeyBuilder<K> {

  /**
   * The key of one call.
   *
   * @param function the function's name, as given to {@link CachedFunction.Builder#name}
   * @param arguments the call's arguments in order; elements may be {@code null}
   */
  K build(String function, List<?> arguments);

  /**
   * The default: a readable text key in the form of a call, {@code OrderService.find(42, "eur")}.
   *
   * <ul>
   *   <li>{@code null} is {@code null}; strings are quoted, with {@code "} and {@code \} escaped
   *       ({@code "a\"b"}); characters are single-quoted ({@code 'x'});</li>
   *   <li>numbers and booleans use {@code toString()}: {@code 42}, {@code 4.2}, {@code true};
   *       enum constants their {@code name()} ({@code EUR}, whatever {@code toString} says);</li>
   *   <li>arrays (of objects or primitives), lists and other ordered collections are rendered
   *       element by element, {@code [1, 2, 3]}; sets that are not {@link java.util.SortedSet}s
   *       and maps that are not {@link java.util.SortedMap}s are rendered with their elements
   *       sorted by their text, {@code {"a", "b"}}, {@code {"a"=1, "b"=2}}, so that their
   *       iteration order does not matter;</li>
   *   <li>any other object by its {@code toString()}: records and value classes whose
   *       {@code toString} shows their state give stable keys.</li>
   * </ul>
   *
   * <p><b>Stability limits.</b> The key is only as stable as the texts it is made of. A class
   * that does not override {@code toString} (its text holds an identity hash, different in each
   * JVM) is refused with an {@link IllegalArgumentException}; a {@code toString} that shows
   * less than the object's identity (two different objects, one text) makes keys collide; one
   * that changes between versions of the class orphans the entries written before. Numbers of
   * different types with the same digits collide ({@code 42} as {@code Integer} and as
   * {@code Long}); floating-point numbers keep {@code toString}'s digits. Self-containing
   * collections are not supported. Use a custom builder when that matters.
   */
  static KeyBuilder<String> readable() {
    return ReadableKeys.INSTANCE;
  }
}
