package io.polycache.provider.serialization;

import io.polycache.async.serialization.SerializationException;
import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import io.polycache.async.serialization.SerializerFactory;
import java.util.Objects;

/**
 * The {@code java} format: Java serialization behind an allowlist of classes.
 *
 * <p>A reader may load and instantiate only these classes:
 * <ul>
 *   <li>the JDK's value types: boxed primitives, {@code String}, {@code BigInteger},
 *       {@code BigDecimal}, the common {@code java.util} lists, sets, maps and their
 *       unmodifiable, synchronized, empty, singleton and {@code List.of}/{@code Map.of}/{@code
 *       Set.of} forms, {@code Arrays.asList}, {@code Date}, {@code UUID}, {@code Locale},
 *       {@code Currency}, everything in {@code java.time} and its sub-packages, a few JDK enums
 *       ({@code TimeUnit}, {@code RoundingMode}); arrays of allowed types and of primitives;
 *   <li>the configured type of the context, unless it is {@code Object}; not its subclasses, nor
 *       the application classes of its fields;
 *   <li>the context's {@link SerializerContext#allowedClasses() allowedClasses} patterns:
 *       {@code com.example.Order} (one class, nested classes spelled {@code Outer$Inner}),
 *       {@code com.example.*} (the classes of one package), {@code com.example.**} (a package and
 *       its sub-packages);
 *   <li>the same patterns listed, separated by {@code ,} or {@code ;}, in the system property
 *       {@value #ALLOW_PROPERTY}, read when a serializer is created, e.g.
 *       {@code -Dpolycache.serialization.allow=com.example.**} for a test run or an ORM.
 * </ul>
 * Application enums are classes like any other: allow them by pattern.
 *
 * <p>A class outside the allowlist is refused by name before it is loaded, so none of its code
 * runs ({@code readObject}, {@code readResolve}, constructors, static initializers); the
 * {@link SerializationException} names the cache, the role, the class and the pattern that would
 * allow it. The reader also refuses nesting deeper than {@link #DEFAULT_MAX_DEPTH} objects and
 * arrays longer than {@link #DEFAULT_MAX_ARRAY_LENGTH} elements (or the limits given to the
 * constructor), and honours the JVM-wide {@code jdk.serialFilter} when one is set. Writing
 * refuses a class the reader would refuse, so such a value is never stored. Classes are resolved
 * through the context's class loader.
 *
 * <p>Factories and serializers are immutable and thread-safe.
 */
public final class JavaSerializerFactory implements SerializerFactory {

  /** The id of this format: {@value}. */
  public static final String ID = "java";

  /** The system property with JVM-wide allowed class patterns: {@value}. */
  public static final String ALLOW_PROPERTY = ClassAllowlist.PROPERTY;

  /** The deepest object nesting a reader accepts by default: {@value}. */
  public static final long DEFAULT_MAX_DEPTH = 100;

  /** The longest array a reader accepts by default: {@value} elements. */
  public static final long DEFAULT_MAX_ARRAY_LENGTH = 10_000_000;

  private final long maxDepth;
  private final long maxArrayLength;

  /** A factory with the default limits; the constructor {@link java.util.ServiceLoader} uses. */
  public JavaSerializerFactory() {
    this(DEFAULT_MAX_DEPTH, DEFAULT_MAX_ARRAY_LENGTH);
  }

  /**
   * A factory whose readers refuse deeper nesting or longer arrays than given.
   *
   * @throws IllegalArgumentException when a limit is below 1
   */
  public JavaSerializerFactory(long maxDepth, long maxArrayLength) {
    if (maxDepth < 1 || maxArrayLength < 1) {
      throw new IllegalArgumentException("maxDepth and maxArrayLength must be at least 1, not "
          + maxDepth + " and " + maxArrayLength);
    }
    this.maxDepth = maxDepth;
    this.maxArrayLength = maxArrayLength;
  }

  /** {@value #ID}. */
  @Override
  public String id() {
    return ID;
  }

  /**
   * A serializer for {@code context.type()} objects (any type, {@code Object} included). The
   * allowlist is fixed here, including the system property's value at this moment.
   *
   * @throws IllegalArgumentException when an allowed-class pattern is malformed
   * @throws NullPointerException when {@code context} is null
   */
  @Override
  public <T> Serializer<T> create(SerializerContext<T> context) {
    Objects.requireNonNull(context, "context");
    return new JavaSerializer<>(context, new JavaSerialization(context, maxDepth,
        maxArrayLength));
  }

  JavaSerialization serialization(SerializerContext<?> context) {
    return new JavaSerialization(context, maxDepth, maxArrayLength);
  }

  private static final class JavaSerializer<T> implements Serializer<T> {

    private final String cacheName;
    private final String role;
    private final Class<T> type;
    private final JavaSerialization serialization;

    JavaSerializer(SerializerContext<T> context, JavaSerialization serialization) {
      this.cacheName = context.cacheName();
      this.role = context.role();
      this.type = context.type();
      this.serialization = serialization;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public byte[] serialize(T value) {
      Objects.requireNonNull(value, "value");
      return serialization.write(value);
    }

    @Override
    public T deserialize(byte[] bytes) {
      return deserialize(Objects.requireNonNull(bytes, "bytes"), 0, bytes.length);
    }

    @Override
    public T deserialize(byte[] bytes, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      Object object = serialization.read(bytes, offset, length);
      if (type.isPrimitive() || type.isInstance(object)) {
        @SuppressWarnings("unchecked")
        T typed = (T) object;
        return typed;
      }
      throw new SerializationException("Cache " + cacheName + ": a stored " + role + " is a "
          + object.getClass().getName() + ", not the configured " + role + " type "
          + type.getName() + "; remove the entry or configure the cache's types to match");
    }
  }
}
