package io.polycache.provider.serialization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.polycache.async.serialization.SerializationException;
import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import io.polycache.async.serialization.SerializerFactory;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code json} format: Jackson, reading into the cache's configured type.
 *
 * <p>The type to read comes from the cache's configuration only, never from the stored bytes:
 * default typing is never enabled and polymorphic handling on unsafe base types ({@code Object},
 * {@code Serializable}, ...) is blocked, so a payload cannot make Jackson load or instantiate a
 * class it names (an {@code "@class"} property is an unknown property like any other). A class
 * the application itself annotates with {@code @JsonTypeInfo} keeps its own subtype handling.
 *
 * <p>Configuration, fixed: unknown properties are ignored (so a newer class can add fields),
 * trailing tokens fail, {@code java.util.Date} is written as epoch milliseconds. No modules are
 * registered: {@code java.time} types need the java serializer, or their own JSON form in the
 * application's class. Maps, lists, sets and collections are read with JSON's natural types
 * ({@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Integer}/{@code Long}/{@code
 * Double}, {@code Boolean}).
 *
 * <p>One {@link ObjectMapper} per factory; the factory and its serializers are thread-safe.
 */
public final class JsonSerializerFactory implements SerializerFactory {

  /** The id of this format: {@value}. */
  public static final String ID = "json";

  private static final Set<Class<?>> READABLE_INTERFACES =
      Set.of(Map.class, List.class, Set.class, Collection.class);

  private final ObjectMapper mapper = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(MapperFeature.BLOCK_UNSAFE_POLYMORPHIC_BASE_TYPES)
      .build();

  /** A factory with its own {@link ObjectMapper}; the constructor ServiceLoader uses. */
  public JsonSerializerFactory() {}

  /** {@value #ID}. */
  @Override
  public String id() {
    return ID;
  }

  /**
   * A serializer that writes {@code context.type()} objects and reads them back as that type.
   *
   * @throws IllegalArgumentException when the type is {@code Object}, or an interface or
   *     abstract class other than {@code Map}, {@code List}, {@code Set} and {@code Collection}:
   *     JSON does not record which class to read back; the message names the cache and the role
   * @throws NullPointerException when {@code context} is null
   */
  @Override
  public <T> Serializer<T> create(SerializerContext<T> context) {
    Objects.requireNonNull(context, "context");
    if (!readable(context.type())) {
      throw new IllegalArgumentException("Cache " + context.cacheName() + ": the json serializer"
          + " needs a concrete " + context.role() + " type to read " + context.role()
          + "s back, but the configured " + context.role() + " type is "
          + context.type().getName() + "; configure the cache's types (setTypes(K.class,"
          + " V.class)) or use the java serializer");
    }
    return new JsonSerializer<>(context, mapper.readerFor(context.type()),
        mapper.writerFor(context.type()));
  }

  private static boolean readable(Class<?> type) {
    if (type.isArray()) {
      return readable(type.getComponentType());
    }
    if (type.isPrimitive() || READABLE_INTERFACES.contains(type)) {
      return true;
    }
    return type != Object.class && !type.isInterface()
        && !Modifier.isAbstract(type.getModifiers());
  }

  private static final class JsonSerializer<T> implements Serializer<T> {

    private final String cacheName;
    private final String role;
    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    JsonSerializer(SerializerContext<T> context, ObjectReader reader, ObjectWriter writer) {
      this.cacheName = context.cacheName();
      this.role = context.role();
      this.type = context.type();
      this.reader = reader;
      this.writer = writer;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public byte[] serialize(T value) {
      Objects.requireNonNull(value, "value");
      try {
        return writer.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new SerializationException("Cache " + cacheName + ": cannot write the " + role
            + " of class " + value.getClass().getName() + " as JSON: " + e.getMessage()
            + ". Give the class a JSON form Jackson can write (getters or public fields,"
            + " Jackson annotations) or use the java serializer", e);
      }
    }

    @Override
    public T deserialize(byte[] bytes) {
      return deserialize(Objects.requireNonNull(bytes, "bytes"), 0, bytes.length);
    }

    @Override
    public T deserialize(byte[] bytes, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      T value;
      try {
        value = reader.readValue(bytes, offset, length);
      } catch (IOException e) {
        throw new SerializationException("Cache " + cacheName + ": cannot read a stored " + role
            + " as " + type.getName() + " with the json serializer: " + e.getMessage(), e);
      }
      if (value == null) {
        throw new SerializationException("Cache " + cacheName + ": a stored " + role
            + " is the JSON null, which Polycache never writes; remove the entry");
      }
      return value;
    }
  }
}
