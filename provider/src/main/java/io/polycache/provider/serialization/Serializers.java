package io.polycache.provider.serialization;

import io.polycache.async.serialization.SerializerFactory;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The serializer formats by id: the built-ins {@code java}, {@code json}, {@code string} and
 * {@code bytes}, plus every {@link SerializerFactory} that {@link ServiceLoader} finds on a class
 * loader (listed in {@code META-INF/services/io.polycache.async.serialization.SerializerFactory}).
 *
 * <p>A built-in id always means the built-in: a service factory cannot replace it, and
 * {@link #available} reports one that tries. Built-ins are created anew on each call, so no
 * factory (nor the classes its serializers cached) outlives the cache manager that asked for it.
 * Stateless and thread-safe.
 */
public final class Serializers {

  /** The id of the serializer values use when a cache configures none: {@value}. */
  public static final String DEFAULT_VALUE_SERIALIZER = JavaSerializerFactory.ID;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9.-]{1,32}");

  private static final Map<String, Supplier<SerializerFactory>> BUILT_INS = Map.of(
      JavaSerializerFactory.ID, JavaSerializerFactory::new,
      JsonSerializerFactory.ID, JsonSerializerFactory::new,
      StringSerializerFactory.ID, StringSerializerFactory::new,
      BytesSerializerFactory.ID, BytesSerializerFactory::new);

  private Serializers() {}

  /** The ids of the built-in formats: {@code bytes}, {@code java}, {@code json}, {@code string}. */
  public static Set<String> builtInIds() {
    return Set.copyOf(BUILT_INS.keySet());
  }

  /**
   * The factory of format {@code id}: a new built-in, else the service factory of that id found
   * on {@code classLoader}. Looking up a built-in id does not scan the class path.
   *
   * @throws IllegalArgumentException when no format has that id; the message lists the known ids
   * @throws IllegalStateException when the service factories are broken (one fails to load, two
   *     share an id, one takes a built-in id or an invalid id)
   * @throws NullPointerException when an argument is null
   */
  public static SerializerFactory forId(String id, ClassLoader classLoader) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(classLoader, "classLoader");
    Supplier<SerializerFactory> builtIn = BUILT_INS.get(id);
    if (builtIn != null) {
      return builtIn.get();
    }
    Map<String, SerializerFactory> available = available(classLoader);
    SerializerFactory factory = available.get(id);
    if (factory == null) {
      throw new IllegalArgumentException("Unknown serializer \"" + id + "\"; known serializers: "
          + String.join(", ", available.keySet()) + " (add one by listing its SerializerFactory"
          + " in META-INF/services/" + SerializerFactory.class.getName() + ")");
    }
    return factory;
  }

  /**
   * Every format by id, sorted: new built-ins and the service factories {@link ServiceLoader}
   * finds on {@code classLoader} (instantiated by this call).
   *
   * @throws IllegalStateException when a service factory fails to load, has an id that is not
   *     1 to 32 ASCII letters, digits, {@code .} or {@code -}, or shares its id with a built-in
   *     or another service factory; the message names the classes
   * @throws NullPointerException when {@code classLoader} is null
   */
  public static Map<String, SerializerFactory> available(ClassLoader classLoader) {
    Objects.requireNonNull(classLoader, "classLoader");
    Map<String, SerializerFactory> factories = new TreeMap<>();
    BUILT_INS.forEach((id, supplier) -> factories.put(id, supplier.get()));
    try {
      for (SerializerFactory factory : ServiceLoader.load(SerializerFactory.class, classLoader)) {
        String id = factory.id();
        if (id == null || !ID.matcher(id).matches()) {
          throw new IllegalStateException("Serializer factory " + factory.getClass().getName()
              + " has the id \"" + id + "\"; an id is 1 to 32 ASCII letters, digits, '.' or '-'");
        }
        SerializerFactory clash = factories.putIfAbsent(id, factory);
        if (clash != null) {
          throw new IllegalStateException("Serializer factories " + clash.getClass().getName()
              + " and " + factory.getClass().getName() + " both have the id \"" + id + "\""
              + (BUILT_INS.containsKey(id) ? " (a built-in id, which cannot be replaced)" : "")
              + "; give each its own id");
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("A serializer factory listed in META-INF/services/"
          + SerializerFactory.class.getName() + " cannot be loaded: " + e.getMessage(), e);
    }
    return Collections.unmodifiableMap(factories);
  }
}
