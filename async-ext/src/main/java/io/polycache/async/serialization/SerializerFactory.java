package io.polycache.async.serialization;

/**
 * Makes the {@link Serializer} of one role (keys or values) of one cache. Named in a cache's
 * configuration by {@link #id()}, or given as an instance.
 */
public interface SerializerFactory {

  /** The id caches name this factory by, e.g. {@code java}, {@code json}, {@code string}. */
  String id();

  /**
   * A serializer for {@code context.type()} objects.
   *
   * @throws IllegalArgumentException when this format cannot serve that type safely (for example
   *     JSON for {@code Object}); the message names the cache and what to configure instead
   */
  <T> Serializer<T> create(SerializerContext<T> context);
}
