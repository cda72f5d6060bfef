package io.polycache.async.serialization;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link SerializerFactory} knows about the serializer it makes.
 *
 * @param cacheName the cache, for error messages
 * @param role {@code "key"} or {@code "value"}, for error messages
 * @param type the configured key or value type ({@code Object.class} when untyped)
 * @param classLoader the cache manager's class loader, to resolve classes
 * @param allowedClasses extra class-name patterns a deserializer may instantiate beyond its
 *     defaults: {@code com.example.Order} (one class), {@code com.example.*} (a package),
 *     {@code com.example.**} (a package and its sub-packages)
 * @param <T> the type of the objects the serializer writes
 */
public record SerializerContext<T>(String cacheName, String role, Class<T> type,
    ClassLoader classLoader, List<String> allowedClasses) {

  public SerializerContext {
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(classLoader, "classLoader");
    allowedClasses = List.copyOf(allowedClasses);
  }
}
